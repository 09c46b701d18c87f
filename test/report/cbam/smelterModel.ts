import { doc } from '../../helpers.js';

/**
 * A small integrated smelter with declared emissions only (no methods layer needed):
 * alumina refinery (outside the installation) → anode plant → electrolysis → casthouse (ingot,
 * CN 7601) → rolling mill (sheet, CN 7606) that also buys ingot and uses scrap.
 * Round numbers so every SEE can be worked out by hand in the tests.
 */
export function smelterDocument(): Record<string, unknown> {
  return doc(
    [
      {
        id: 'alumina-refinery',
        outputs: [{ flow: 'alumina', amount: '1930', unit: 't' }],
        emissions: [{ gas: 'CO2', amount: '1350', unit: 't', category: 'fuel-combustion' }],
      },
      {
        id: 'anode-plant',
        outputs: [{ flow: 'anode', amount: '420', unit: 't' }],
        emissions: [{ gas: 'CO2', amount: '95', unit: 't', category: 'process' }],
      },
      {
        id: 'electrolysis',
        outputs: [{ flow: 'aluminium-liquid', amount: '1000', unit: 't' }],
        inputs: [
          { flow: 'alumina', amount: '1930', unit: 't', from: 'alumina-refinery' },
          { flow: 'anode', amount: '420', unit: 't', from: 'anode-plant' },
          { flow: 'electricity', amount: '13500', unit: 'MWh', factor: 'test/grid' },
        ],
        emissions: [
          { gas: 'CO2', amount: '1500', unit: 't', category: 'anode' },
          { gas: 'CF4', amount: '0.1', unit: 't', category: 'pfc' },
          { gas: 'C2F6', amount: '0.01', unit: 't', category: 'pfc' },
          { gas: 'CH4', amount: '0.5', unit: 't', category: 'fuel-combustion' },
        ],
      },
      {
        id: 'casthouse',
        outputs: [{ flow: 'aluminium-ingot', amount: '1000', unit: 't' }],
        inputs: [
          { flow: 'aluminium-liquid', amount: '1000', unit: 't', from: 'electrolysis' },
          { flow: 'electricity', amount: '100', unit: 'MWh', factor: 'test/grid' },
        ],
        emissions: [{ gas: 'CO2', amount: '50', unit: 't', category: 'fuel-combustion' }],
      },
      {
        id: 'rolling-mill',
        outputs: [
          { flow: 'aluminium-sheet', amount: '500', unit: 't' },
          { flow: 'dross', amount: '10', unit: 't', waste: true },
        ],
        inputs: [
          { flow: 'aluminium-ingot', amount: '350', unit: 't', from: 'casthouse' },
          { flow: 'purchased-ingot', amount: '100', unit: 't', factor: 'test/purchased-ingot' },
          { flow: 'process-scrap', amount: '40', unit: 't', recycled: 'pre-consumer' },
          { flow: 'old-scrap', amount: '20', unit: 't', recycled: 'post-consumer' },
          { flow: 'electricity', amount: '250', unit: 'MWh', factor: 'test/grid' },
        ],
        emissions: [{ gas: 'CO2', amount: '25', unit: 't', category: 'fuel-combustion' }],
      },
    ],
    {
      name: 'Test smelter',
      factors: [
        { id: 'test/grid', value: '0.5', unit: 't CO2/MWh', category: 'electricity', source: { title: 'Test grid factor' } },
        { id: 'test/purchased-ingot', value: '12', unit: 't CO2e/t', gwp: 'AR5', source: { title: 'Test cradle-to-gate ingot factor' } },
      ],
    },
  );
}

export const INSTALLATION = ['anode-plant', 'electrolysis', 'casthouse', 'rolling-mill'] as const;
