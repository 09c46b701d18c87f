import { describe, expect, it } from 'vitest';
import { MethodParameterError } from '../core/errors.js';
import { quantity } from '../quantity/index.js';
import { testContext } from './__fixtures__/context.js';
import { defaultMethodRegistry } from './builtins.js';
import { evaluateMethod } from './registry.js';

// The unit and basis pitfalls of standards.md (header "Unit and basis pitfalls").
const registry = defaultMethodRegistry();

describe('standards.md pitfalls', () => {
  it('percent vs fraction: a bare 2 in a % slot is rejected; "2 %" and "0.02 fraction" agree', () => {
    const run = (sulfur: unknown) =>
      evaluateMethod(registry, 'ipcc-2006/aluminium/prebake-anode-co2', { netAnodeConsumption: '0.42 t C/t', sulfur }, testContext());
    expect(() => run(2)).toThrow(MethodParameterError);
    expect(() => run('0.02')).toThrow(MethodParameterError);
    expect(run('2 %').emissions[0]?.amount.toFixed()).toBe(run('0.02 fraction').emissions[0]?.amount.toFixed());
  });

  it('kg vs t: PFC factors are kg/t Al, emissions are tonnes of gas', () => {
    const result = evaluateMethod(registry, 'ipcc-2006/aluminium/pfc-tier1', { technology: 'CWPB', production: '1 t' }, testContext());
    // 0.4 kg CF4/t × 1 t = 0.4 kg = 0.0004 t
    expect(result.emissions.find((e) => e.gas === 'CF4')?.amount.toFixed()).toBe('0.0004');
  });

  it('production basis: the reference output is converted to t, and must be a mass', () => {
    const kilotonnes = testContext({ production: quantity('100', 'kt') });
    const result = evaluateMethod(registry, 'cn-ndrc-2013/aluminium/anode-co2', {}, kilotonnes);
    // 100 kt = 100000 t → 100000 × 0.42 × 0.976 × 44/12 = 150304 t
    expect(result.emissions[0]?.amount.toFixed()).toBe('150304');
    const energy = testContext({ production: quantity('5', 'MWh') });
    try {
      evaluateMethod(registry, 'cn-ndrc-2013/aluminium/anode-co2', {}, energy);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MethodParameterError);
      expect((error as MethodParameterError).path).toEqual(['processes', 0, 'emissions', 1, 'with', 'production']);
    }
    // MEE 2024 states its basis: liquid aluminium (铝液), in the notes
    const mee = evaluateMethod(registry, 'cn-mee-2024/aluminium/anode-co2', {}, testContext());
    expect(mee.notes?.join(' ')).toContain('铝液');
  });

  it('GWP basis: methods emit gas masses only, never CO2e', () => {
    for (const [id, params] of [
      ['ipcc-2006/aluminium/pfc-slope', { technology: 'CWPB', anodeEffectMinutes: 0.2 }],
      ['ipcc-2019/aluminium/pfc-tier1', { technology: 'PFPB_M' }],
      ['cn-ndrc-2013/aluminium/pfc', {}],
    ] as const) {
      const result = evaluateMethod(registry, id, params, testContext());
      expect(result.emissions.every((e) => (e.gas as string) !== 'CO2e')).toBe(true);
      expect(new Set(result.emissions.map((e) => e.gas))).toEqual(new Set(['CF4', 'C2F6']));
    }
  });
});
