import { describe, expect, it } from 'vitest';
import { appendAll, maxOf } from './lists.js';

describe('lists of any length', () => {
  const many = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 100_003);

  it('maxOf is Math.max without the spread that overflows the stack', () => {
    expect(() => Math.max(...many)).toThrow(RangeError); // why maxOf exists
    expect(maxOf(many)).toBe(100_002);
    expect(maxOf([3, 9, 4], 30)).toBe(30);
    expect(maxOf([], 5)).toBe(5);
    expect(maxOf([])).toBe(-Infinity);
  });

  it('appendAll is push(...items) for any length', () => {
    const list = [1];
    appendAll(list, many);
    expect(list.length).toBe(500_001);
    expect(list[1]).toBe(many[0]);
    expect(list.at(-1)).toBe(many.at(-1));
  });
});
