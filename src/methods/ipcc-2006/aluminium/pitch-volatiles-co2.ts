import { defineMethod } from '../../defineMethod.js';
import { HUNDRED, derivedTerm, enumParameter, factorTerm, methodResult, parameterTerm, productionTerm } from '../../terms.js';
import type { Term } from '../../terms.js';
import type { MethodContext, MethodDefinition, ParameterValue } from '../../types.js';

const CITATION = 'IPCC 2006 Vol. 3 Ch. 4, Eq. 4.22 (Tier 2/3 defaults for H_w and WT: Tables 4.11–4.13)';

/**
 * `ipcc-2006/aluminium/pitch-volatiles-co2`: CO2 from burning pitch volatiles in anode baking
 * (Eq. 4.22). `hydrogen` and `wasteTar` may be given in t or as % of the green anodes; their
 * defaults are 0.5 % of green anodes and, for waste tar, 0 (0.5 % with `furnace: riedhammer`).
 *
 * @example
 * evaluateMethod(registry, 'ipcc-2006/aluminium/pitch-volatiles-co2',
 *   { greenAnodes: '105000 t', bakedAnodes: '102000 t' }, context);
 * // CO2 = (105000 − 525 − 102000 − 0) × 44/12 = 9075 t
 */
export const ipcc2006AluminiumPitchVolatilesCo2: MethodDefinition = defineMethod({
  id: 'ipcc-2006/aluminium/pitch-volatiles-co2',
  title: 'Pitch volatiles combustion CO2 in anode baking (IPCC 2006 Tier 2/3)',
  citation: CITATION,
  parameters: {
    greenAnodes: { kind: 'quantity', unit: 't', required: true, description: 'initial weight of green anodes (GA), t' },
    hydrogen: {
      kind: 'quantity',
      unit: 't',
      alternativeUnits: ['%'],
      description: 'hydrogen content of green anodes (H_w), t or % of GA; default 0.5 % of GA',
    },
    bakedAnodes: { kind: 'quantity', unit: 't', description: 'baked anode production (BA), t; default: the reference output of the process' },
    wasteTar: {
      kind: 'quantity',
      unit: 't',
      alternativeUnits: ['%'],
      description: 'waste tar collected (WT), t or % of GA; default 0, or 0.5 % of GA for Riedhammer furnaces',
    },
    furnace: { kind: 'enum', values: ['riedhammer', 'other'], default: 'other', description: 'baking furnace type (selects the WT default)' },
  },
  evaluate(params, context) {
    const greenAnodes = parameterTerm(params, 'greenAnodes', 't') as Term;
    const hydrogen = massOrShare(params, context, 'hydrogen', greenAnodes, 'ipcc-2006/aluminium/baking/green-anode-hydrogen');
    const bakedAnodes = productionTerm(params, context, 'bakedAnodes');
    const furnace = enumParameter(params, 'furnace');
    const wasteTar = massOrShare(
      params,
      context,
      'wasteTar',
      greenAnodes,
      furnace === 'riedhammer' ? 'ipcc-2006/aluminium/baking/waste-tar/riedhammer' : 'ipcc-2006/aluminium/baking/waste-tar/other-furnaces',
    );
    const carbon = greenAnodes.value.minus(hydrogen.mass.value).minus(bakedAnodes.value).minus(wasteTar.mass.value);
    return methodResult({
      emissions: [{ gas: 'CO2', amount: carbon.times(44).div(12), category: 'anode' }],
      formula: 'E_CO2 = (GA − H_w − BA − WT) × 44/12',
      citation: CITATION,
      terms: [greenAnodes, hydrogen.share, hydrogen.mass, bakedAnodes, wasteTar.share, wasteTar.mass],
      path: context.path,
    });
  },
});

// A mass given in t, or a share of the green anodes (given in %, or the dataset default in %).
function massOrShare(
  params: Readonly<Record<string, ParameterValue>>,
  context: MethodContext,
  name: string,
  greenAnodes: Term,
  defaultFactorId: string,
): { readonly share?: Term; readonly mass: Term } {
  const given = params[name];
  if (given !== undefined && typeof given === 'object' && 'unit' in given && given.unit.symbol === 't') {
    return { mass: parameterTerm(params, name, 't') as Term };
  }
  const share = given !== undefined ? (parameterTerm(params, name, '%') as Term) : factorTerm(context, `${name} share of GA`, defaultFactorId, '%', 'default');
  const named = given !== undefined ? { ...share, explained: { ...share.explained, name: `${name} share of GA` } } : share;
  return { share: named, mass: derivedTerm(name, greenAnodes.value.times(share.value).div(HUNDRED), 't', `${share.explained.value} % × GA`) };
}
