import { MethodParameterError } from '../../core/errors.js';
import { convert } from '../../quantity/index.js';
import type { Quantity } from '../../quantity/types.js';
import { defineMethod } from '../defineMethod.js';
import { enumParameter, factorTerm, methodResult, quantityTerm } from '../terms.js';
import type { MethodDefinition } from '../types.js';
import { NDRC_2015_GUIDELINE, NDRC_2015_UNVERIFIED_NOTE } from './citation.js';

const CITATION = `${NDRC_2015_GUIDELINE}, 能源作为原材料用途的排放 (energy used as raw material): E = Σ AD × EF`;

/** Reductants with a preset factor (standards.md §2.3). */
export const NDRC_2015_REDUCTANTS = ['coke', 'semi-coke', 'anthracite', 'natural-gas'] as const;

/**
 * `cn-ndrc-2015/reductant`: CO2 from energy carriers used as reductants (raw material, not fuel):
 * E = AD × EF with EF per t (coke 2.862, semi-coke 2.853, anthracite 1.924 t CO2/t) or per
 * 10^4 Nm3 (natural gas 21.622 t CO2/10^4 Nm3).
 *
 * @example
 * evaluateMethod(registry, 'cn-ndrc-2015/reductant', { reductant: 'coke', amount: '1000 t' }, context);
 * // CO2 = 1000 × 2.862 = 2862 t
 */
export const cnNdrc2015Reductant: MethodDefinition = defineMethod({
  id: 'cn-ndrc-2015/reductant',
  title: 'Reductant CO2, energy used as raw material (NDRC 2015 other non-ferrous)',
  citation: CITATION,
  parameters: {
    reductant: {
      kind: 'enum',
      values: NDRC_2015_REDUCTANTS,
      required: true,
      description: 'reductant: coke (焦炭), semi-coke (蓝炭), anthracite (无烟煤), natural-gas (天然气)',
    },
    amount: {
      kind: 'quantity',
      unit: 't',
      alternativeUnits: ['10^4 Nm3'],
      required: true,
      description: 'reductant consumed (AD): t for solids, 10^4 Nm3 (or Nm3) for natural gas',
    },
  },
  evaluate(params, context) {
    const reductant = enumParameter(params, 'reductant');
    const amount = params['amount'] as Quantity;
    const perVolume = reductant === 'natural-gas';
    const basis = perVolume ? '10^4 Nm3' : 't';
    let activity: Quantity;
    try {
      activity = convert(amount, basis);
    } catch {
      throw new MethodParameterError(
        `${reductant} is accounted per ${basis}; the amount is in ${amount.unit.symbol}`,
        { path: [...context.path, 'amount'] },
      );
    }
    const factor = factorTerm(context, 'EF', `cn-ndrc-2015/reductant/${reductant}`, `t CO2/${basis}`);
    return methodResult({
      emissions: [{ gas: 'CO2', amount: activity.amount.times(factor.value), category: 'process' }],
      formula: 'E = AD × EF',
      citation: CITATION,
      terms: [quantityTerm('AD', activity), factor],
      notes: [NDRC_2015_UNVERIFIED_NOTE],
      path: context.path,
    });
  },
});
