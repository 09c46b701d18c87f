import { describe, expect, it } from 'vitest';
import { MethodNotApplicableError } from '../../../core/errors.js';
import { Decimal } from '../../../decimal/decimal.js';
import { testContext } from '../../__fixtures__/context.js';
import { defaultMethodRegistry } from '../../builtins.js';
import { evaluateMethod } from '../../registry.js';
import type { MethodResult } from '../../types.js';

const registry = defaultMethodRegistry();
const run = (id: string, params: unknown): MethodResult => evaluateMethod(registry, id, params, testContext());
const d = (text: string | number): Decimal => new Decimal(text);
const gas = (result: MethodResult, name: string): Decimal =>
  result.emissions.filter((e) => e.gas === name).reduce((acc, e) => acc.plus(e.amount), d(0));

describe('ipcc-2019/aluminium/pfc-tier1 (Eq. 4.25 updated + Eq. 4.27C, page 4.53)', () => {
  it('PFPB_L: CF4 = (0.016 + 0.009) × 100000 / 1000 = 2.5 t; C2F6 = 0.001 × 100000 / 1000 = 0.1 t', () => {
    const result = run('ipcc-2019/aluminium/pfc-tier1', { technology: 'PFPB_L' });
    expect(gas(result, 'CF4').toFixed()).toBe(d('0.016').plus('0.009').times(100000).div(1000).toFixed());
    expect(gas(result, 'C2F6').toFixed()).toBe('0.1');
    expect(result.emissions.map((e) => `${e.gas} ${e.label ?? ''}`)).toEqual(['CF4 HVAE', 'CF4 LVAE', 'C2F6 HVAE']);
  });
  it('HSS: CF4 = (0.477 + 0.026) × 100 = 50.3 t; C2F6 = 0.033 × 100 = 3.3 t', () => {
    const result = run('ipcc-2019/aluminium/pfc-tier1', { technology: 'HSS' });
    expect([gas(result, 'CF4').toFixed(), gas(result, 'C2F6').toFixed()]).toEqual(['50.3', '3.3']);
  });
  it('PFPB_MW has no LVAE factor: not applicable unless lowVoltageCf4 is given', () => {
    expect(() => run('ipcc-2019/aluminium/pfc-tier1', { technology: 'PFPB_MW' })).toThrow(MethodNotApplicableError);
    const result = run('ipcc-2019/aluminium/pfc-tier1', { technology: 'PFPB_MW', lowVoltageCf4: '0.01 kg CF4/t' });
    // (0.161 + 0.01) × 100 = 17.1 t CF4; 0.013 × 100 = 1.3 t C2F6
    expect([gas(result, 'CF4').toFixed(), gas(result, 'C2F6').toFixed()]).toEqual(['17.1', '1.3']);
  });
});

describe('ipcc-2019/aluminium/pfc-slope (Eq. 4.26 updated, Tier 2a, page 4.54)', () => {
  it('PFPB_L, AEM 0.2: CF4 = 0.122 × 0.2 × 100 = 2.44 t; C2F6 = 2.44 × 0.097 = 0.23668 t', () => {
    const result = run('ipcc-2019/aluminium/pfc-slope', { technology: 'PFPB_L', anodeEffectMinutes: '0.2 AE-min/cell-day' });
    expect(gas(result, 'CF4').toFixed()).toBe('2.44');
    expect(gas(result, 'C2F6').toFixed()).toBe(d('2.44').times('0.097').toFixed());
    expect(result.notes?.[0]).toContain('HVAE only');
  });
  it('PFPB_MW needs slope and ratio overrides', () => {
    expect(() => run('ipcc-2019/aluminium/pfc-slope', { technology: 'PFPB_MW', anodeEffectMinutes: 0.2 })).toThrow(MethodNotApplicableError);
    const result = run('ipcc-2019/aluminium/pfc-slope', { technology: 'PFPB_MW', anodeEffectMinutes: 0.2, slope: 0.1, c2f6Ratio: 0.1 });
    expect(gas(result, 'CF4').toFixed()).toBe('2');
  });
});
