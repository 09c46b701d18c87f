import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { forEachScaledCell, oneCellVector, scaleVector, sumVectors, type Cell } from './vector.js';

describe('oneCellVector', () => {
  it('answers every ReadonlyMap question as a one-entry Map does', () => {
    const cell: Cell = { mass: new Decimal('1.5'), co2e: new Decimal('42') };
    const one = oneCellVector('g\u0001CH4', cell);
    const map = new Map([['g\u0001CH4', cell]]);
    expect(one.size).toBe(map.size);
    // The cell is made when read: the same Decimals, not the same object.
    expect(one.get('g\u0001CH4')).toEqual(cell);
    expect(one.get('g\u0001CH4')!.mass).toBe(cell.mass);
    expect(JSON.stringify(one)).toBe(JSON.stringify(new Map()));
    expect(one.get('other')).toBeUndefined();
    expect([one.has('g\u0001CH4'), one.has('other')]).toEqual([true, false]);
    expect([...one]).toEqual([...map]);
    expect([...one.entries()]).toEqual([...map.entries()]);
    expect([...one.keys()]).toEqual([...map.keys()]);
    expect([...one.values()]).toEqual([...map.values()]);
    const seen: unknown[] = [];
    one.forEach((value, key, self) => seen.push(value, key, self === one));
    expect(seen).toEqual([cell, 'g\u0001CH4', true]);
    expect((seen[0] as Cell).co2e).toBe(cell.co2e);
    // And it sums like a Map: 1.5 + 1.5 t, 42 + 42 t CO2e.
    const total = sumVectors([one, map]).get('g\u0001CH4')!;
    expect([total.mass.toFixed(), total.co2e.toFixed()]).toEqual(['3', '84']);
  });
});

describe('combined vectors (keys and cells side by side)', () => {
  // Vectors of n keys "k0" … "k(n-1)", cell i holding mass i + 1 and CO2e 10 × (i + 1): summed
  // with themselves, key i holds 2 (i + 1) and 20 (i + 1). 20 keys: past the scan limit (16),
  // where lookups go through an index.
  for (const n of [3, 20]) {
    it(`answers every ReadonlyMap question as a Map of the same cells does (${n} keys)`, () => {
      const map = new Map<string, Cell>(
        Array.from({ length: n }, (_, i) => [`k${i}`, { mass: new Decimal(i + 1), co2e: new Decimal(10 * (i + 1)) }] as [string, Cell]),
      );
      const combined = sumVectors([map, map]);
      expect(combined.size).toBe(n);
      expect([...combined.keys()]).toEqual([...map.keys()]);
      for (let i = 0; i < n; i++) {
        const cell = combined.get(`k${i}`)!;
        expect([cell.mass.toFixed(), cell.co2e.toFixed()]).toEqual([String(2 * (i + 1)), String(20 * (i + 1))]);
        expect(combined.has(`k${i}`)).toBe(true);
      }
      expect(combined.get('missing')).toBeUndefined();
      expect(combined.has('missing')).toBe(false);
      expect([...combined].map(([key]) => key)).toEqual([...map.keys()]);
      expect([...combined.entries()].map(([, cell]) => cell)).toEqual([...combined.values()]);
      const seen: string[] = [];
      combined.forEach((cell, key, self) => {
        expect(self).toBe(combined);
        // Cells are made when read: the same Decimals, not the same cell object.
        expect(combined.get(key)!.mass).toBe(cell.mass);
        expect(combined.get(key)!.co2e).toBe(cell.co2e);
        seen.push(key);
      });
      expect(seen).toEqual([...map.keys()]);
    });
  }
});

describe('forEachScaledCell', () => {
  // k × vector without the scaled vector: the cells scaleVector makes, in the same order, for
  // packed (solver), one-cell and Map vectors. Cell i: mass i + 1, CO2e 10 (i + 1), except that
  // key k0 holds one Decimal for both (a CO2 cell), which must stay shared after scaling.
  const shared = new Decimal(1);
  const map = new Map<string, Cell>(
    Array.from({ length: 5 }, (_, i) => [`k${i}`, i === 0 ? { mass: shared, co2e: shared } : { mass: new Decimal(i + 1), co2e: new Decimal(10 * (i + 1)) }] as [string, Cell]),
  );
  const vectors = { packed: sumVectors([map]), oneCell: oneCellVector('k0', { mass: shared, co2e: shared }), map };
  for (const [name, vector] of Object.entries(vectors)) {
    it(`gives scaleVector's cells for a ${name} vector`, () => {
      const k = new Decimal('0.3333333333333333333333333333333333');
      const seen: [string, string, string, boolean][] = [];
      forEachScaledCell(vector, k, (mass, co2e, key) => seen.push([key, mass.toFixed(), co2e.toFixed(), mass === co2e]));
      const expected = [...scaleVector(vector, k)].map(([key, cell]) => [key, cell.mass.toFixed(), cell.co2e.toFixed(), cell.mass === cell.co2e]);
      expect(seen).toEqual(expected);
      expect(seen[0]).toEqual(['k0', '0.3333333333333333333333333333333333', '0.3333333333333333333333333333333333', true]);
    });
  }
});
