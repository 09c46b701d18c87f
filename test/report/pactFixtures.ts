import { doc } from '../helpers.js';

export const META = Object.freeze({ companyName: 'Demo Aluminium Co.', companyIds: Object.freeze(['urn:example:company:1']) });

/** Everything PACT v2.3 needs beyond META for a 2025 reference period (formats.md §1.4). */
export const META_V2 = Object.freeze({
  ...META,
  productCategoryCpc: '41431',
  dqi: Object.freeze({
    coveragePercent: '95',
    technologicalDQR: '1.5',
    temporalDQR: '1.2',
    geographicalDQR: '2',
    completenessDQR: '1.8',
    reliabilityDQR: '1.6',
  }),
});

/**
 * A model whose smelter declares every gas smeltprint tracks, plus a factor-priced input, so the
 * fossil / biogenic split, the PFC detail and the sum rules are all exercised. Amounts per 1000 t
 * of product make the per-kg arithmetic easy to follow.
 */
export function multiGasDocument(region = 'NO'): Record<string, unknown> {
  return doc(
    [
      {
        id: 'smelter',
        outputs: [{ flow: 'metal', amount: '1000', unit: 't' }],
        inputs: [{ flow: 'power', amount: '2000', unit: 'MWh', factor: 'test/power' }],
        emissions: [
          { gas: 'CO2', amount: '1500', unit: 't', category: 'anode' },
          { gas: 'CH4', amount: '2', unit: 't', category: 'fuel-combustion' },
          { gas: 'N2O', amount: '0.1', unit: 't', category: 'fuel-combustion' },
          { gas: 'CF4', amount: '0.05', unit: 't', category: 'pfc' },
          { gas: 'C2F6', amount: '0.005', unit: 't', category: 'pfc' },
          { gas: 'SF6', amount: '0.001', unit: 't', category: 'other' },
          { gas: 'CO2-biogenic', amount: '40', unit: 't', category: 'fuel-combustion' },
          { gas: 'CH4-non-fossil', amount: '0.5', unit: 't', category: 'fuel-combustion' },
        ],
      },
    ],
    {
      id: 'multi-gas',
      region,
      factors: [
        {
          id: 'test/power',
          value: '0.02',
          unit: 't CO2/MWh',
          category: 'electricity',
          source: { title: 'Test hydropower factor', publisher: 'Test Grid Operator', edition: '2024.1' },
        },
      ],
    },
  );
}
