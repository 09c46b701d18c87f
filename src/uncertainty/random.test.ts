import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';

// An independent BigInt transcription of splitmix32 seeding and sfc32 (every operation reduced
// mod 2^32 explicitly), so the 32-bit tricks of random.ts (>>> 0, Math.imul) are checked
// against plain arithmetic rather than against numbers recorded from the code under test.
function referenceStream(seed: number, count: number): number[] {
  const M = 2n ** 32n;
  const mul = (a: bigint, b: bigint) => (a * b) % M;
  let mix = BigInt(seed >>> 0);
  const splitmix = () => {
    mix = (mix + 0x9e3779b9n) % M;
    let z = mix;
    z = mul(z ^ (z >> 16n), 0x85ebca6bn);
    z = mul(z ^ (z >> 13n), 0xc2b2ae35n);
    return z ^ (z >> 16n);
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let counter = splitmix();
  const next = () => {
    const t = (a + b + counter) % M;
    counter = (counter + 1n) % M;
    a = b ^ (b >> 9n);
    b = (c + ((c << 3n) % M)) % M;
    c = ((c << 21n) % M) | (c >> 11n);
    c = (c + t) % M;
    return t;
  };
  for (let i = 0; i < 12; i++) next();
  return Array.from({ length: count }, () => Number(next()));
}

describe('seededRandom', () => {
  it('is sfc32 seeded by splitmix32, bit for bit', () => {
    for (const seed of [0, 1, 42, 0xffffffff, -1]) {
      const random = seededRandom(seed);
      const ours = Array.from({ length: 1000 }, () => random.nextUint32());
      expect(ours).toEqual(referenceStream(seed, 1000));
    }
  });

  it('gives the same sequence for the same seed on every call, another for another seed', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 50 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('next() is uniform on [0, 1): mean and variance within sampling error', () => {
    const random = seededRandom(3);
    const n = 200_000;
    let total = 0;
    let squares = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = random.next();
      if (!(u >= 0 && u < 1)) outside++;
      total += u;
      squares += u * u;
    }
    expect(outside).toBe(0);
    // U(0,1): mean 1/2, variance 1/12; the sample mean's standard error is √(1/12 / n) ≈ 0.00065.
    expect(Math.abs(total / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    // E[u²] = 1/3; Var(u²) = 1/5 − 1/9 = 4/45.
    expect(Math.abs(squares / n - 1 / 3)).toBeLessThan(5 * Math.sqrt(4 / 45 / n));
  });
});
