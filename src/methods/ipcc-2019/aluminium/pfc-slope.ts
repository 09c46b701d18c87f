import { defineMethod } from '../../defineMethod.js';
import { evaluateSlope, slopeParameters } from '../../slope-method.js';
import type { MethodDefinition } from '../../types.js';
import { IPCC_2019_TECHNOLOGIES } from './pfc-tier1.js';

const CITATION = 'IPCC 2019 Refinement Vol. 3 Ch. 4, Eq. 4.26 (updated, Tier 2a HVAE), page 4.54';

/**
 * `ipcc-2019/aluminium/pfc-slope`: Tier 2a slope method for high-voltage anode effects. PFPB_MW
 * has no published slope: give `slope` and `c2f6Ratio`. Low-voltage anode effects are not
 * included (the Tier 2b/LVAE equation forms are not verified).
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2019/aluminium/pfc-slope', { technology: 'PFPB_L', anodeEffectMinutes: '0.2', production: '100000 t' }, context);
 * // CF4 = 0.122 × 0.2 × 100000 / 1000 = 2.44 t; C2F6 = 2.44 × 0.097 = 0.23668 t
 */
export const ipcc2019AluminiumPfcSlope: MethodDefinition = defineMethod({
  id: 'ipcc-2019/aluminium/pfc-slope',
  title: 'Aluminium PFC, Tier 2a slope method for HVAE (IPCC 2019 Refinement)',
  citation: CITATION,
  parameters: slopeParameters(IPCC_2019_TECHNOLOGIES),
  evaluate: (params, context) =>
    evaluateSlope('ipcc-2019/aluminium', params, context, CITATION, (technology) => technology !== 'PFPB_MW', [
      'HVAE only: low-voltage anode-effect emissions are not included (Eqs. 4.27A–C forms not verified, standards.md §1.1).',
    ]),
});
