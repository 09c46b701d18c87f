import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendAll, groupBy, maxOf, sortByText } from './lists.js';

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

describe('sortByText', () => {
  const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('orders as Array.prototype.sort with a code-unit comparator, in place, stably', () => {
    // Short lists (insertion), long ones (past 32: Array.prototype.sort), sorted and not,
    // repeated names, and text whose code-unit order differs from code-point order.
    const name = fc.oneof(fc.constantFrom('CO2', 'CH4', 'N2O', 'pfc', 'process', '1', '10', '2', 'é', '\u{1F600}', '\uFFFF', ''), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.nat()), { maxLength: 60 }), (pairs) => {
        const list = pairs.map(([text, tag]) => ({ text, tag }));
        const expected = [...list].sort((a, b) => byCodeUnits(a.text, b.text));
        const result = sortByText(list, (item) => item.text);
        expect(result).toBe(list);
        expect(result).toEqual(expected);
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('leaves a sorted list alone', () => {
    const list = ['1', '2', '3'];
    expect(sortByText(list, (s) => s)).toEqual(['1', '2', '3']);
    expect(sortByText(['b', 'a', 'C'], (s) => s)).toEqual(['C', 'a', 'b']);
  });
});

describe('groupBy', () => {
  it('gives per key what a filter of the list gives, keys in order of first appearance', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd'), n: fc.nat() })), (items) => {
        const groups = groupBy(items, (item) => item.key);
        expect([...groups.keys()]).toEqual([...new Set(items.map((item) => item.key))]);
        for (const [key, group] of groups) expect(group).toEqual(items.filter((item) => item.key === key));
        expect([...groups.values()].reduce((n, group) => n + group.length, 0)).toBe(items.length);
      }),
    );
  });
});
