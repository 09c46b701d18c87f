import { defineMethod } from '../../defineMethod.js';
import { factorTerm, methodResult, parameterTerm } from '../../terms.js';
import type { Term } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'NDRC 2013 China electrolytic aluminium GHG guideline (trial), 过程排放 (煅烧石灰石); GB/T 32151.4-2015';

/**
 * `cn-ndrc-2013/aluminium/limestone`: CO2 from calcining limestone, E = AD × 0.405 t CO2/t.
 *
 * @example
 * evaluateMethod(registry, 'cn-ndrc-2013/aluminium/limestone', { amount: '20000 t' }, context);
 * // CO2 = 20000 × 0.405 = 8100 t
 */
export const cnNdrc2013AluminiumLimestone: MethodDefinition = defineMethod({
  id: 'cn-ndrc-2013/aluminium/limestone',
  title: 'Limestone calcination CO2 (NDRC 2013 electrolytic aluminium)',
  citation: CITATION,
  parameters: {
    amount: { kind: 'quantity', unit: 't', required: true, description: 'limestone calcined (AD), t' },
  },
  evaluate(params, context) {
    const amount = parameterTerm(params, 'amount', 't') as Term;
    const factor = factorTerm(context, 'EF', 'cn-ndrc-2013/aluminium/limestone', 't CO2/t');
    return methodResult({
      emissions: [{ gas: 'CO2', amount: amount.value.times(factor.value), category: 'carbonate' }],
      formula: 'E = AD × EF',
      citation: CITATION,
      terms: [amount, factor],
      path: context.path,
    });
  },
});
