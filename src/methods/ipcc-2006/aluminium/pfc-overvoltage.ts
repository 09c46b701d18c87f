import { MethodNotApplicableError } from '../../../core/errors.js';
import { defineMethod } from '../../defineMethod.js';
import { pfcEmissions } from '../../pfc.js';
import { PRODUCTION_PARAMETER } from '../../commonParameters.js';
import { RATIO_UNIT } from '../../slope-method.js';
import { enumParameter, factorTerm, methodResult, parameterTerm, productionTerm } from '../../terms.js';
import type { Term } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';
import { IPCC_2006_TECHNOLOGIES } from './pfc-tier1.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.27, Table 4.16 (same form: EU MRR 601/2012 Annex IV §8)';
const COEFFICIENT_UNIT = '(kg CF4/t)/mV';

/**
 * `ipcc-2006/aluminium/pfc-overvoltage`: Tier 2/3 overvoltage method. CE enters as a number in
 * percent, as the EU text states (a fraction would give results 100 times too small).
 * Table 4.16 has no overvoltage coefficient for VSS or HSS: those need `coefficient`.
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/aluminium/pfc-overvoltage',
 *   { technology: 'CWPB', overvoltage: '20 mV', currentEfficiency: '95 %', production: '100000 t' }, context);
 * // CF4 = 1.16 × 20/95 × 100000 / 1000 = 24.42105… t
 */
export const ipcc2006AluminiumPfcOvervoltage: MethodDefinition = defineMethod({
  id: 'ipcc-2006/aluminium/pfc-overvoltage',
  title: 'Aluminium PFC, overvoltage method (IPCC 2006 Tier 2/3)',
  citation: CITATION,
  parameters: {
    technology: { kind: 'enum', values: IPCC_2006_TECHNOLOGIES, required: true, description: 'cell technology' },
    overvoltage: { kind: 'quantity', unit: 'mV', required: true, description: 'anode-effect overvoltage per cell (AEO), mV' },
    currentEfficiency: {
      kind: 'quantity',
      unit: '%',
      required: true,
      min: '0.000001',
      max: '100',
      description: 'average current efficiency of aluminium production (CE), %',
    },
    coefficient: { kind: 'quantity', unit: COEFFICIENT_UNIT, description: 'overvoltage coefficient OVC; default by technology (CWPB, SWPB)' },
    c2f6Ratio: { kind: 'quantity', unit: RATIO_UNIT, description: 'weight fraction F_C2F6/CF4; default by technology' },
    production: PRODUCTION_PARAMETER,
  },
  evaluate(params, context) {
    const technology = enumParameter(params, 'technology');
    const overvoltage = parameterTerm(params, 'overvoltage', 'mV') as Term;
    const currentEfficiency = parameterTerm(params, 'currentEfficiency', '%') as Term;
    const given = parameterTerm(params, 'coefficient', COEFFICIENT_UNIT);
    if (given === undefined && technology !== 'CWPB' && technology !== 'SWPB') {
      throw new MethodNotApplicableError(`IPCC 2006 Table 4.16 has no overvoltage coefficient for ${technology}; give "coefficient"`, {
        path: [...context.path, 'technology'],
      });
    }
    const coefficient = given ?? factorTerm(context, 'coefficient', `ipcc-2006/aluminium/pfc-overvoltage/${technology}`, COEFFICIENT_UNIT, 'default');
    const ratio =
      parameterTerm(params, 'c2f6Ratio', RATIO_UNIT) ??
      factorTerm(context, 'c2f6Ratio', `ipcc-2006/aluminium/c2f6-cf4-ratio/${technology}`, RATIO_UNIT, 'default');
    const production = productionTerm(params, context);
    // CE as its number in percent (EU MRR 601/2012 Annex IV §8: CF4 = OVC × (AEO/CE) × Pr_Al).
    const cf4Kilograms = coefficient.value.times(overvoltage.value).div(currentEfficiency.value).times(production.value);
    return methodResult({
      emissions: pfcEmissions(cf4Kilograms, cf4Kilograms.times(ratio.value)),
      formula: 'E_CF4 = OVC × AEO/CE × MP, E_C2F6 = E_CF4 × F_C2F6/CF4 (kg; CE in %)',
      citation: CITATION,
      terms: [coefficient, overvoltage, currentEfficiency, production, ratio],
      path: context.path,
    });
  },
});
