import { defineMethod } from '../../defineMethod.js';
import { pfcEmissions } from '../../pfc.js';
import { PRODUCTION_PARAMETER } from '../../commonParameters.js';
import { enumParameter, factorTerm, methodResult, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.25, Table 4.15';

/** The 2006 cell technologies of Tables 4.15 and 4.16. */
export const IPCC_2006_TECHNOLOGIES = Object.freeze(['CWPB', 'SWPB', 'VSS', 'HSS'] as const);

/**
 * `ipcc-2006/aluminium/pfc-tier1`: CF4 and C2F6 from production and technology factors (kg/t Al),
 * emitted in tonnes of each gas.
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/aluminium/pfc-tier1', { technology: 'CWPB', production: '100000 t' }, context);
 * // CF4 = 0.4 × 100000 / 1000 = 40 t; C2F6 = 0.04 × 100000 / 1000 = 4 t
 */
export const ipcc2006AluminiumPfcTier1: MethodDefinition = defineMethod({
  id: 'ipcc-2006/aluminium/pfc-tier1',
  title: 'Aluminium Tier 1 PFC (IPCC 2006)',
  citation: CITATION,
  parameters: {
    technology: { kind: 'enum', values: IPCC_2006_TECHNOLOGIES, required: true, description: 'cell technology' },
    production: PRODUCTION_PARAMETER,
  },
  evaluate(params, context) {
    const technology = enumParameter(params, 'technology');
    const production = productionTerm(params, context);
    const cf4 = factorTerm(context, 'EF_CF4', `ipcc-2006/aluminium/pfc-tier1/${technology}/CF4`, 'kg CF4/t');
    const c2f6 = factorTerm(context, 'EF_C2F6', `ipcc-2006/aluminium/pfc-tier1/${technology}/C2F6`, 'kg C2F6/t');
    return methodResult({
      emissions: pfcEmissions(cf4.value.times(production.value), c2f6.value.times(production.value)),
      formula: 'E_CF4 = EF_CF4 × MP, E_C2F6 = EF_C2F6 × MP (kg)',
      citation: CITATION,
      terms: [production, cf4, c2f6],
      path: context.path,
    });
  },
});
