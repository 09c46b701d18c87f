import { anodeCarbonCo2 } from '../../anode-carbon.js';
import { defineMethod } from '../../defineMethod.js';
import { PRODUCTION_PARAMETER, percentParameter } from '../../commonParameters.js';
import { methodResult, parameterOrDefault, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'NDRC 2013 China electrolytic aluminium GHG guideline (trial), 能源作为原材料用途的排放 (炭阳极消耗); GB/T 32151.4-2015';
const DATASET = 'cn-ndrc-2013/aluminium';

/**
 * `cn-ndrc-2013/aluminium/anode-co2`: CO2 from carbon anode consumption, E = P × NC × (1 − S_a − A_a) × 44/12
 * with defaults NC 0.42 t C/t, S_a 2 %, A_a 0.4 %. P is 原铝产量 (primary aluminium).
 *
 * @example
 * evaluateMethod(registry, 'cn-ndrc-2013/aluminium/anode-co2', { production: '100000 t' }, context);
 * // CO2 = 100000 × 0.42 × (1 − 0.02 − 0.004) × 44/12 = 150304 t
 */
export const cnNdrc2013AluminiumAnodeCo2: MethodDefinition = defineMethod({
  id: 'cn-ndrc-2013/aluminium/anode-co2',
  title: 'Carbon anode consumption CO2 (NDRC 2013 electrolytic aluminium)',
  citation: CITATION,
  parameters: {
    netAnodeConsumption: { kind: 'quantity', unit: 't C/t', description: '吨铝炭阳极净耗 (NC), t C per t primary aluminium; default 0.42' },
    sulfur: percentParameter('sulphur content of anodes (S_a), %; default 2 %'),
    ash: percentParameter('ash content of anodes (A_a), %; default 0.4 %'),
    production: { ...PRODUCTION_PARAMETER, description: '原铝产量 (primary aluminium output, P), t; default: the reference output of the process' },
  },
  evaluate(params, context) {
    const netAnodeConsumption = parameterOrDefault(params, context, 'netAnodeConsumption', `${DATASET}/net-anode-consumption`, 't C/t');
    const sulfur = parameterOrDefault(params, context, 'sulfur', `${DATASET}/anode-sulfur`, '%');
    const ash = parameterOrDefault(params, context, 'ash', `${DATASET}/anode-ash`, '%');
    const production = productionTerm(params, context);
    return methodResult({
      emissions: [
        { gas: 'CO2', amount: anodeCarbonCo2(production.value.times(netAnodeConsumption.value), sulfur.value, ash.value), category: 'anode' },
      ],
      formula: 'E = P × NC × (1 − S_a − A_a) × 44/12',
      citation: CITATION,
      terms: [production, netAnodeConsumption, sulfur, ash],
      path: context.path,
    });
  },
});
