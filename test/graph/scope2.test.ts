import { describe, expect, it } from 'vitest';
import { computeScope2Comparison } from '../../src/compute/computeFootprints.js';
import { compute, doc, total } from '../helpers.js';

// MEE grid factors 2023 (standards.md §2.5): national average 0.5306, national excluding
// market-traded non-fossil 0.6096 t CO2/MWh (values as in src/factors/datasets/cn-mee-grid.json).
const green = { flow: 'green-electricity', amount: '400', unit: 'MWh', factor: 'test/green', instrument: 'green-electricity-trading', locationFactor: 'cn-mee/grid/national' };
const factors = [{ id: 'test/green', value: '0', unit: 't CO2/MWh', category: 'electricity', source: { title: 'green electricity trading certificate, zero emissions' } }];
const period = { start: '2023-01-01', end: '2023-12-31' };

function model(gridFactor: string) {
  return doc(
    [{ id: 'potline', outputs: [{ flow: 'al', amount: '1', unit: 't' }], inputs: [green, { flow: 'electricity', amount: '600', unit: 'MWh', factor: gridFactor }] }],
    { factors, period, region: 'CN' },
  );
}

describe('scope 2: location-based and market-based', () => {
  it('market-based: green at 0, the rest at the residual factor: 600 × 0.6096 = 365.76', () => {
    const r = compute(model('cn-mee/grid/national/excl-market-nonfossil'));
    expect(total(r, 'al')).toBe('365.76');
    expect(r.warnings.filter((w) => w.code === 'green_power_double_counting')).toHaveLength(0);
  });
  it('location-based: all 1000 MWh at the grid average: 1000 × 0.5306 = 530.6', () => {
    const { location, market } = computeScope2Comparison(model('cn-mee/grid/national/excl-market-nonfossil'));
    expect(total(location, 'al')).toBe('530.6');
    expect(location.scope2).toBe('location');
    expect(total(market, 'al')).toBe('365.76');
  });
  it('warns when green purchases are mixed with the plain grid average, naming both inputs', () => {
    const r = compute(model('cn-mee/grid/national'));
    // 600 × 0.5306 = 318.36: the clean power would be counted twice
    expect(total(r, 'al')).toBe('318.36');
    const warning = r.warnings.find((w) => w.code === 'green_power_double_counting');
    expect(warning?.path).toEqual(['processes', 0, 'inputs', 1]);
    expect(warning?.message).toContain('processes[0].inputs[0]');
  });
  it('names at most three instrument purchases in each warning, and counts the others', () => {
    // Five green purchases and two grid-average ones: two warnings, each naming the first three
    // green inputs (processes[0].inputs[0..2]) and "2 others" (5 − 3).
    const greens = Array.from({ length: 5 }, (_, i) => ({ ...green, flow: `green-${i}` }));
    const grid = (flow: string) => ({ flow, amount: '300', unit: 'MWh', factor: 'cn-mee/grid/national' });
    const r = compute(doc([{ id: 'potline', outputs: [{ flow: 'al', amount: '1', unit: 't' }], inputs: [...greens, grid('grid-a'), grid('grid-b')] }], { factors, period, region: 'CN' }));
    const warnings = r.warnings.filter((w) => w.code === 'green_power_double_counting');
    expect(warnings.map((w) => w.path)).toEqual([['processes', 0, 'inputs', 5], ['processes', 0, 'inputs', 6]]);
    for (const w of warnings) expect(w.message).toContain('(processes[0].inputs[0], processes[0].inputs[1], processes[0].inputs[2] and 2 others)');
  });
});
