import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Hex } from '../../src/report/audit/sha256.js';

// Expected digests are the NIST examples for SHA-256 (FIPS 180-2, Appendix B; NIST CSRC
// "Examples with Intermediate Values", SHA256.pdf), which FIPS 180-4 keeps.
describe('sha256Hex (FIPS 180-4)', () => {
  it('"abc" (one block, FIPS 180-2 B.1)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('the empty string', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('the 448-bit two-block message (FIPS 180-2 B.2)', () => {
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('one million "a" (FIPS 180-2 B.3)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto at every padding boundary (lengths 0..130) and on UTF-8 text', () => {
    for (let length = 0; length <= 130; length++) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 31 + length) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    const text = '电解铝 CF4 — Ω';
    expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });

  it('returns 32 bytes and does not change its input', () => {
    const input = new Uint8Array([1, 2, 3]);
    expect(sha256(input)).toHaveLength(32);
    expect([...input]).toEqual([1, 2, 3]);
  });
});
