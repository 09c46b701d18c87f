import { describe, expect, it } from 'vitest';
import { InvalidNumberError } from '../core/errors.js';
import { parseModel } from '../model/parse.js';
import { massBalance } from './massBalance.js';
import { doc, proc } from '../../test/helpers.js';

const model = parseModel(
  doc([
    // 1000 t in, 990 t + 5 t slag out: 5 t unaccounted, 5 / 1000 = 0.5 %.
    proc('casting', ['ingot', '990'], undefined, [{ flow: 'metal', amount: '1000', unit: 't', factor: 'own/metal' }, { flow: 'electricity', amount: '50', unit: 'MWh', factor: 'own/grid' }], {
      outputs: [{ flow: 'ingot', amount: '990', unit: 't' }, { flow: 'slag', amount: '5000', unit: 'kg', waste: true }],
    }),
    // 2 t in, 2000 t out (kg written as t): 1998 / 2000 = 99.9 % appears from nowhere.
    proc('slip', ['sheet', '2000'], undefined, [{ flow: 'ingot', amount: '2', unit: 't', from: 'casting' }]),
    // Only energy in: not assessed.
    proc('power-only', ['heat', '10', 'GJ'], undefined, [{ flow: 'electricity', amount: '3', unit: 'MWh', factor: 'own/grid' }]),
  ], {
    factors: [
      { id: 'own/metal', value: '1', unit: 't CO2/t', source: { title: 'test' } },
      { id: 'own/grid', value: '0.5', unit: 't CO2/MWh', source: { title: 'test' } },
    ],
  }),
);

describe('massBalance', () => {
  it('compares inputs and outputs in tonnes, leaving out flows not measured in mass', () => {
    const report = massBalance(model, { tolerance: '0.01' });
    expect(report.processes.map((p) => p.process)).toEqual(['casting', 'slip']);
    const casting = report.processes[0]!;
    expect([casting.inputs.toFixed(), casting.outputs.toFixed(), casting.difference.toFixed(), casting.relative.toFixed()]).toEqual(['1000', '995', '5', '0.005']);
    expect(casting.excluded).toEqual(['inputs: electricity']);
    const slip = report.processes[1]!;
    expect([slip.difference.toFixed(), slip.relative.toFixed()]).toEqual(['-1998', '0.999']);
  });
  it('warns with mass_imbalance at the process when the relative difference exceeds the tolerance', () => {
    const report = massBalance(model, { tolerance: '0.01' });
    expect(report.warnings.map((w) => [w.code, w.path, w.severity])).toEqual([['mass_imbalance', ['processes', 1], 'warning']]);
    expect(report.warnings[0]!.message).toBe('process "slip": inputs 2 t, outputs 2000 t by mass; more mass leaves than enters by 99.9 % of the larger side (tolerance 1 %)');
    // 0.5 % is over a 0.4 % tolerance and at most a 0.5 % one.
    expect(massBalance(model, { tolerance: '0.004' }).warnings.map((w) => w.path)).toEqual([['processes', 0], ['processes', 1]]);
    expect(massBalance(model, { tolerance: '0.005' }).warnings.map((w) => w.path)).toEqual([['processes', 1]]);
  });
  it('refuses a tolerance outside 0..1', () => {
    expect(() => massBalance(model, { tolerance: '1.5' })).toThrow(InvalidNumberError);
    expect(() => massBalance(model, { tolerance: '-0.1' })).toThrow(InvalidNumberError);
  });
});
