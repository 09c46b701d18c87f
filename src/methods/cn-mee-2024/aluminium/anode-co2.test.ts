import { describe, expect, it } from 'vitest';
import { MethodParameterError } from '../../../core/errors.js';
import { Decimal } from '../../../decimal/decimal.js';
import { testContext } from '../../__fixtures__/context.js';
import { defaultMethodRegistry } from '../../builtins.js';
import { evaluateMethod } from '../../registry.js';
import type { MethodResult } from '../../types.js';

const registry = defaultMethodRegistry();
const run = (params: unknown): MethodResult => evaluateMethod(registry, 'cn-mee-2024/aluminium/anode-co2', params, testContext());
const co2 = (result: MethodResult): string => result.emissions.reduce((acc, e) => acc.plus(e.amount), new Decimal(0)).toFixed();

describe('cn-mee-2024/aluminium/anode-co2 (standards.md §2.2, unverified defaults)', () => {
  it('net consumption default 0.411: 1 t × 0.411 × 0.976 × 44/12 = 1.470805… t/t, the app value 1.471 of §2.2', () => {
    const perTonne = new Decimal('0.411').times('0.976').times(44).div(12);
    expect(perTonne.toFixed(3)).toBe('1.471');
    const result = run({});
    expect(co2(result)).toBe(new Decimal(100000).times('0.411').times('0.976').times(44).div(12).toFixed());
    expect(result.notes?.join(' ')).toMatch(/unverified/);
    expect(result.factors.every((f) => f.confidence === 'V-3p' && /unverified/.test(f.notes ?? ''))).toBe(true);
  });
  it('measured anode consumption with the 15.18 % loss rate', () => {
    const result = run({ anodeConsumption: '50000 t' });
    // 50000 × (1 − 0.1518) = 42410 t; × 0.976 = 41392.16; × 44/12 = 151771.253…
    expect(co2(result)).toBe(new Decimal(42410).times('0.976').times(44).div(12).toFixed());
  });
  it('refuses both routes at once', () => {
    expect(() => run({ anodeConsumption: '50000 t', netAnodeConsumption: '0.4 t C/t' })).toThrow(MethodParameterError);
    expect(() => run({ anodeLossRate: '15 %' })).toThrow(MethodParameterError);
  });
});
