import { MethodNotApplicableError } from '../../../core/errors.js';
import { defineMethod } from '../../defineMethod.js';
import { enumParameter, factorTerm, methodResult, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION_DEFAULT = 'IPCC 2006 Vol. 3 Ch. 4 §4.7, Eq. 4.33, Table 4.24';
const CITATION_BY_PROCESS = 'IPCC 2006 Vol. 3 Ch. 4 §4.7, Eq. 4.34, Table 4.24';

/**
 * Process types of IPCC 2006 §4.7. `electro-thermic` is accepted so that a request for it gets a
 * clear answer: Table 4.24 has no factor for it.
 */
export const ZINC_PROCESSES = ['waelz-kiln', 'isf', 'electro-thermic', 'default'] as const;

/**
 * `ipcc-2006/zinc/tier1`: Tier 1 CO2 of zinc production. `default` is Eq. 4.33
 * (`E_CO2 = Zn × EF_default`, 1.72 t CO2/t: 60 % ISF + 40 % Waelz kiln); a process type is one term
 * of Eq. 4.34 (`E_CO2 = ET × EF_ET + PM × EF_PM + WK × EF_WK`; Waelz kiln 3.66, ISF 0.43).
 * Electro-thermic distillation has no IPCC factor and throws MethodNotApplicableError.
 * Electrolytic (RLE) zinc has no process CO2 in IPCC: its burden is electricity and fuels.
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/zinc/tier1', { process: 'waelz-kiln', production: '10000 t' }, context);
 * // CO2 = 10000 × 3.66 = 36600 t
 */
export const ipcc2006ZincTier1: MethodDefinition = defineMethod({
  id: 'ipcc-2006/zinc/tier1',
  title: 'Zinc production Tier 1 CO2 (IPCC 2006)',
  citation: CITATION_BY_PROCESS,
  parameters: {
    process: {
      kind: 'enum',
      values: ZINC_PROCESSES,
      default: 'default',
      description:
        'process type (Table 4.24): waelz-kiln, isf (pyrometallurgical, Imperial Smelting Furnace), electro-thermic (no IPCC factor), ' +
        'or default (60 % ISF + 40 % Waelz kiln, when the split is unknown)',
    },
    production: {
      kind: 'quantity',
      unit: 't',
      description: 'zinc produced by this process type (Zn, PM or WK of Eqs. 4.33/4.34) in t; default: the reference output of the process',
    },
  },
  evaluate(params, context) {
    const process = enumParameter(params, 'process');
    if (process === 'electro-thermic') {
      throw new MethodNotApplicableError(
        'IPCC 2006 Table 4.24 has no Tier 1 factor for electro-thermic zinc distillation ("No data was available to determine an ' +
          'emission factor for the electro-thermic process"); account for its reductant carbon with carbon-mass-balance (Tier 2/3) ' +
          'or cn-ndrc-2015/reductant instead',
        { path: [...context.path, 'process'] },
      );
    }
    const citation = process === 'default' ? CITATION_DEFAULT : CITATION_BY_PROCESS;
    const production = productionTerm(params, context);
    const factor = factorTerm(context, 'EF', `ipcc-2006/zinc/tier1/${process}`, 't CO2/t');
    const notes =
      process === 'default'
        ? ['IPCC default factor: assumes 60 % ISF + 40 % Waelz kiln (0.6 × 0.43 + 0.4 × 3.66 = 1.722, published as 1.72)']
        : [];
    return methodResult({
      emissions: [{ gas: 'CO2', amount: production.value.times(factor.value), category: 'process' }],
      formula: process === 'default' ? 'E_CO2 = Zn × EF_default' : 'E_CO2 = ET × EF_ET + PM × EF_PM + WK × EF_WK (this entry: production × EF)',
      citation,
      terms: [production, factor],
      notes,
      path: context.path,
    });
  },
});
