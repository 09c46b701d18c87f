import type { ParameterSpec } from './types.js';

/** `production` (MP, t aluminium); absent, the process's reference output is used. */
export const PRODUCTION_PARAMETER: ParameterSpec = Object.freeze({
  kind: 'quantity',
  unit: 't',
  description: 'aluminium production (MP) in t; default: the reference output of the process',
});

/**
 * A percent slot (`"2 %"` or `"0.02 fraction"`; a bare number is rejected), 0–100 %.
 *
 * @example
 * const sulfur = percentParameter('sulphur content of baked anodes (S_a), wt %; default 2 % (IPCC 2006)');
 */
export function percentParameter(description: string): ParameterSpec {
  return Object.freeze({ kind: 'quantity', unit: '%', max: '100', description });
}
