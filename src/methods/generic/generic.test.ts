import { describe, expect, it } from 'vitest';
import { MethodParameterError } from '../../core/errors.js';
import { Decimal } from '../../decimal/decimal.js';
import { testContext } from '../__fixtures__/context.js';
import { defaultMethodRegistry } from '../builtins.js';
import { evaluateMethod } from '../registry.js';
import type { MethodResult } from '../types.js';

const registry = defaultMethodRegistry();
const run = (id: string, params: unknown): MethodResult => evaluateMethod(registry, id, params, testContext());
const co2 = (result: MethodResult): string => result.emissions.reduce((acc, e) => acc.plus(e.amount), new Decimal(0)).toFixed();

describe('generic/fuel-combustion', () => {
  it('1000 t × 26.7 GJ/t × 27.4 t C/TJ × 98 % × 44/12', () => {
    const result = run('generic/fuel-combustion', { amount: '1000 t', ncv: '26.7 GJ/t', carbonContent: '27.4 t C/TJ', oxidation: '98 %' });
    // 26700 GJ = 26.7 TJ; × 27.4 = 731.58 t C; × 0.98 = 716.9484; × 44/12 = 2628.8108
    expect(co2(result)).toBe(new Decimal('716.9484').times(44).div(12).toFixed());
    expect(result.emissions[0]?.category).toBe('fuel-combustion');
    expect(result.factors).toEqual([]);
  });
  it('requires all four values and a unit on the oxidation factor', () => {
    expect(() => run('generic/fuel-combustion', { amount: '1000 t', ncv: '26.7 GJ/t', carbonContent: '27.4 t C/TJ' })).toThrow(MethodParameterError);
    expect(() =>
      run('generic/fuel-combustion', { amount: '1000 t', ncv: '26.7 GJ/t', carbonContent: '27.4 t C/TJ', oxidation: 0.98 }),
    ).toThrow(MethodParameterError);
  });
});

describe('carbonate-decomposition', () => {
  it('1000 t CaCO3 at 95 %: 1000 × 0.95 × 0.43971 = 417.7245 t', () => {
    expect(co2(run('carbonate-decomposition', { carbonate: 'CaCO3', amount: '1000 t', purity: '95 %' }))).toBe('417.7245');
  });
  it('dolomite CaMg(CO3)2: 1000 × 0.47732 = 477.32 t', () => {
    const result = run('carbonate-decomposition', { carbonate: 'CaMg(CO3)2', amount: '1000 t' });
    expect(co2(result)).toBe('477.32');
    expect(result.factors[0]?.id).toBe('stoichiometric/carbonate/CaMg-CO3-2');
  });
});
