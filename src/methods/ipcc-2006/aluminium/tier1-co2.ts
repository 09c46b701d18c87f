import { defineMethod } from '../../defineMethod.js';
import { PRODUCTION_PARAMETER } from '../../commonParameters.js';
import { enumParameter, factorTerm, methodResult, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.20, Table 4.10';

/**
 * `ipcc-2006/aluminium/tier1-co2`: Tier 1 CO2 from anode consumption, EF by technology
 * (prebake 1.6, Søderberg 1.7 t CO2/t Al; Table 4.10).
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/aluminium/tier1-co2', { technology: 'prebake', production: '100000 t' }, context);
 * // CO2 = 1.6 × 100000 = 160000 t
 */
export const ipcc2006AluminiumTier1Co2: MethodDefinition = defineMethod({
  id: 'ipcc-2006/aluminium/tier1-co2',
  title: 'Aluminium Tier 1 CO2 (IPCC 2006)',
  citation: CITATION,
  parameters: {
    technology: { kind: 'enum', values: ['prebake', 'soderberg'], required: true, description: 'cell technology' },
    production: PRODUCTION_PARAMETER,
  },
  evaluate(params, context) {
    const technology = enumParameter(params, 'technology');
    const production = productionTerm(params, context);
    const factor = factorTerm(context, 'EF', `ipcc-2006/aluminium/tier1-co2/${technology}`, 't CO2/t');
    return methodResult({
      emissions: [{ gas: 'CO2', amount: factor.value.times(production.value), category: 'anode' }],
      formula: 'E_CO2 = Σ_i EF_i × MP_i',
      citation: CITATION,
      terms: [production, factor],
      path: context.path,
    });
  },
});
