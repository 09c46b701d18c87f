import { doc } from '../helpers.js';

/** Options for the small primary-aluminium chain used by the rulebook tests. */
export interface SmelterVariant {
  readonly pfc?: boolean;
  readonly anode?: boolean;
  /** Extra inputs of the electrolysis process (e.g. zero-factor inputs to test the cut-off). */
  readonly electrolysisInputs?: readonly Record<string, unknown>[];
  readonly extraProcesses?: readonly Record<string, unknown>[];
  readonly gwp?: string;
  readonly declaredUnits?: Record<string, string>;
}

/**
 * anode plant → electrolysis (1000 t liquid aluminium from alumina with electricity) → casthouse
 * (1000 t ingot). Declared emissions only, so it does not depend on the methods layer.
 */
export function smelter(variant: SmelterVariant = {}): Record<string, unknown> {
  const emissions: Record<string, unknown>[] = [];
  if (variant.anode !== false) emissions.push({ gas: 'CO2', amount: '1500', unit: 't', category: 'anode' });
  if (variant.pfc !== false) {
    emissions.push({ gas: 'CF4', amount: '0.1', unit: 't', category: 'pfc' }, { gas: 'C2F6', amount: '0.01', unit: 't', category: 'pfc' });
  }
  emissions.push({ gas: 'CO2', amount: '20', unit: 't', category: 'fuel-combustion' });
  return doc(
    [
      { id: 'anode-plant', outputs: [{ flow: 'anode', amount: '420', unit: 't' }], emissions: [{ gas: 'CO2', amount: '95', unit: 't', category: 'process' }] },
      {
        id: 'electrolysis',
        outputs: [{ flow: 'aluminium-liquid', amount: '1000', unit: 't' }],
        inputs: [
          { flow: 'alumina', amount: '1930', unit: 't', factor: 'test/alumina' },
          { flow: 'anode', amount: '420', unit: 't', from: 'anode-plant' },
          { flow: 'electricity', amount: '13500', unit: 'MWh', factor: 'test/grid' },
          ...(variant.electrolysisInputs ?? []),
        ],
        emissions,
      },
      {
        id: 'casthouse',
        outputs: [{ flow: 'aluminium-ingot', amount: '1000', unit: 't' }],
        inputs: [{ flow: 'aluminium-liquid', amount: '1000', unit: 't', from: 'electrolysis' }],
        emissions: [{ gas: 'CO2', amount: '50', unit: 't', category: 'fuel-combustion' }],
      },
      ...(variant.extraProcesses ?? []),
    ],
    {
      gwp: variant.gwp ?? 'AR5',
      ...(variant.declaredUnits === undefined ? {} : { declaredUnits: variant.declaredUnits }),
      factors: [
        { id: 'test/grid', value: '0.5', unit: 't CO2/MWh', category: 'electricity', source: { title: 'Test grid factor' } },
        { id: 'test/alumina', value: '0.7', unit: 't CO2/t', source: { title: 'Test alumina factor (cradle-to-gate)' } },
        { id: 'test/zero', value: '0', unit: 't CO2/t', source: { title: 'Placeholder: no data (cut off)' } },
      ],
    },
  );
}
