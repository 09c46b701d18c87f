import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { oneCellVector, sumVectors, type Cell } from './vector.js';

describe('oneCellVector', () => {
  it('answers every ReadonlyMap question as a one-entry Map does', () => {
    const cell: Cell = { mass: new Decimal('1.5'), co2e: new Decimal('42') };
    const one = oneCellVector('g\u0001CH4', cell);
    const map = new Map([['g\u0001CH4', cell]]);
    expect(one.size).toBe(map.size);
    expect(one.get('g\u0001CH4')).toBe(cell);
    expect(one.get('other')).toBeUndefined();
    expect([one.has('g\u0001CH4'), one.has('other')]).toEqual([true, false]);
    expect([...one]).toEqual([...map]);
    expect([...one.entries()]).toEqual([...map.entries()]);
    expect([...one.keys()]).toEqual([...map.keys()]);
    expect([...one.values()]).toEqual([...map.values()]);
    const seen: unknown[] = [];
    one.forEach((value, key, self) => seen.push(value, key, self === one));
    expect(seen).toEqual([cell, 'g\u0001CH4', true]);
    // And it sums like a Map: 1.5 + 1.5 t, 42 + 42 t CO2e.
    const total = sumVectors([one, map]).get('g\u0001CH4')!;
    expect([total.mass.toFixed(), total.co2e.toFixed()]).toEqual(['3', '84']);
  });
});
