import { describe, expect, it } from 'vitest';
import { MethodNotApplicableError, MethodParameterError } from '../../../core/errors.js';
import { Decimal } from '../../../decimal/decimal.js';
import { quantity } from '../../../quantity/index.js';
import { testContext } from '../../__fixtures__/context.js';
import { defaultMethodRegistry } from '../../builtins.js';
import { evaluateMethod } from '../../registry.js';
import type { MethodResult } from '../../types.js';

const registry = defaultMethodRegistry();
const run = (id: string, params: unknown, context = testContext()): MethodResult => evaluateMethod(registry, id, params, context);
const d = (text: string | number): Decimal => new Decimal(text);
function gas(result: MethodResult, name: string): Decimal {
  return result.emissions.filter((e) => e.gas === name).reduce((acc, e) => acc.plus(e.amount), d(0));
}

describe('ipcc-2006/aluminium/tier1-co2 (Eq. 4.20, Table 4.10)', () => {
  it('prebake: 1.6 t CO2/t × 100000 t = 160000 t (production from the reference output)', () => {
    const result = run('ipcc-2006/aluminium/tier1-co2', { technology: 'prebake' });
    expect(gas(result, 'CO2').toFixed()).toBe(d('1.6').times(100000).toFixed());
    expect(result.factors.map((f) => f.id)).toEqual(['ipcc-2006/aluminium/tier1-co2/prebake']);
    expect(result.values.find((v) => v.name === 'production')?.origin).toBe('default');
  });
  it('Søderberg: 1.7 × 2500 t = 4250 t', () => {
    expect(gas(run('ipcc-2006/aluminium/tier1-co2', { technology: 'soderberg', production: '2500 t' }), 'CO2').toFixed()).toBe('4250');
  });
});

describe('ipcc-2006/aluminium/prebake-anode-co2 (Eq. 4.21)', () => {
  it('0.42 t C/t × 100000 t × (100 − 2 − 0.4)/100 × 44/12 = 150304 t', () => {
    const result = run('ipcc-2006/aluminium/prebake-anode-co2', { netAnodeConsumption: '0.42 t C/t' });
    // 0.42 × 100000 = 42000 t C; × 0.976 = 40992; × 44/12 = 150304
    const expected = d('0.42').times(100000).times(d(100).minus(2).minus('0.4')).div(100).times(44).div(12);
    expect(gas(result, 'CO2').toFixed()).toBe(expected.toFixed());
    expect(expected.toFixed()).toBe('150304');
    expect(result.factors.map((f) => f.id)).toEqual(['ipcc-2006/aluminium/prebake/anode-sulfur', 'ipcc-2006/aluminium/prebake/anode-ash']);
    expect(result.values.find((v) => v.name === 'sulfur')).toMatchObject({ origin: 'default', factorId: 'ipcc-2006/aluminium/prebake/anode-sulfur' });
  });
  it('requires NAC: IPCC gives no default', () => {
    expect(() => run('ipcc-2006/aluminium/prebake-anode-co2', {})).toThrow(MethodParameterError);
  });
});

describe('ipcc-2006/aluminium/pitch-volatiles-co2 (Eq. 4.22)', () => {
  it('defaults H_w = 0.5 % of GA and WT = 0: (105000 − 525 − 102000 − 0) × 44/12 = 9075 t', () => {
    const result = run('ipcc-2006/aluminium/pitch-volatiles-co2', { greenAnodes: '105000 t', bakedAnodes: '102000 t' });
    // H_w = 0.005 × 105000 = 525; 105000 − 525 − 102000 = 2475 t C; × 44/12 = 9075
    expect(gas(result, 'CO2').toFixed()).toBe(d(105000).minus(d('0.005').times(105000)).minus(102000).times(44).div(12).toFixed());
    expect(gas(result, 'CO2').toFixed()).toBe('9075');
  });
  it('Riedhammer furnace: WT = 0.5 % of GA too: (105000 − 525 − 102000 − 525) × 44/12 = 7150 t', () => {
    const result = run('ipcc-2006/aluminium/pitch-volatiles-co2', { greenAnodes: '105000 t', bakedAnodes: '102000 t', furnace: 'riedhammer' });
    expect(gas(result, 'CO2').toFixed()).toBe(d(1950).times(44).div(12).toFixed());
  });
  it('takes hydrogen and waste tar in t, and baked anodes from the reference output', () => {
    const context = testContext({ processId: 'anode-plant', production: quantity('102000', 't') });
    const result = run('ipcc-2006/aluminium/pitch-volatiles-co2', { greenAnodes: '105000 t', hydrogen: '600 t', wasteTar: '300 t' }, context);
    // (105000 − 600 − 102000 − 300) × 44/12 = 2100 × 44/12 = 7700
    expect(gas(result, 'CO2').toFixed()).toBe('7700');
  });
  it('rejects inputs that give negative carbon', () => {
    expect(() => run('ipcc-2006/aluminium/pitch-volatiles-co2', { greenAnodes: '100 t', bakedAnodes: '102000 t' })).toThrow(MethodParameterError);
  });
});

describe('ipcc-2006/aluminium/packing-coke-co2 (Eq. 4.23)', () => {
  it('defaults PCC 0.015, S 2.0 %, Ash 2.5 %: 0.015 × 102000 × 95.5/100 × 44/12 = 5357.55 t', () => {
    const result = run('ipcc-2006/aluminium/packing-coke-co2', { bakedAnodes: '102000 t' });
    // 0.015 × 102000 = 1530 t; × 0.955 = 1461.15 t C; × 44/12 = 5357.55
    const expected = d('0.015').times(102000).times(d(100).minus('2.0').minus('2.5')).div(100).times(44).div(12);
    expect(gas(result, 'CO2').toFixed()).toBe(expected.toFixed());
    expect(expected.toFixed()).toBe('5357.55');
  });
});

describe('ipcc-2006/aluminium/soderberg-paste-co2 (Eq. 4.24)', () => {
  it('VSS, dry paste, all defaults, PC 0.5 t/t, MP 1000 t', () => {
    const result = run('ipcc-2006/aluminium/soderberg-paste-co2', { technology: 'VSS', pasteConsumption: '0.5 t/t', paste: 'dry', production: '1000 t' });
    // PC×MP = 500; CSM×MP/1000 = 0.5×1000/1000 = 0.5
    // BC/100×PC×MP×(S_p+Ash_p+H_p)/100 = 0.24 × 500 × (0.6+0.2+3.3)/100 = 4.92
    // (100−BC)/100×PC×MP×(S_c+Ash_c)/100 = 0.76 × 500 × (1.9+0.2)/100 = 7.98
    // MP×CD = 1000 × 0.01 = 10
    // (500 − 0.5 − 4.92 − 7.98 − 10) × 44/12 = 476.6 × 44/12
    const carbon = d(500).minus('0.5').minus(d('0.24').times(500).times('4.1').div(100)).minus(d('0.76').times(500).times('2.1').div(100)).minus(10);
    expect(carbon.toFixed()).toBe('476.6');
    expect(gas(result, 'CO2').toFixed()).toBe(carbon.times(44).div(12).toFixed());
  });
  it('HSS uses CSM 4.0 kg/t; a given binder content needs no paste type', () => {
    const result = run('ipcc-2006/aluminium/soderberg-paste-co2', { technology: 'HSS', pasteConsumption: '0.5 t/t', binderContent: '27 %', production: '1000 t' });
    // 500 − 4 − 0.27×500×4.1/100 − 0.73×500×2.1/100 − 10 = 500 − 4 − 5.535 − 7.665 − 10 = 472.8
    expect(gas(result, 'CO2').toFixed()).toBe(d('472.8').times(44).div(12).toFixed());
  });
  it('asks for binderContent or paste', () => {
    expect(() => run('ipcc-2006/aluminium/soderberg-paste-co2', { technology: 'HSS', pasteConsumption: '0.5 t/t' })).toThrow(MethodParameterError);
  });
});

describe('ipcc-2006/aluminium/pfc-tier1 (Eq. 4.25, Table 4.15)', () => {
  it('emits CF4 and C2F6 as tonnes of each gas: kg/t × t / 1000', () => {
    const result = run('ipcc-2006/aluminium/pfc-tier1', { technology: 'SWPB' });
    // SWPB: 1.6 kg CF4/t × 100000 t = 160000 kg = 160 t; 0.4 × 100000 = 40000 kg = 40 t
    expect(gas(result, 'CF4').toFixed()).toBe('160');
    expect(gas(result, 'C2F6').toFixed()).toBe('40');
    expect(result.emissions.map((e) => e.gas)).toEqual(['CF4', 'C2F6']);
  });
});

describe('ipcc-2006/aluminium/pfc-slope (Eq. 4.26, Table 4.16)', () => {
  it('CWPB, AEM 0.2: CF4 = 0.143 × 0.2 × 100000 / 1000 = 2.86 t; C2F6 = 2.86 × 0.121 = 0.34606 t', () => {
    const result = run('ipcc-2006/aluminium/pfc-slope', { technology: 'CWPB', anodeEffectMinutes: '0.2' });
    expect(gas(result, 'CF4').toFixed()).toBe(d('0.143').times('0.2').times(100000).div(1000).toFixed());
    expect(gas(result, 'C2F6').toFixed()).toBe('0.34606');
  });
  it('takes slope and ratio overrides', () => {
    const result = run('ipcc-2006/aluminium/pfc-slope', { technology: 'VSS', anodeEffectMinutes: 1, slope: '0.1', c2f6Ratio: '0.05' });
    // 0.1 × 1 × 100000 / 1000 = 10 t CF4; × 0.05 = 0.5 t C2F6
    expect([gas(result, 'CF4').toFixed(), gas(result, 'C2F6').toFixed()]).toEqual(['10', '0.5']);
    expect(result.factors).toEqual([]);
  });
});

describe('ipcc-2006/aluminium/pfc-overvoltage (Eq. 4.27, EU MRR 601/2012 Annex IV §8)', () => {
  it('CWPB, AEO 20 mV, CE 95 %: CF4 = 1.16 × 20/95 × 100000 / 1000 t', () => {
    const result = run('ipcc-2006/aluminium/pfc-overvoltage', { technology: 'CWPB', overvoltage: '20 mV', currentEfficiency: '95 %' });
    const cf4 = d('1.16').times(20).div(95).times(100000).div(1000);
    expect(gas(result, 'CF4').toFixed()).toBe(cf4.toFixed());
    expect(gas(result, 'C2F6').toFixed()).toBe(cf4.times('0.121').toFixed());
    // ≈ 24.42 t CF4: the percent form; CE as a fraction (0.95) would give 100 × as much
    expect(cf4.toFixed(2)).toBe('24.42');
  });
  it('CE given as a fraction with its unit is read as 95 %', () => {
    const a = run('ipcc-2006/aluminium/pfc-overvoltage', { technology: 'CWPB', overvoltage: '20 mV', currentEfficiency: '0.95 fraction' });
    const b = run('ipcc-2006/aluminium/pfc-overvoltage', { technology: 'CWPB', overvoltage: '20 mV', currentEfficiency: '95 %' });
    expect(gas(a, 'CF4').toFixed()).toBe(gas(b, 'CF4').toFixed());
  });
  it('has no coefficient for VSS or HSS', () => {
    expect(() => run('ipcc-2006/aluminium/pfc-overvoltage', { technology: 'VSS', overvoltage: '20 mV', currentEfficiency: '90 %' })).toThrow(
      MethodNotApplicableError,
    );
  });
});
