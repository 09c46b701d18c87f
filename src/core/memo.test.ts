import { describe, expect, it } from 'vitest';
import { memoizeText } from './memo.js';

describe('memoizeText', () => {
  it('computes a text once, starts again past its limit, and caches nothing that throws', () => {
    const calls: string[] = [];
    const length = memoizeText(2, (text) => {
      calls.push(text);
      if (text === 'bad') throw new Error('bad text');
      return { length: text.length };
    });
    const first = length('ab');
    expect(length('ab')).toBe(first);
    expect(calls).toEqual(['ab']);
    length('cde'); // two entries: the limit
    length('f'); // past it: the memo starts again with 'f' alone
    length('ab');
    expect(calls).toEqual(['ab', 'cde', 'f', 'ab']);
    expect(() => length('bad')).toThrow('bad text');
    expect(() => length('bad')).toThrow('bad text');
    expect(calls.filter((text) => text === 'bad')).toHaveLength(2);
  });
});
