// SHA-256 as specified in FIPS 180-4 (Secure Hash Standard, 2015), §6.2, written in plain
// TypeScript so the library hashes the same way in browsers and in Node without node:crypto.
// The 32-bit word arithmetic below is the hash's own integer arithmetic, not accounting arithmetic.

// FIPS 180-4 §4.2.2: the first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const ROUND_CONSTANTS = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

// FIPS 180-4 §5.3.3: the first 32 bits of the fractional parts of the square roots of the first 8 primes.
const INITIAL_HASH = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19] as const;

const BLOCK_BYTES = 64;

/**
 * SHA-256 digest of bytes, or of text encoded as UTF-8, as 64 lower-case hex digits.
 *
 * @example
 * sha256Hex('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' (FIPS 180-2 Appendix B.1)
 */
export function sha256Hex(input: string | Uint8Array): string {
  const digest = sha256(input);
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/**
 * SHA-256 digest (32 bytes) of bytes, or of text encoded as UTF-8.
 *
 * @example
 * sha256(new Uint8Array()).length // 32
 */
export function sha256(input: string | Uint8Array): Uint8Array {
  const message = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const state = new Uint32Array(INITIAL_HASH);
  const words = new Uint32Array(64);

  // §5.1.1 padding: a single 1 bit, zeros, then the message length in bits as a 64-bit big-endian number.
  const fullBlocks = Math.floor(message.length / BLOCK_BYTES);
  for (let block = 0; block < fullBlocks; block++) compress(state, words, message, block * BLOCK_BYTES);

  const restLength = message.length - fullBlocks * BLOCK_BYTES;
  const tailLength = restLength + 1 + 8 <= BLOCK_BYTES ? BLOCK_BYTES : 2 * BLOCK_BYTES;
  const tail = new Uint8Array(tailLength);
  tail.set(message.subarray(fullBlocks * BLOCK_BYTES));
  tail[restLength] = 0x80;
  const view = new DataView(tail.buffer);
  // The bit length can exceed 2^32: split it into high and low words without losing bits.
  const bitLengthHigh = Math.floor(message.length / 0x20000000);
  const bitLengthLow = (message.length * 8) >>> 0;
  view.setUint32(tailLength - 8, bitLengthHigh);
  view.setUint32(tailLength - 4, bitLengthLow);
  for (let offset = 0; offset < tailLength; offset += BLOCK_BYTES) compress(state, words, tail, offset);

  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, state[i]!);
  return out;
}

/** §6.2.2: one 512-bit block into the running hash state. */
function compress(state: Uint32Array, words: Uint32Array, bytes: Uint8Array, offset: number): void {
  for (let t = 0; t < 16; t++) {
    const i = offset + t * 4;
    words[t] = ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0;
  }
  for (let t = 16; t < 64; t++) {
    const w15 = words[t - 15]!;
    const w2 = words[t - 2]!;
    const sigma0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3); // σ0, Eq. 4.6
    const sigma1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10); // σ1, Eq. 4.7
    words[t] = (sigma1 + words[t - 7]! + sigma0 + words[t - 16]!) >>> 0;
  }
  let a = state[0]!, b = state[1]!, c = state[2]!, d = state[3]!;
  let e = state[4]!, f = state[5]!, g = state[6]!, h = state[7]!;
  for (let t = 0; t < 64; t++) {
    const bigSigma1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25); // Σ1, Eq. 4.5
    const choose = (e & f) ^ (~e & g); // Ch, Eq. 4.2
    const temp1 = (h + bigSigma1 + choose + ROUND_CONSTANTS[t]! + words[t]!) >>> 0;
    const bigSigma0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22); // Σ0, Eq. 4.4
    const majority = (a & b) ^ (a & c) ^ (b & c); // Maj, Eq. 4.3
    const temp2 = (bigSigma0 + majority) >>> 0;
    h = g;
    g = f;
    f = e;
    e = (d + temp1) >>> 0;
    d = c;
    c = b;
    b = a;
    a = (temp1 + temp2) >>> 0;
  }
  state[0] = (state[0]! + a) >>> 0;
  state[1] = (state[1]! + b) >>> 0;
  state[2] = (state[2]! + c) >>> 0;
  state[3] = (state[3]! + d) >>> 0;
  state[4] = (state[4]! + e) >>> 0;
  state[5] = (state[5]! + f) >>> 0;
  state[6] = (state[6]! + g) >>> 0;
  state[7] = (state[7]! + h) >>> 0;
}

function rotr(x: number, n: number): number {
  return ((x >>> n) | (x << (32 - n))) >>> 0;
}
