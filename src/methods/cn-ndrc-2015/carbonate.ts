import { defineMethod } from '../defineMethod.js';
import { HUNDRED, derivedTerm, enumParameter, factorTerm, methodResult, parameterTerm } from '../terms.js';
import type { Term } from '../terms.js';
import type { MethodDefinition } from '../types.js';
import { CARBONATES } from '../generic/carbonate-decomposition.js';
import { NDRC_2015_GUIDELINE, NDRC_2015_UNVERIFIED_NOTE } from './citation.js';

const CITATION = `${NDRC_2015_GUIDELINE}, 过程排放 (碳酸盐分解) (process emissions, carbonates): E = Σ AD_j × EF_j`;

/**
 * Carbonates of the guideline's table, by formula, and the id segment of their factor in the
 * dataset `cn-ndrc-2015/carbonate`: the same formulas and id segments as the stoichiometric
 * dataset (dolomite's parentheses cannot be part of an id); only the values differ.
 */
export const NDRC_2015_CARBONATES: Readonly<Record<string, string>> = CARBONATES;

/**
 * `cn-ndrc-2015/carbonate`: CO2 from decomposing a carbonate (flux, limestone, soda ash):
 * E = AD × PUR × EF, EF stoichiometric per t of carbonate (CaCO3 0.4397, MgCO3 0.5220 …).
 * `purity` is the carbonate's mass share of the material consumed; without it the whole amount
 * counts as carbonate (the guideline's AD is the carbonate consumed).
 *
 * @example
 * evaluateMethod(registry, 'cn-ndrc-2015/carbonate', { carbonate: 'CaCO3', amount: '2000 t', purity: '90 %' }, context);
 * // CO2 = 2000 × 0.90 × 0.4397 = 791.46 t
 */
export const cnNdrc2015Carbonate: MethodDefinition = defineMethod({
  id: 'cn-ndrc-2015/carbonate',
  title: 'Carbonate decomposition CO2 (NDRC 2015 other non-ferrous)',
  citation: CITATION,
  parameters: {
    carbonate: {
      kind: 'enum',
      values: Object.keys(NDRC_2015_CARBONATES),
      required: true,
      description: 'carbonate by formula, e.g. CaCO3 (limestone), CaMg(CO3)2 (dolomite), Na2CO3 (soda ash)',
    },
    amount: { kind: 'quantity', unit: 't', required: true, description: 'material consumed (AD), t' },
    purity: {
      kind: 'quantity',
      unit: '%',
      max: '100',
      description: 'carbonate content of the material ("92 %" or "0.92 fraction"); default: the whole amount is carbonate',
    },
  },
  evaluate(params, context) {
    const carbonate = enumParameter(params, 'carbonate');
    const amount = parameterTerm(params, 'amount', 't') as Term;
    const purity = parameterTerm(params, 'purity', '%');
    const factor = factorTerm(context, 'EF', `cn-ndrc-2015/carbonate/${NDRC_2015_CARBONATES[carbonate] ?? carbonate}`, 't CO2/t');
    const carbonateMass = purity === undefined ? amount.value : amount.value.times(purity.value).div(HUNDRED);
    const pure = purity === undefined ? undefined : derivedTerm('carbonate decomposed (AD × PUR)', carbonateMass, 't');
    return methodResult({
      emissions: [{ gas: 'CO2', amount: carbonateMass.times(factor.value), category: 'carbonate' }],
      formula: purity === undefined ? 'E = AD × EF' : 'E = AD × PUR × EF',
      citation: CITATION,
      terms: [amount, purity, pure, factor],
      notes: [NDRC_2015_UNVERIFIED_NOTE],
      path: context.path,
    });
  },
});
