/**
 * A seeded pseudo-random generator: sfc32 (Chris Doty-Humphrey's Small Fast Counting generator,
 * PractRand-tested) with its 128-bit state filled by splitmix32 from a 32-bit seed. Only 32-bit
 * integer operations (Math.imul, >>>), so the same seed gives the same sequence on every machine
 * and JavaScript engine — the reproducibility a verifier re-running a simulation needs.
 */
export interface RandomSource {
  /** Uniform on [0, 1) with 53 random bits (two 32-bit draws). */
  readonly next: () => number;
  /** Uniform 32-bit unsigned integer. */
  readonly nextUint32: () => number;
}

/**
 * A generator seeded with `seed` (any integer; only its low 32 bits matter).
 *
 * @example
 * const random = seededRandom(1);
 * random.next(); // the same number on every machine and every call with seed 1
 */
export function seededRandom(seed: number): RandomSource {
  // splitmix32: spreads a small seed (0, 1, 2…) over all state bits so nearby seeds give
  // unrelated streams.
  let mix = seed >>> 0;
  const splitmix = (): number => {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let counter = splitmix();
  const nextUint32 = (): number => {
    const t = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  // Discard the first outputs: sfc32's authors advise a few rounds before use.
  for (let i = 0; i < 12; i++) nextUint32();
  const next = (): number => {
    const high = nextUint32() >>> 5; // 27 bits
    const low = nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) / 9007199254740992; // (high·2^26 + low) / 2^53
  };
  return Object.freeze({ next, nextUint32 });
}
