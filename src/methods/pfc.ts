import type { Decimal } from '../decimal/decimal.js';
import type { MethodEmission } from './types.js';

/**
 * Emissions of CF4 and C2F6 in tonnes from amounts in kilograms: the guidelines' PFC equations
 * give kg (IPCC 2006 Eqs. 4.25–4.27: EF in kg/t Al), the library keeps tonnes of each gas.
 *
 * @example
 * pfcEmissions(new Decimal(40000), new Decimal(4000)) // CF4 40 t, C2F6 4 t
 */
export function pfcEmissions(cf4Kilograms: Decimal, c2f6Kilograms: Decimal, labels: { cf4?: string; c2f6?: string } = {}): MethodEmission[] {
  return [
    { gas: 'CF4', amount: cf4Kilograms.div(1000), category: 'pfc', ...(labels.cf4 === undefined ? {} : { label: labels.cf4 }) },
    { gas: 'C2F6', amount: c2f6Kilograms.div(1000), category: 'pfc', ...(labels.c2f6 === undefined ? {} : { label: labels.c2f6 }) },
  ];
}
