import { anodeCarbonCo2 } from '../../anode-carbon.js';
import { defineMethod } from '../../defineMethod.js';
import { percentParameter } from '../../commonParameters.js';
import { methodResult, parameterOrDefault, productionTerm } from '../../terms.js';
import type { MethodDefinition } from '../../types.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.23 (Tier 2/3 defaults for PCC, S_pc and Ash_pc: Tables 4.11–4.13)';

/**
 * `ipcc-2006/aluminium/packing-coke-co2`: CO2 from bake-furnace packing material (Eq. 4.23).
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/aluminium/packing-coke-co2', { bakedAnodes: '102000 t' }, context);
 * // CO2 = 0.015 × 102000 × (100 − 2.0 − 2.5)/100 × 44/12 = 5357.55 t
 */
export const ipcc2006AluminiumPackingCokeCo2: MethodDefinition = defineMethod({
  id: 'ipcc-2006/aluminium/packing-coke-co2',
  title: 'Bake-furnace packing coke CO2 (IPCC 2006 Tier 2/3)',
  citation: CITATION,
  parameters: {
    packingCoke: { kind: 'quantity', unit: 't/t', description: 'packing coke consumption (PCC), t per t baked anode; default 0.015' },
    bakedAnodes: { kind: 'quantity', unit: 't', description: 'baked anode production (BA), t; default: the reference output of the process' },
    sulfur: percentParameter('sulphur content of packing coke (S_pc), wt %; default 2.0 %'),
    ash: percentParameter('ash content of packing coke (Ash_pc), wt %; default 2.5 %'),
  },
  evaluate(params, context) {
    const packingCoke = parameterOrDefault(params, context, 'packingCoke', 'ipcc-2006/aluminium/baking/packing-coke-consumption', 't/t');
    const bakedAnodes = productionTerm(params, context, 'bakedAnodes');
    const sulfur = parameterOrDefault(params, context, 'sulfur', 'ipcc-2006/aluminium/baking/packing-coke-sulfur', '%');
    const ash = parameterOrDefault(params, context, 'ash', 'ipcc-2006/aluminium/baking/packing-coke-ash', '%');
    const co2 = anodeCarbonCo2(packingCoke.value.times(bakedAnodes.value), sulfur.value, ash.value);
    return methodResult({
      emissions: [{ gas: 'CO2', amount: co2, category: 'anode' }],
      formula: 'E_CO2 = PCC × BA × (100 − S_pc − Ash_pc)/100 × 44/12',
      citation: CITATION,
      terms: [packingCoke, bakedAnodes, sulfur, ash],
      path: context.path,
    });
  },
});
