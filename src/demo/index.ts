import { parseModelText } from '../io/parseModelText.js';
import { ALUMINIUM_SMELTER_YAML } from './aluminiumSmelter.js';

/**
 * The document `smeltprint demo` computes: examples/aluminium-smelter.yaml, an integrated
 * 400 kt/a prebake smelter in Inner Mongolia with captive coal power (see docs/aluminium.md).
 *
 * @example
 * computeFootprints(aluminiumSmelterDocument()).products.find((p) => p.flow === 'aluminium-ingot');
 */
export function aluminiumSmelterDocument(): unknown {
  return parseModelText(ALUMINIUM_SMELTER_YAML, 'yaml', 'examples/aluminium-smelter.yaml');
}

/** The product the demo reports on. */
export const DEMO_PRODUCT = 'aluminium-ingot';

/**
 * A small prebake aluminium chain (refinery → anode
 * plant → potline → casthouse) with declared emissions and one model factor, so it computes with
 * nothing but the engine. Figures are rounded orders of magnitude of a 100 kt/a smelter, chosen
 * for illustration: alumina 1.93 t/t Al, net anode 0.42 t/t Al, 13.5 MWh/t Al.
 *
 * @example
 * computeFootprints(demoModelDocument()).products.map((p) => p.flow);
 */
export function demoModelDocument(): Record<string, unknown> {
  return {
    smeltprint: 1,
    id: 'demo-aluminium',
    name: 'Demo prebake smelter',
    period: { start: '2025-01-01', end: '2025-12-31' },
    region: 'CN-NM',
    gwp: 'AR5',
    factors: [
      {
        id: 'demo/grid-electricity',
        value: '0.5366',
        unit: 't CO2/MWh',
        category: 'electricity',
        source: { title: 'Illustrative grid electricity factor (order of magnitude of the 2023 national average)', year: 2023 },
      },
    ],
    processes: [
      {
        id: 'alumina-refinery',
        outputs: [{ flow: 'alumina', amount: '193000', unit: 't' }],
        inputs: [{ flow: 'electricity', amount: '55000', unit: 'MWh', factor: 'demo/grid-electricity' }],
        emissions: [{ gas: 'CO2', amount: '135000', unit: 't', category: 'fuel-combustion', label: 'coal and gas for digestion and calcination' }],
      },
      {
        id: 'anode-plant',
        outputs: [{ flow: 'anode', amount: '42000', unit: 't' }],
        emissions: [{ gas: 'CO2', amount: '9500', unit: 't', category: 'process', label: 'pitch volatiles and packing coke' }],
      },
      {
        id: 'electrolysis',
        outputs: [{ flow: 'aluminium-liquid', amount: '100000', unit: 't' }],
        inputs: [
          { flow: 'alumina', amount: '193000', unit: 't', from: 'alumina-refinery' },
          { flow: 'anode', amount: '42000', unit: 't', from: 'anode-plant' },
          { flow: 'electricity', amount: '1350000', unit: 'MWh', factor: 'demo/grid-electricity' },
        ],
        emissions: [
          { gas: 'CO2', amount: '150000', unit: 't', category: 'anode', label: 'anode consumption' },
          { gas: 'CF4', amount: '3.4', unit: 't', category: 'pfc' },
          { gas: 'C2F6', amount: '0.34', unit: 't', category: 'pfc' },
        ],
      },
      {
        id: 'casthouse',
        outputs: [
          { flow: 'aluminium-ingot', amount: '99000', unit: 't' },
          { flow: 'dross', amount: '1000', unit: 't', waste: true },
        ],
        inputs: [{ flow: 'aluminium-liquid', amount: '100000', unit: 't', from: 'electrolysis' }],
        emissions: [{ gas: 'CO2', amount: '4800', unit: 't', category: 'fuel-combustion', label: 'natural gas for holding furnaces' }],
      },
    ],
  };
}
