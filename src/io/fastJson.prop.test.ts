import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonExactly } from './fastJson.js';
import { parseModelText } from './parseModelText.js';

// The careful path: the YAML reader with exact number tags (what `json` used before the fast path).
const careful = (text: string) => parseModelText(text, 'yaml');

describe('readJsonExactly', () => {
  it('gives the same value as the careful reader whenever it answers', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.double({ noNaN: true, noDefaultInfinity: true })), (value) => {
        const text = JSON.stringify(value);
        const fast = readJsonExactly(text);
        if (fast !== undefined) expect(fast).toEqual(careful(text));
      }),
      { numRuns: 500 },
    );
  });
  it('declines numbers a JS number would change, and repeated keys', () => {
    expect(readJsonExactly('{"a": 0.1000000000000000000001}')).toBeUndefined();
    expect(readJsonExactly('{"a": 12345678901234567890123}')).toBeUndefined();
    expect(readJsonExactly('{"a": 1e400}')).toBeUndefined();
    expect(readJsonExactly('{"a": 1, "a": 2}')).toBeUndefined();
    expect(readJsonExactly('{"a": 1, "\\u0061": 2}')).toBeUndefined();
    expect(readJsonExactly('{"a": [1, 2}')).toBeUndefined();
    // 327 zeros: JSON.parse would give 0 (an underflow), silently
    expect(readJsonExactly(`{"a": 0.${'0'.repeat(327)}1}`)).toBeUndefined();
  });
  it('finds a repeated key however the keys are written and however many the object has', () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `"k${i}": ${i}`);
    for (const n of [1, 15, 16, 17, 40]) {
      expect(readJsonExactly(`{${keys(n).join(', ')}}`), `${n} keys`).toEqual(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i])));
      // The first key again, plainly and escaped, at the end (after the spill into a set for > 16).
      expect(readJsonExactly(`{${keys(n).join(', ')}, "k0": 1}`), `${n} keys`).toBeUndefined();
      expect(readJsonExactly(`{${keys(n).join(', ')}, "\\u006b0": 1}`), `${n} keys`).toBeUndefined();
    }
    // An escaped key first, its plain spelling later; equal lengths that differ; a prefix.
    expect(readJsonExactly('{"\\u0061b": 1, "ab": 2}')).toBeUndefined();
    expect(readJsonExactly('{"ab": 1, "ba": 2, "a": 3, "abc": 4}')).toEqual({ ab: 1, ba: 2, a: 3, abc: 4 });
    // The same key in sibling and nested objects is no repeat.
    expect(readJsonExactly('{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}')).toEqual({ a: { a: 1 }, b: [{ a: 1 }, { a: 2 }] });
  });

  it('accepts up to 15 significant digits and exact exponents', () => {
    expect(readJsonExactly('{"a": 123456789012.345, "b": -0.000123, "c": 2.5e3, "k": {"a": 1}}')).toEqual({ a: 123456789012.345, b: -0.000123, c: 2500, k: { a: 1 } });
  });
  it('leaves json documents exact through parseModelText either way', () => {
    expect(parseModelText('{"amount": 0.1000000000000000000001}', 'json')).toEqual({ amount: '0.1000000000000000000001' });
    expect(parseModelText('{"amount": 1350000}', 'json')).toEqual({ amount: 1350000 });
    expect(() => parseModelText('{"a": 1, "a": 2}', 'json')).toThrow(/[Dd]uplicate|unique|key/);
  });
});
