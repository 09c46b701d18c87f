import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAmount, readAmount } from './fields.js';

// checkAmount may accept without reading; it must never accept what readAmount refuses, and
// must refuse with readAmount's own code and message.
describe('checkAmount', () => {
  const digits = (max: number) => fc.array(fc.constantFrom('0', '0', '0', '1', '5', '9'), { maxLength: max }).map((d) => d.join(''));
  const plainish = fc
    .tuple(fc.constantFrom('', '', '-', '+', ' '), digits(30), fc.constantFrom('', '.', '.', 'e', 'x'), digits(40))
    .map(([sign, int, point, frac]) => `${sign}${int}${point}${frac}`);

  it('accepts only what readAmount reads, and refuses alike', () => {
    fc.assert(
      fc.property(plainish, (text) => {
        const checked = checkAmount(text);
        const read = readAmount(text);
        expect(checked.ok).toBe(read.ok);
        if (!checked.ok && !read.ok) expect([checked.code, checked.message]).toEqual([read.code, read.message]);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with readAmount on JSON numbers', () => {
    const numbers = fc.oneof(fc.double(), fc.double({ min: 1e-32, max: 1e-28 }), fc.double({ min: 1e22, max: 1e25 }), fc.constantFrom(0, -0, 1e-30, 1e23, 1e24, -1));
    fc.assert(
      fc.property(numbers, (value) => {
        expect(checkAmount(value).ok).toBe(readAmount(value).ok);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the edges of the range by their digits', () => {
    // 23 integer digits are below 1e23, accepted without reading; the range ends at 1e24
    // inclusive (read), and 1e24 + 1 is past it.
    expect(checkAmount('9'.repeat(23)).ok).toBe(true);
    expect(checkAmount('1' + '0'.repeat(24)).ok).toBe(true);
    expect(checkAmount('1' + '0'.repeat(23) + '1').ok).toBe(false);
    // First significant digit 30 places after the point is 1e-30 (accepted), 31 places is 1e-31.
    expect(checkAmount(`0.${'0'.repeat(29)}1`).ok).toBe(true);
    expect(checkAmount(`0.${'0'.repeat(30)}1`).ok).toBe(false);
    expect(checkAmount('0.000').ok).toBe(true);
    expect(checkAmount('-0.5').ok).toBe(false);
  });
});
