import { MethodNotApplicableError } from '../../../core/errors.js';
import { defineMethod } from '../../defineMethod.js';
import { PRODUCTION_PARAMETER } from '../../commonParameters.js';
import { enumParameter, factorTerm, methodResult, parameterTerm, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'IPCC 2019 Refinement Vol. 3 Ch. 4, Eq. 4.25 (updated, HVAE) and Eq. 4.27C (LVAE), page 4.53';

/** The 2019 Refinement's cell technologies (point-fed prebake split into L / M / MW). */
export const IPCC_2019_TECHNOLOGIES = Object.freeze(['PFPB_L', 'PFPB_M', 'PFPB_MW', 'SWPB', 'VSS', 'HSS'] as const);

/**
 * `ipcc-2019/aluminium/pfc-tier1`: Tier 1 CF4 from high- and low-voltage anode effects and C2F6
 * from high-voltage ones (there is no LVAE C2F6 factor). PFPB_MW has no LVAE factor: give
 * `lowVoltageCf4` (an addition to the parameter list) or the method does not apply.
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2019/aluminium/pfc-tier1', { technology: 'PFPB_L', production: '100000 t' }, context);
 * // CF4 = (0.016 + 0.009) × 100000 / 1000 = 2.5 t; C2F6 = 0.001 × 100000 / 1000 = 0.1 t
 */
export const ipcc2019AluminiumPfcTier1: MethodDefinition = defineMethod({
  id: 'ipcc-2019/aluminium/pfc-tier1',
  title: 'Aluminium Tier 1 PFC, HVAE + LVAE (IPCC 2019 Refinement)',
  citation: CITATION,
  parameters: {
    technology: { kind: 'enum', values: IPCC_2019_TECHNOLOGIES, required: true, description: 'cell technology (2019 classes)' },
    lowVoltageCf4: {
      kind: 'quantity',
      unit: 'kg CF4/t',
      description: 'LVAE CF4 factor, kg per t Al; default by technology (none for PFPB_MW)',
    },
    production: PRODUCTION_PARAMETER,
  },
  evaluate(params, context) {
    const technology = enumParameter(params, 'technology');
    const production = productionTerm(params, context);
    const base = `ipcc-2019/aluminium/pfc-tier1`;
    const highCf4 = factorTerm(context, 'EF_CF4 HVAE', `${base}/hvae/${technology}/CF4`, 'kg CF4/t');
    const highC2f6 = factorTerm(context, 'EF_C2F6 HVAE', `${base}/hvae/${technology}/C2F6`, 'kg C2F6/t');
    const givenLow = parameterTerm(params, 'lowVoltageCf4', 'kg CF4/t');
    if (givenLow === undefined && technology === 'PFPB_MW') {
      throw new MethodNotApplicableError(
        'the 2019 Refinement gives no LVAE CF4 factor for PFPB_MW; give "lowVoltageCf4" (kg CF4/t)',
        { path: [...context.path, 'technology'] },
      );
    }
    const lowCf4 = givenLow ?? factorTerm(context, 'lowVoltageCf4', `${base}/lvae/${technology}/CF4`, 'kg CF4/t', 'default');
    const mp = production.value;
    return methodResult({
      emissions: [
        { gas: 'CF4', amount: highCf4.value.times(mp).div(1000), category: 'pfc', label: 'HVAE' },
        { gas: 'CF4', amount: lowCf4.value.times(mp).div(1000), category: 'pfc', label: 'LVAE' },
        { gas: 'C2F6', amount: highC2f6.value.times(mp).div(1000), category: 'pfc', label: 'HVAE' },
      ],
      formula: 'E_CF4 = (EF_CF4,HVAE + EF_CF4,LVAE) × MP, E_C2F6 = EF_C2F6,HVAE × MP (kg)',
      citation: CITATION,
      terms: [production, highCf4, lowCf4, highC2f6],
      path: context.path,
      notes: ['Eq. 4.27C functional form is not verified (standards.md §1.1); LVAE CF4 is taken as EF × MP like Eq. 4.25.'],
    });
  },
});
