import { defineMethod } from '../defineMethod.js';
import { fuelCombustionResult } from '../generic/fuel-combustion.js';
import { quantity } from '../../quantity/index.js';
import type { Quantity } from '../../quantity/types.js';
import { AS_RECORDED, enumParameter, factorTerm, parameterTerm } from '../terms.js';
import type { MethodDefinition } from '../types.js';

const CITATION = 'NDRC 2013 China electrolytic aluminium GHG guideline (trial), 化石燃料燃烧排放, fuel default table; GB/T 32151.4-2015';

/**
 * The 22 fuels of the NDRC 2013 default table by English id (无烟煤 anthracite … 炼厂干气 refinery-gas).
 * Gases marked per 10^4 Nm3 in the table are measured in `10^4 Nm3`; the others in t.
 */
export const CN_NDRC_2013_FUELS = Object.freeze([
  'anthracite',
  'bituminous-coal',
  'lignite',
  'washed-coal',
  'other-washed-coal',
  'other-coal-products',
  'coke',
  'crude-oil',
  'fuel-oil',
  'gasoline',
  'diesel',
  'kerosene',
  'liquefied-natural-gas',
  'liquefied-petroleum-gas',
  'tar',
  'crude-benzol',
  'coke-oven-gas',
  'blast-furnace-gas',
  'converter-gas',
  'other-gas',
  'natural-gas',
  'refinery-gas',
] as const);

/**
 * `cn-ndrc-2013/fuel-combustion`: E = FC × NCV × CC × OF × 44/12 / 1000 with the guideline's
 * default NCV, CC and OF for the fuel, each overridable.
 *
 * @example
 * evaluateMethod(registry, 'cn-ndrc-2013/fuel-combustion', { fuel: 'natural-gas', amount: '100 10^4 Nm3' }, context);
 * // CO2 = 100 × 389.31 × 15.30 × 0.99 × 44/12 / 1000 = 2162.19… t
 */
export const cnNdrc2013FuelCombustion: MethodDefinition = defineMethod({
  id: 'cn-ndrc-2013/fuel-combustion',
  title: 'Fossil fuel combustion CO2 (NDRC 2013)',
  citation: CITATION,
  parameters: {
    fuel: { kind: 'enum', values: CN_NDRC_2013_FUELS, required: true, description: 'fuel of the NDRC 2013 default table' },
    amount: {
      kind: 'quantity',
      unit: 't',
      alternativeUnits: ['10^4 Nm3'],
      required: true,
      description: 'fuel consumed (FC): t, or 10^4 Nm3 for the gases the table gives per 10^4 Nm3',
    },
    ncv: { kind: 'quantity', unit: 'GJ/t', alternativeUnits: ['GJ/10^4 Nm3'], description: 'net calorific value (NCV) override' },
    carbonContent: { kind: 'quantity', unit: 't C/TJ', description: 'carbon content per unit of heat (CC) override' },
    oxidation: { kind: 'quantity', unit: '%', max: '100', description: 'carbon oxidation rate (OF) override, e.g. "98 %" or "0.98 fraction"' },
  },
  evaluate(params, context) {
    const fuel = enumParameter(params, 'fuel');
    const base = `cn-ndrc-2013/fuel/${fuel}`;
    const givenNcv = params['ncv'] as Quantity | undefined;
    // The table's NCV stays in its own unit (GJ/t or GJ/10^4 Nm3), which must match the amount's.
    const ncvTerm = givenNcv === undefined ? factorTerm(context, 'ncv', `${base}/ncv`, AS_RECORDED, 'default') : undefined;
    const ncv = givenNcv ?? quantity(ncvTerm?.value ?? '0', ncvTerm?.unit ?? 'GJ/t');
    const carbonContent = parameterTerm(params, 'carbonContent', 't C/TJ') ?? factorTerm(context, 'carbonContent', `${base}/carbon-content`, 't C/TJ', 'default');
    const oxidation = parameterTerm(params, 'oxidation', '%') ?? factorTerm(context, 'oxidation', `${base}/oxidation`, '%', 'default');
    return fuelCombustionResult(
      {
        amount: params['amount'] as Quantity,
        ncv,
        ...(ncvTerm === undefined ? {} : { ncvTerm }),
        carbonContent,
        oxidation,
        path: context.path,
        extraTerms: [],
      },
      'E = FC × NCV × CC × OF × 44/12 / 1000',
      CITATION,
    );
  },
});
