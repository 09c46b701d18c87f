import { describe, expect, it } from 'vitest';
import { computeFootprints, resultForProduct } from '../../src/compute/computeFootprints.js';
import type { FootprintResult } from '../../src/graph/results.js';
import { footprintTable, scope2Comparison } from '../../src/report/table.js';
import { doc, proc } from '../helpers.js';

// Reports of a large model: a table line per breakdown of every product is far past the number of
// arguments a call can take, so nothing may spread them into Math.max or push (it overflowed the
// stack: "internal error: Maximum call stack size exceeded" for a 10,000-process model).
describe('reports of many products', () => {
  const one = computeFootprints(doc([proc('p', ['x', '1'], '2', [], { inputs: [{ flow: 'power', amount: '3', unit: 'MWh', factor: 'cn-mee/grid/national/2023' }] })], { region: 'CN' }));
  const template = one.products[0]!;
  const count = 40_000;
  const many: FootprintResult = {
    ...resultForProduct(one, 'x'),
    products: Array.from({ length: count }, (_, i) => ({ ...template, flow: `x${String(i).padStart(5, '0')}` })),
  };

  it('writes the table', () => {
    const table = footprintTable(many);
    // Each product block starts with its flow; the last one is there, lined up like the first.
    expect(table).toContain('x39999  (per 1 t, from p)');
    const totals = table.split('\n').filter((line) => line.startsWith('  total t CO2e'));
    expect(totals.length).toBe(count);
    expect(new Set(totals).size).toBe(1);
  });

  it('compares location- and market-based results product by product', () => {
    const text = scope2Comparison(many, many);
    expect(text.trimEnd().split('\n').length).toBe(count + 2);
  });
});
