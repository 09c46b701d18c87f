import { defineMethod } from '../../defineMethod.js';
import { enumParameter, factorTerm, methodResult, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4 §4.6, Eq. 4.32, Table 4.21';

/** Furnace types of IPCC 2006 Table 4.21; `default` is the 80 % ISF + 20 % DS mix. */
export const LEAD_FURNACES = ['isf', 'direct-smelting', 'secondary', 'default'] as const;

/**
 * `ipcc-2006/lead/tier1`: Tier 1 CO2 of lead production, one term of Eq. 4.32
 * (`E_CO2 = DS × EF_DS + ISF × EF_ISF + S × EF_S`) per emission entry, EF by furnace type from
 * Table 4.21 (ISF 0.59, direct smelting 0.25, secondary 0.20, default 0.52 t CO2/t lead).
 * A plant with several furnace types writes one entry per type, each with its `production`.
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/lead/tier1', { furnace: 'direct-smelting', production: '100000 t' }, context);
 * // CO2 = 100000 × 0.25 = 25000 t
 */
export const ipcc2006LeadTier1: MethodDefinition = defineMethod({
  id: 'ipcc-2006/lead/tier1',
  title: 'Lead production Tier 1 CO2 (IPCC 2006)',
  citation: CITATION,
  parameters: {
    furnace: {
      kind: 'enum',
      values: LEAD_FURNACES,
      default: 'default',
      description:
        'furnace type (Table 4.21): isf (Imperial Smelting Furnace), direct-smelting, secondary (secondary raw materials), ' +
        'or default (80 % ISF + 20 % DS, when the split is unknown)',
    },
    production: {
      kind: 'quantity',
      unit: 't',
      description: 'lead produced by this furnace type (DS, ISF or S of Eq. 4.32) in t; default: the reference output of the process',
    },
  },
  evaluate(params, context) {
    const furnace = enumParameter(params, 'furnace');
    const production = productionTerm(params, context);
    const factor = factorTerm(context, 'EF', `ipcc-2006/lead/tier1/${furnace}`, 't CO2/t');
    const notes =
      furnace === 'default'
        ? ['IPCC default factor: assumes 80 % ISF + 20 % direct smelting (0.8 × 0.59 + 0.2 × 0.25 = 0.522, published as 0.52)']
        : [];
    return methodResult({
      emissions: [{ gas: 'CO2', amount: production.value.times(factor.value), category: 'process' }],
      formula: 'E_CO2 = DS × EF_DS + ISF × EF_ISF + S × EF_S (this entry: production × EF)',
      citation: CITATION,
      terms: [production, factor],
      notes,
      path: context.path,
    });
  },
});
