import { MethodParameterError, UnitMismatchError } from '../../core/errors.js';
import { amountIn, multiply } from '../../quantity/index.js';
import type { Quantity } from '../../quantity/types.js';
import { derivedTerm, methodResult, parameterTerm, quantityTerm } from '../terms.js';
import type { Term } from '../terms.js';
import type { MethodDefinition, MethodResult } from '../types.js';
import { defineMethod } from '../defineMethod.js';

const FORMULA = 'E_CO2 = FC × NCV × CC × OF × 44/12';
const CITATION =
  'Fuel combustion carbon balance, E = AD × EF with AD = FC × NCV and EF = CC × OF × 44/12 (NDRC 2013 electrolytic-aluminium guideline §1; standards.md §2.1)';

/**
 * `generic/fuel-combustion`: CO2 from burning a fuel whose amount, net calorific value, carbon
 * content and oxidation factor are all stated by the user.
 *
 * @example
 * evaluateMethod(registry, 'generic/fuel-combustion',
 *   { amount: '1000 t', ncv: '26.7 GJ/t', carbonContent: '27.4 t C/TJ', oxidation: '98 %' }, context);
 * // CO2 = 1000 × 26.7 × 27.4/1000 × 0.98 × 44/12 = 2628.8248 t
 */
export const genericFuelCombustion: MethodDefinition = defineMethod({
  id: 'generic/fuel-combustion',
  title: 'Fuel combustion CO2 from stated fuel properties',
  citation: CITATION,
  parameters: {
    amount: {
      kind: 'quantity',
      unit: 't',
      alternativeUnits: ['10^4 Nm3'],
      required: true,
      description: 'fuel burned (FC), as a mass or a normal volume',
    },
    ncv: {
      kind: 'quantity',
      unit: 'GJ/t',
      alternativeUnits: ['GJ/10^4 Nm3'],
      required: true,
      description: 'net calorific value (NCV) per unit of the amount',
    },
    carbonContent: { kind: 'quantity', unit: 't C/TJ', required: true, description: 'carbon content per energy (CC)' },
    oxidation: { kind: 'quantity', unit: '%', required: true, max: '100', description: 'carbon oxidation factor (OF)' },
  },
  evaluate(params, context): MethodResult {
    const amount = params['amount'] as Quantity;
    const ncv = params['ncv'] as Quantity;
    return fuelCombustionResult(
      {
        amount,
        ncv,
        carbonContent: parameterTerm(params, 'carbonContent', 't C/TJ') as Term,
        oxidation: parameterTerm(params, 'oxidation', '%') as Term,
        path: context.path,
        extraTerms: [],
      },
      FORMULA,
      CITATION,
    );
  },
});

/** Shared by the generic and the NDRC fuel methods: the energy, carbon and CO2 of one fuel. */
export function fuelCombustionResult(
  inputs: {
    readonly amount: Quantity;
    readonly ncv: Quantity;
    readonly ncvTerm?: Term;
    readonly carbonContent: Term;
    readonly oxidation: Term;
    readonly path: readonly (string | number)[];
    readonly extraTerms: readonly Term[];
  },
  formula: string,
  citation: string,
  notes?: readonly string[],
): MethodResult {
  let energyGJ;
  try {
    energyGJ = amountIn(multiply(inputs.amount, inputs.ncv), 'GJ');
  } catch (error) {
    if (error instanceof UnitMismatchError) {
      throw new MethodParameterError(
        `an amount in ${inputs.amount.unit.symbol} cannot be combined with a calorific value in ${inputs.ncv.unit.symbol}`,
        { path: [...inputs.path, 'amount'] },
      );
    }
    throw error;
  }
  const amountTerm = quantityTerm('amount', inputs.amount);
  const ncvTerm = inputs.ncvTerm ?? quantityTerm('ncv', inputs.ncv);
  const energy = derivedTerm('energy (FC × NCV)', energyGJ, 'GJ');
  // CC is per TJ: GJ / 1000 = TJ. OF is in % here.
  const carbon = energyGJ.times(inputs.carbonContent.value).div(1000);
  const co2 = carbon.times(inputs.oxidation.value).div(100).times(44).div(12);
  return methodResult({
    emissions: [{ gas: 'CO2', amount: co2, category: 'fuel-combustion' }],
    formula,
    citation,
    terms: [
      amountTerm,
      ncvTerm,
      inputs.carbonContent,
      inputs.oxidation,
      ...inputs.extraTerms,
      energy,
      derivedTerm('carbon (FC × NCV × CC)', carbon, 't C'),
    ],
    path: inputs.path,
    ...(notes === undefined ? {} : { notes }),
  });
}
