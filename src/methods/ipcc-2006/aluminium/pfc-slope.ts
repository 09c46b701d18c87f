import { defineMethod } from '../../defineMethod.js';
import { evaluateSlope, slopeParameters } from '../../slope-method.js';
import type { MethodDefinition } from '../../types.js';
import { IPCC_2006_TECHNOLOGIES } from './pfc-tier1.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.26, Table 4.16';

/**
 * `ipcc-2006/aluminium/pfc-slope`: Tier 2/3 slope method, with Table 4.16 slopes and C2F6/CF4
 * ratios as defaults (overridable with `slope` and `c2f6Ratio`).
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/aluminium/pfc-slope', { technology: 'CWPB', anodeEffectMinutes: '0.2', production: '100000 t' }, context);
 * // CF4 = 0.143 × 0.2 × 100000 / 1000 = 2.86 t; C2F6 = 2.86 × 0.121 = 0.34606 t
 */
export const ipcc2006AluminiumPfcSlope: MethodDefinition = defineMethod({
  id: 'ipcc-2006/aluminium/pfc-slope',
  title: 'Aluminium PFC, slope method (IPCC 2006 Tier 2/3)',
  citation: CITATION,
  parameters: slopeParameters(IPCC_2006_TECHNOLOGIES),
  evaluate: (params, context) => evaluateSlope('ipcc-2006/aluminium', params, context, CITATION, () => true),
});
