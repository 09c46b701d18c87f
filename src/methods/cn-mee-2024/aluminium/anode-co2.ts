import { MethodParameterError } from '../../../core/errors.js';
import { anodeCarbonCo2 } from '../../anode-carbon.js';
import { defineMethod } from '../../defineMethod.js';
import { PRODUCTION_PARAMETER, percentParameter } from '../../commonParameters.js';
import { HUNDRED, derivedTerm, methodResult, parameterOrDefault, parameterTerm, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION =
  'MEE 2024 CETS-AG-04.01-V01-2024 (铝冶炼行业), 铝电解工序能源作为原材料用途的排放, as transcribed in standards.md §2.2 from third-party implementations (unverified)';
const DATASET = 'cn-mee-2024/aluminium';
const UNVERIFIED =
  'Defaults (net anode consumption 0.411 t C/t, anode loss rate 15.18 %, S 2 %, A 0.4 %) are from third-party implementations and unverified against 附录A of CETS-AG-04.01-V01-2024 (standards.md §2.2, §6).';

/**
 * `cn-mee-2024/aluminium/anode-co2`: anode CO2 either from measured anode consumption
 * (net = consumption × (1 − loss rate)) or from net consumption per t of liquid aluminium.
 * Defaults are unverified and every result says so in its notes.
 *
 * @example
 * evaluateMethod(registry, 'cn-mee-2024/aluminium/anode-co2', { production: '100000 t' }, context);
 * // CO2 = 100000 × 0.411 × (1 − 0.02 − 0.004) × 44/12 = 147082.4 t
 */
export const cnMee2024AluminiumAnodeCo2: MethodDefinition = defineMethod({
  id: 'cn-mee-2024/aluminium/anode-co2',
  title: 'Anode consumption CO2 (MEE 2024 aluminium smelting, unverified defaults)',
  citation: CITATION,
  parameters: {
    anodeConsumption: { kind: 'quantity', unit: 't', description: 'measured anode consumption, t (then anodeLossRate applies)' },
    anodeLossRate: percentParameter('anode loss rate, %; default 15.18 % (unverified); only with anodeConsumption'),
    netAnodeConsumption: {
      kind: 'quantity',
      unit: 't C/t',
      description: '吨铝炭阳极净耗量, t C per t liquid aluminium; default 0.411 (unverified)',
    },
    sulfur: percentParameter('sulphur content of anodes (S), %; default 2 % (unverified)'),
    ash: percentParameter('ash content of anodes (A), %; default 0.4 % (unverified)'),
    production: { ...PRODUCTION_PARAMETER, description: '铝液产量 (liquid aluminium output, P), t; default: the reference output of the process' },
  },
  evaluate(params, context) {
    const sulfur = parameterOrDefault(params, context, 'sulfur', `${DATASET}/anode-sulfur`, '%');
    const ash = parameterOrDefault(params, context, 'ash', `${DATASET}/anode-ash`, '%');
    const anodeConsumption = parameterTerm(params, 'anodeConsumption', 't');
    if (anodeConsumption !== undefined) {
      if (params['netAnodeConsumption'] !== undefined || params['production'] !== undefined) {
        throw new MethodParameterError('give either anodeConsumption (measured) or netAnodeConsumption with production, not both', {
          path: [...context.path, 'anodeConsumption'],
        });
      }
      const lossRate = parameterOrDefault(params, context, 'anodeLossRate', `${DATASET}/anode-loss-rate`, '%');
      const netCarbon = anodeConsumption.value.times(HUNDRED.minus(lossRate.value)).div(HUNDRED);
      return methodResult({
        emissions: [{ gas: 'CO2', amount: anodeCarbonCo2(netCarbon, sulfur.value, ash.value), category: 'anode' }],
        formula: 'NAC = AC × (1 − loss rate); E = NAC × (1 − S − A) × 44/12',
        citation: CITATION,
        terms: [anodeConsumption, lossRate, derivedTerm('net anode consumption', netCarbon, 't'), sulfur, ash],
        path: context.path,
        notes: [UNVERIFIED],
      });
    }
    if (params['anodeLossRate'] !== undefined) {
      throw new MethodParameterError('anodeLossRate applies only to a measured anodeConsumption', {
        path: [...context.path, 'anodeLossRate'],
      });
    }
    const netAnodeConsumption = parameterOrDefault(params, context, 'netAnodeConsumption', `${DATASET}/net-anode-consumption`, 't C/t');
    const production = productionTerm(params, context);
    return methodResult({
      emissions: [
        { gas: 'CO2', amount: anodeCarbonCo2(production.value.times(netAnodeConsumption.value), sulfur.value, ash.value), category: 'anode' },
      ],
      formula: 'E = P × NAC × (1 − S − A) × 44/12',
      citation: CITATION,
      terms: [production, netAnodeConsumption, sulfur, ash],
      path: context.path,
      notes: [UNVERIFIED, 'P is 铝液产量 (liquid aluminium), not ingot or 原铝 output.'],
    });
  },
});
