import { defineMethod } from '../defineMethod.js';
import { HUNDRED, derivedTerm, factorTerm, methodResult, parameterOrDefault, parameterTerm } from '../terms.js';
import type { Term } from '../terms.js';
import type { MethodDefinition } from '../types.js';
import { NDRC_2015_GUIDELINE, NDRC_2015_UNVERIFIED_NOTE } from './citation.js';

const CITATION = `${NDRC_2015_GUIDELINE}, 过程排放 (草酸) (process emissions, oxalic acid): E = AD × EF, EF = 0.349 × PUR`;

/**
 * `cn-ndrc-2015/oxalic-acid`: CO2 from oxalic acid used in the process:
 * E = AD × EF with EF = 0.349 × PUR (0.349 ≈ 44.01/126.07, one CO2 per mole of the dihydrate),
 * default purity 99.6 % from the dataset.
 *
 * @example
 * evaluateMethod(registry, 'cn-ndrc-2015/oxalic-acid', { amount: '100 t' }, context);
 * // EF = 0.349 × 0.996 = 0.347604; CO2 = 100 × 0.347604 = 34.7604 t
 */
export const cnNdrc2015OxalicAcid: MethodDefinition = defineMethod({
  id: 'cn-ndrc-2015/oxalic-acid',
  title: 'Oxalic acid CO2 (NDRC 2015 other non-ferrous)',
  citation: CITATION,
  parameters: {
    amount: { kind: 'quantity', unit: 't', required: true, description: 'oxalic acid consumed (AD), t' },
    purity: {
      kind: 'quantity',
      unit: '%',
      max: '100',
      description: 'purity PUR ("99.6 %" or "0.996 fraction"); default 99.6 % (dataset cn-ndrc-2015/oxalic-acid/purity)',
    },
  },
  evaluate(params, context) {
    const amount = parameterTerm(params, 'amount', 't') as Term;
    const purity = parameterOrDefault(params, context, 'purity', 'cn-ndrc-2015/oxalic-acid/purity', '%');
    const perPure = factorTerm(context, 'CO2 per t of pure oxalic acid', 'cn-ndrc-2015/oxalic-acid/co2-per-oxalic-acid', 't CO2/t');
    const factor = derivedTerm('EF (0.349 × PUR)', perPure.value.times(purity.value).div(HUNDRED), 't CO2/t');
    return methodResult({
      emissions: [{ gas: 'CO2', amount: amount.value.times(factor.value), category: 'process' }],
      formula: 'E = AD × EF, EF = 0.349 × PUR',
      citation: CITATION,
      terms: [amount, purity, perPure, factor],
      notes: [NDRC_2015_UNVERIFIED_NOTE],
      path: context.path,
    });
  },
});
