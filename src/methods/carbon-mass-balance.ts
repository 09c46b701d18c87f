import { MethodParameterError } from '../core/errors.js';
import { sum, ZERO } from '../decimal/decimal.js';
import type { Decimal } from '../decimal/decimal.js';
import { toFixedString } from '../decimal/rounding.js';
import type { Category } from '../gases/categories.js';
import type { Quantity } from '../quantity/types.js';
import { defineMethod } from './defineMethod.js';
import { HUNDRED, derivedTerm, enumParameter, methodResult, quantityTerm } from './terms.js';
import type { Term } from './terms.js';
import type { MethodDefinition, ParameterSpec, ParameterValue } from './types.js';

const FORMULA = 'E_CO2 = (Σ_i M_in,i × C_in,i − Σ_j M_out,j × C_out,j) × 44/12';
const CITATION =
  'Carbon mass balance: IPCC 2006 Vol. 3 Ch. 4 Tier 2/3 for lead (§4.6) and zinc (§4.7); US EPA 40 CFR 98 Subparts R and GG; ' +
  'the same balance covers copper reductants (standards.md §1.6, §1.7, §3)';

/** Categories a carbon balance may be reported under; `process` (reductant carbon) by default. */
export const CARBON_BALANCE_CATEGORIES = ['process', 'fuel-combustion', 'anode', 'carbonate'] as const;

const materialSpec: Readonly<Record<string, ParameterSpec>> = Object.freeze({
  material: { kind: 'text', required: true, description: 'name of the material, e.g. metallurgical coke' },
  amount: { kind: 'quantity', unit: 't', required: true, description: 'mass of the material in the period, t' },
  carbon: {
    kind: 'quantity',
    unit: '%',
    max: '100',
    required: true,
    description: 'carbon content by mass, with its unit stated: "85 %" or "0.85 fraction" (a bare number is rejected)',
  },
});

/**
 * `carbon-mass-balance`: CO2 from the carbon that enters a process in its inputs (reductants,
 * fuels, carbon-bearing feed) and does not leave in its outputs (metal, slag, dust, products),
 * all of it assumed oxidised to CO2. This is the Tier 2/3 route of IPCC 2006 for lead and zinc and
 * of 40 CFR 98 Subparts R and GG. A balance in which more carbon leaves than enters is an error
 * (MethodParameterError), never a negative emission or a credit.
 *
 * @example
 * evaluateMethod(registry, 'carbon-mass-balance', {
 *   inputs: [{ material: 'coke', amount: '1000 t', carbon: '85 %' }],
 *   outputs: [{ material: 'slag', amount: '5000 t', carbon: '0.5 %' }],
 * }, context);
 * // CO2 = (1000 × 0.85 − 5000 × 0.005) × 44/12 = 825 × 44/12 = 3025 t
 */
export const carbonMassBalance: MethodDefinition = defineMethod({
  id: 'carbon-mass-balance',
  title: 'CO2 from a carbon mass balance of inputs and outputs',
  citation: CITATION,
  parameters: {
    inputs: { kind: 'list', item: materialSpec, required: true, description: 'carbon-bearing inputs: { material, amount, carbon }' },
    outputs: { kind: 'list', item: materialSpec, description: 'carbon-bearing outputs (metal, slag, dust, by-products): { material, amount, carbon }' },
    category: {
      kind: 'enum',
      values: CARBON_BALANCE_CATEGORIES,
      default: 'process',
      description: 'emission category the CO2 is reported under (default process: reductant carbon)',
    },
  },
  evaluate(params, context) {
    const inputs = carbonStreams(params['inputs'], 'inputs');
    const outputs = carbonStreams(params['outputs'], 'outputs');
    if (inputs.streams.length === 0) {
      throw new MethodParameterError('a carbon balance needs at least one input', { path: [...context.path, 'inputs'] });
    }
    const carbonIn = sum(inputs.carbonMasses);
    const carbonOut = outputs.carbonMasses.length === 0 ? ZERO : sum(outputs.carbonMasses);
    const netCarbon = carbonIn.minus(carbonOut);
    if (netCarbon.isNegative()) {
      throw new MethodParameterError(
        `the carbon leaving in outputs (${toFixedString(carbonOut)} t C) exceeds the carbon entering in inputs ` +
          `(${toFixedString(carbonIn)} t C) by ${toFixedString(netCarbon.negated())} t C; a carbon balance cannot give a ` +
          'negative emission or a credit: check the amounts and carbon contents, and that every carbon input is listed',
        { path: context.path },
      );
    }
    const category = enumParameter(params, 'category') as Category;
    return methodResult({
      // × 44 then ÷ 12 (not × a rounded 44/12): exact whenever the carbon mass allows it.
      emissions: [{ gas: 'CO2', amount: netCarbon.times(44).div(12), category }],
      formula: FORMULA,
      citation: CITATION,
      terms: [
        ...inputs.terms,
        ...outputs.terms,
        derivedTerm('carbon in (Σ M_in × C_in)', carbonIn, 't C'),
        derivedTerm('carbon out (Σ M_out × C_out)', carbonOut, 't C'),
        derivedTerm('net carbon', netCarbon, 't C'),
      ],
      path: context.path,
    });
  },
});

function carbonStreams(
  value: ParameterValue | undefined,
  side: 'inputs' | 'outputs',
): { readonly streams: readonly Readonly<Record<string, ParameterValue>>[]; readonly carbonMasses: Decimal[]; readonly terms: Term[] } {
  const streams = (value ?? []) as readonly Readonly<Record<string, ParameterValue>>[];
  const carbonMasses: Decimal[] = [];
  const terms: Term[] = [];
  streams.forEach((stream, index) => {
    const material = stream['material'] as string;
    const amount = stream['amount'] as Quantity;
    const carbon = stream['carbon'] as Quantity;
    // Both were converted by the parameter parser: amount to t, carbon to %.
    const carbonMass = amount.amount.times(carbon.amount).div(HUNDRED);
    carbonMasses.push(carbonMass);
    const name = `${side}[${index}] ${material}`;
    terms.push(
      quantityTerm(`${name}: amount`, amount),
      quantityTerm(`${name}: carbon`, carbon),
      derivedTerm(`${name}: carbon mass`, carbonMass, 't C'),
    );
  });
  return { streams, carbonMasses, terms };
}
