import { describe, expect, it } from 'vitest';
import { MethodParameterError } from '../../core/errors.js';
import { Decimal } from '../../decimal/decimal.js';
import { toCO2e } from '../../gases/gwp.js';
import { testContext } from '../__fixtures__/context.js';
import { defaultMethodRegistry } from '../builtins.js';
import { evaluateMethod } from '../registry.js';
import type { MethodResult } from '../types.js';
import { CN_NDRC_2013_FUELS } from './fuel-combustion.js';

const registry = defaultMethodRegistry();
const run = (id: string, params: unknown): MethodResult => evaluateMethod(registry, id, params, testContext());
const d = (text: string | number): Decimal => new Decimal(text);
const gas = (result: MethodResult, name: string): Decimal =>
  result.emissions.filter((e) => e.gas === name).reduce((acc, e) => acc.plus(e.amount), d(0));

describe('cn-ndrc-2013/aluminium/anode-co2', () => {
  it('defaults NC 0.42, S 2 %, A 0.4 %: 100000 × 0.42 × (1 − 0.02 − 0.004) × 44/12 = 150304 t', () => {
    const result = run('cn-ndrc-2013/aluminium/anode-co2', {});
    expect(gas(result, 'CO2').toFixed()).toBe(d(100000).times('0.42').times(d(1).minus('0.02').minus('0.004')).times(44).div(12).toFixed());
    expect(gas(result, 'CO2').toFixed()).toBe('150304');
    expect(result.factors.map((f) => f.id)).toEqual([
      'cn-ndrc-2013/aluminium/net-anode-consumption',
      'cn-ndrc-2013/aluminium/anode-sulfur',
      'cn-ndrc-2013/aluminium/anode-ash',
    ]);
  });
});

describe('cn-ndrc-2013/aluminium/pfc', () => {
  it('defaults: CF4 0.034 × 100000 / 1000 = 3.4 t, C2F6 0.0034 × 100000 / 1000 = 0.34 t', () => {
    const result = run('cn-ndrc-2013/aluminium/pfc', {});
    expect([gas(result, 'CF4').toFixed(), gas(result, 'C2F6').toFixed()]).toEqual(['3.4', '0.34']);
  });
  it('with AEM 0.5: EF_CF4 = 0.143 × 0.5 = 0.0715 kg/t → 7.15 t; EF_C2F6 = 0.1 × 0.0715 → 0.715 t', () => {
    const result = run('cn-ndrc-2013/aluminium/pfc', { anodeEffectMinutes: 0.5 });
    expect([gas(result, 'CF4').toFixed(), gas(result, 'C2F6').toFixed()]).toEqual(['7.15', '0.715']);
  });
  it('GWP basis: the guideline CO2e uses SAR (6500/9200); the same masses under AR5 are about 2 % less', () => {
    const result = run('cn-ndrc-2013/aluminium/pfc', {});
    // SAR: 3.4 × 6500 + 0.34 × 9200 = 22100 + 3128 = 25228 t CO2e  (standards.md §2.1 item 3, §0)
    const sar = toCO2e('CF4', gas(result, 'CF4'), 'SAR').plus(toCO2e('C2F6', gas(result, 'C2F6'), 'SAR'));
    expect(sar.toFixed()).toBe('25228');
    // AR5: 3.4 × 6630 + 0.34 × 11100 = 22542 + 3774 = 26316 t CO2e (0.26316 t/t: the "0.263" of standards.md §2.2)
    const ar5 = toCO2e('CF4', gas(result, 'CF4'), 'AR5').plus(toCO2e('C2F6', gas(result, 'C2F6'), 'AR5'));
    expect(ar5.toFixed()).toBe('26316');
    expect(result.emissions.every((e) => e.gas === 'CF4' || e.gas === 'C2F6')).toBe(true);
  });
});

describe('cn-ndrc-2013/aluminium/limestone', () => {
  it('20000 t × 0.405 = 8100 t CO2', () => {
    expect(gas(run('cn-ndrc-2013/aluminium/limestone', { amount: '20000 t' }), 'CO2').toFixed()).toBe('8100');
  });
});

describe('cn-ndrc-2013/fuel-combustion', () => {
  // standards.md §2.1 fuel table, last column "t CO2/unit [D]" = NCV × CC × OF × 44/12 / 1000, as printed there
  // (4 decimals below 10, 3 decimals above).
  const TABLE: Readonly<Record<string, readonly [string, string, number]>> = {
    anthracite: ['1 t', '1.9238', 4],
    'bituminous-coal': ['1 t', '1.7471', 4],
    lignite: ['1 t', '1.3877', 4],
    'washed-coal': ['1 t', '2.2082', 4],
    'other-washed-coal': ['1 t', '0.7010', 4],
    'other-coal-products': ['1 t', '1.9360', 4],
    coke: ['1 t', '2.8616', 4],
    'crude-oil': ['1 t', '3.0202', 4],
    'fuel-oil': ['1 t', '3.1705', 4],
    gasoline: ['1 t', '2.9251', 4],
    diesel: ['1 t', '3.0959', 4],
    kerosene: ['1 t', '3.1517', 4],
    'liquefied-natural-gas': ['1 t', '2.5877', 4],
    'liquefied-petroleum-gas': ['1 t', '3.1013', 4],
    tar: ['1 t', '2.6446', 4],
    'crude-benzol': ['1 t', '3.4109', 4],
    'coke-oven-gas': ['1 10^4 Nm3', '7.6224', 4],
    'blast-furnace-gas': ['1 10^4 Nm3', '8.4811', 4],
    'converter-gas': ['1 10^4 Nm3', '15.124', 3],
    'other-gas': ['1 10^4 Nm3', '2.3148', 4],
    'natural-gas': ['1 10^4 Nm3', '21.622', 3],
    'refinery-gas': ['1 t', '3.0389', 4],
  };
  it('covers the 22 fuels', () => {
    expect([...CN_NDRC_2013_FUELS].sort()).toEqual(Object.keys(TABLE).sort());
  });
  it.each(Object.entries(TABLE))('%s reproduces the table EF per unit', (fuel, [amount, published, places]) => {
    const co2 = gas(run('cn-ndrc-2013/fuel-combustion', { fuel, amount }), 'CO2');
    expect(co2.toFixed(places)).toBe(published);
  });
  it('published compositions of standards.md §5 item 3', () => {
    // natural gas 389.31 × 15.3 × 0.99 × 44/12 / 1000 = 21.6219 → 21.622 t CO2 per 10^4 Nm3
    const gasCo2 = gas(run('cn-ndrc-2013/fuel-combustion', { fuel: 'natural-gas', amount: '10000 Nm3' }), 'CO2');
    expect(gasCo2.toFixed()).toBe(d('389.31').times('15.3').times('0.99').times(44).div(12).div(1000).toFixed());
    expect(gasCo2.toFixed(3)).toBe('21.622');
    // coke 28.447 × 29.5 × 0.93 × 44/12 / 1000 = 2.8616 → 2.862; anthracite 20.304 × 27.49 × 0.94 × 44/12 / 1000 = 1.9238 → 1.924
    expect(gas(run('cn-ndrc-2013/fuel-combustion', { fuel: 'coke', amount: '1 t' }), 'CO2').toFixed(3)).toBe('2.862');
    expect(gas(run('cn-ndrc-2013/fuel-combustion', { fuel: 'anthracite', amount: '1 t' }), 'CO2').toFixed(3)).toBe('1.924');
  });
  it('takes overrides, and rejects an amount in the wrong kind of unit for the fuel', () => {
    const result = run('cn-ndrc-2013/fuel-combustion', { fuel: 'coke', amount: '1000 t', oxidation: '100 %' });
    // 1000 × 28.447 × 29.5 / 1000 × 1.00 × 44/12 = 839.1865 × 44/12 = 3077.017166…
    expect(gas(result, 'CO2').toFixed()).toBe(d('839.1865').times(44).div(12).toFixed());
    expect(() => run('cn-ndrc-2013/fuel-combustion', { fuel: 'natural-gas', amount: '1000 t' })).toThrow(MethodParameterError);
    expect(() => run('cn-ndrc-2013/fuel-combustion', { fuel: 'coke', amount: '1000 t', oxidation: 0.93 })).toThrow(MethodParameterError);
  });
});
