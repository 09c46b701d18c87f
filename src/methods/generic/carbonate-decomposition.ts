import { defineMethod } from '../defineMethod.js';
import { HUNDRED, enumParameter, factorTerm, methodResult, parameterTerm } from '../terms.js';
import type { Term } from '../terms.js';
import type { MethodDefinition } from '../types.js';

const CITATION = 'Stoichiometric CO2 of carbonate decomposition, EF = n × M(CO2)/M(carbonate) (derived; dataset "stoichiometric")';

/** Carbonates by formula, and the id segment of their stoichiometric factor. */
export const CARBONATES: Readonly<Record<string, string>> = Object.freeze({
  CaCO3: 'CaCO3',
  MgCO3: 'MgCO3',
  'CaMg(CO3)2': 'CaMg-CO3-2',
  Na2CO3: 'Na2CO3',
  NaHCO3: 'NaHCO3',
  FeCO3: 'FeCO3',
  MnCO3: 'MnCO3',
  BaCO3: 'BaCO3',
  Li2CO3: 'Li2CO3',
  K2CO3: 'K2CO3',
  SrCO3: 'SrCO3',
});

/**
 * `carbonate-decomposition`: CO2 released by fully decomposing a carbonate,
 * E = amount × purity × EF with EF the stoichiometric ratio (e.g. CaCO3 0.43971 t CO2/t).
 *
 * @example
 * evaluateMethod(registry, 'carbonate-decomposition', { carbonate: 'CaCO3', amount: '1000 t', purity: '95 %' }, context);
 * // CO2 = 1000 × 95/100 × 0.43971 = 417.7245 t
 */
export const carbonateDecomposition: MethodDefinition = defineMethod({
  id: 'carbonate-decomposition',
  title: 'Carbonate decomposition CO2 (stoichiometric)',
  citation: CITATION,
  parameters: {
    carbonate: { kind: 'enum', values: Object.keys(CARBONATES), required: true, description: 'carbonate by chemical formula' },
    amount: { kind: 'quantity', unit: 't', required: true, description: 'carbonate-bearing material consumed, t' },
    purity: {
      kind: 'quantity',
      unit: '%',
      max: '100',
      default: '100 %',
      defaultSource: 'pure carbonate assumed when no purity is given',
      description: 'carbonate mass share of the material',
    },
  },
  evaluate(params, context) {
    const carbonate = enumParameter(params, 'carbonate');
    const amount = parameterTerm(params, 'amount', 't') as Term;
    const purity = parameterTerm(params, 'purity', '%') as Term;
    const factor = factorTerm(context, 'EF', `stoichiometric/carbonate/${CARBONATES[carbonate] ?? carbonate}`, 't CO2/t');
    return methodResult({
      emissions: [{ gas: 'CO2', amount: amount.value.times(purity.value).div(HUNDRED).times(factor.value), category: 'carbonate' }],
      formula: 'E_CO2 = AD × PUR × EF',
      citation: CITATION,
      terms: [amount, purity, factor],
      path: context.path,
    });
  },
});
