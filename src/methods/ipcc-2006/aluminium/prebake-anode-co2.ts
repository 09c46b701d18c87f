import { anodeCarbonCo2 } from '../../anode-carbon.js';
import { defineMethod } from '../../defineMethod.js';
import { PRODUCTION_PARAMETER, percentParameter } from '../../commonParameters.js';
import { methodResult, parameterOrDefault, parameterTerm, productionTerm } from '../../terms.js';
import type { Term } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.21 (Tier 2/3 defaults for S_a and Ash_a: Tables 4.11–4.13)';

/**
 * `ipcc-2006/aluminium/prebake-anode-co2`: CO2 from net prebaked anode consumption (Eq. 4.21).
 * NAC has no IPCC default ("individual facility records") and is required.
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/aluminium/prebake-anode-co2',
 *   { netAnodeConsumption: '0.42 t C/t', production: '100000 t' }, context);
 * // CO2 = 0.42 × 100000 × (100 − 2 − 0.4)/100 × 44/12 = 150304 t
 */
export const ipcc2006AluminiumPrebakeAnodeCo2: MethodDefinition = defineMethod({
  id: 'ipcc-2006/aluminium/prebake-anode-co2',
  title: 'Prebake anode consumption CO2 (IPCC 2006 Tier 2/3)',
  citation: CITATION,
  parameters: {
    netAnodeConsumption: {
      kind: 'quantity',
      unit: 't C/t',
      required: true,
      description: 'net prebaked anode consumption (NAC), t C per t Al; IPCC gives no default',
    },
    sulfur: percentParameter('sulphur content of baked anodes (S_a), wt %; default 2.0 %'),
    ash: percentParameter('ash content of baked anodes (Ash_a), wt %; default 0.4 %'),
    production: PRODUCTION_PARAMETER,
  },
  evaluate(params, context) {
    const netAnodeConsumption = parameterTerm(params, 'netAnodeConsumption', 't C/t') as Term;
    const sulfur = parameterOrDefault(params, context, 'sulfur', 'ipcc-2006/aluminium/prebake/anode-sulfur', '%');
    const ash = parameterOrDefault(params, context, 'ash', 'ipcc-2006/aluminium/prebake/anode-ash', '%');
    const production = productionTerm(params, context);
    const co2 = anodeCarbonCo2(netAnodeConsumption.value.times(production.value), sulfur.value, ash.value);
    return methodResult({
      emissions: [{ gas: 'CO2', amount: co2, category: 'anode' }],
      formula: 'E_CO2 = NAC × MP × (100 − S_a − Ash_a)/100 × 44/12',
      citation: CITATION,
      terms: [netAnodeConsumption, production, sulfur, ash],
      path: context.path,
    });
  },
});
