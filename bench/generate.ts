/**
 * Synthetic but realistic model documents for the benchmarks: smelter-like supply chains in
 * stages (mining → concentrating → roasting/refining → smelting → converting → refining → casting),
 * each process with about five inputs (two or three from earlier processes, electricity and a fuel
 * priced by factors, sometimes scrap), declared emissions of several gases, co-products under
 * mass allocation (every tenth process, e.g. sulfuric acid from a copper smelter) and wastes.
 * With `loops`, processes are grouped into strongly connected components (returns of dross,
 * reverts and anode butts) whose coefficients keep every loop productive.
 */
import { seededRandom, type RandomSource } from '../src/uncertainty/random.js';

export interface GeneratorOptions {
  readonly processes: number;
  readonly seed?: number;
  /** Size of the strongly connected components (1 = no loops). */
  readonly loopSize?: number;
  /** Mark model factors with an uncertainty (for the Monte Carlo benchmark). */
  readonly uncertainty?: boolean;
  readonly period?: { readonly start: string; readonly end: string };
}

const STAGES = ['mine', 'concentrator', 'roaster', 'smelter', 'converter', 'refinery', 'casthouse'] as const;
const GASES = [
  { gas: 'CH4', category: 'fuel-combustion', scale: 0.0001 },
  { gas: 'N2O', category: 'fuel-combustion', scale: 0.00002 },
  { gas: 'CF4', category: 'pfc', scale: 0.00004 },
  { gas: 'C2F6', category: 'pfc', scale: 0.000004 },
] as const;

/** Decimal text with `places` decimals from a float in the generator only (never in the library). */
function text(value: number, places = 3): string {
  return value.toFixed(places);
}

function between(random: RandomSource, min: number, max: number): number {
  return min + (max - min) * random.next();
}

/**
 * A model document with `processes` processes.
 *
 * @example
 * const document = smelterChainDocument({ processes: 1000, loopSize: 10 });
 */
export function smelterChainDocument(options: GeneratorOptions): Record<string, unknown> {
  const random = seededRandom(options.seed ?? 1);
  const n = options.processes;
  const loopSize = Math.max(1, options.loopSize ?? 1);
  const outputs: number[] = [];
  const processes: Record<string, unknown>[] = [];
  const blockOf = (i: number) => Math.floor(i / loopSize);
  for (let i = 0; i < n; i++) {
    const stage = STAGES[i % STAGES.length]!;
    const output = Math.round(between(random, 1000, 100000));
    outputs.push(output);
    const outs: Record<string, unknown>[] = [{ flow: `f${i}`, amount: String(output), unit: 't' }];
    let allocation: Record<string, unknown> | undefined;
    if (i % 10 === 9) {
      outs.push({ flow: `f${i}-acid`, amount: String(Math.round(output * between(random, 0.5, 2))), unit: 't' });
      allocation = { method: 'mass' };
    }
    if (i % 25 === 24) outs.push({ flow: `f${i}-slag`, amount: String(Math.round(output * 0.3)), unit: 't', waste: true });

    const inputs: Record<string, unknown>[] = [];
    const inLoop = loopSize > 1;
    const used = new Set<number>();
    const links = i === 0 ? 0 : 2 + Math.floor(random.next() * 2);
    for (let k = 0; k < links; k++) {
      // Mostly recent suppliers (a chain), sometimes any earlier process (shared utilities).
      const target = random.next() < 0.8 ? i - 1 - Math.floor(random.next() * Math.min(i, 20)) : Math.floor(random.next() * i);
      if (target < 0 || used.has(target)) continue;
      used.add(target);
      // Link coefficients add up to about 0.75 t per t (a chain's footprints stay of one order of
      // magnitude instead of compounding); inside a loop block they stay small so every loop is
      // productive (row sums < 1).
      const sameBlock = inLoop && blockOf(target) === blockOf(i);
      const perUnit = sameBlock ? between(random, 0.01, 0.2) : between(random, 0.1, 0.4);
      inputs.push({ flow: `f${target}`, amount: text(perUnit * output), unit: 't', from: `p${target}` });
    }
    if (inLoop && i % loopSize === loopSize - 1 && loopSize > 1) {
      // Return flow to the first process of the block closes the loop (e.g. anode butts, reverts).
      const first = i - loopSize + 1;
      processes[first]!['inputs'] = [
        ...(processes[first]!['inputs'] as Record<string, unknown>[]),
        { flow: `f${i}`, amount: text(between(random, 0.01, 0.1) * outputs[first]!), unit: 't', from: `p${i}` },
      ];
    }
    inputs.push({ flow: 'electricity', amount: text(output * between(random, 0.05, 14)), unit: 'MWh', factor: 'bench/grid' });
    inputs.push({ flow: 'coal', amount: text(output * between(random, 0.01, 0.3)), unit: 't', factor: 'bench/coal', category: 'fuel-combustion' });
    if (i % 7 === 3) inputs.push({ flow: 'scrap', amount: text(output * 0.1), unit: 't', recycled: 'post-consumer' });
    if (i % 5 === 2) inputs.push({ flow: 'reagent', amount: text(output * 0.02), unit: 't', factor: 'bench/reagent' });

    const emissions: Record<string, unknown>[] = [
      { gas: 'CO2', amount: text(output * between(random, 0.05, 2)), unit: 't', category: 'process' },
    ];
    const extra = GASES[i % GASES.length]!;
    emissions.push({ gas: extra.gas, amount: text(output * extra.scale * between(random, 0.5, 1.5), 4), unit: 't', category: extra.category });
    processes.push({
      id: `p${i}`,
      name: `${stage} ${i}`,
      outputs: outs,
      inputs,
      emissions,
      ...(allocation === undefined ? {} : { allocation }),
    });
  }
  const uncertain = (u: Record<string, unknown>) => (options.uncertainty === true ? { uncertainty: u } : {});
  return {
    smeltprint: 1,
    id: `bench-${n}${loopSize > 1 ? `-loops${loopSize}` : ''}`,
    name: `Synthetic smelter chain, ${n} processes`,
    period: options.period ?? { start: '2025-01-01', end: '2025-12-31' },
    region: 'CN-NM',
    gwp: 'AR5',
    factors: [
      { id: 'bench/grid', value: '0.5366', unit: 't CO2/MWh', category: 'electricity', source: { title: 'Benchmark grid factor' }, ...uncertain({ distribution: 'range', percent: '10' }) },
      { id: 'bench/coal', value: '1.9', unit: 't CO2/t', category: 'fuel-combustion', source: { title: 'Benchmark coal factor' }, ...uncertain({ distribution: 'normal', sd: '0.1' }) },
      { id: 'bench/reagent', value: '1.2', unit: 't CO2/t', category: 'materials', source: { title: 'Benchmark reagent factor' }, ...uncertain({ distribution: 'triangular', min: '0.9', mode: '1.2', max: '1.8' }) },
    ],
    processes,
  };
}

/**
 * One plant-month: a small smelter model (refinery, anode plant, potline, casthouse, power
 * plant) with the month's production, as an ERP would write it for monthly reporting.
 *
 * @example
 * const months = Array.from({ length: 12 }, (_, m) => plantMonthDocument(7, m));
 */
export function plantMonthDocument(plant: number, month: number): Record<string, unknown> {
  const random = seededRandom(plant * 100 + month);
  const start = `2025-${String(month + 1).padStart(2, '0')}-01`;
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!;
  const end = `2025-${String(month + 1).padStart(2, '0')}-${days}`;
  const aluminium = Math.round(between(random, 20000, 40000));
  const v = (perTonne: number, spread = 0.05) => text(aluminium * perTonne * between(random, 1 - spread, 1 + spread));
  return {
    smeltprint: 1,
    id: `plant-${plant}-2025-${month + 1}`,
    period: { start, end },
    region: 'CN-NM',
    gwp: 'AR5',
    factors: [{ id: 'plant/grid', value: '0.6361', unit: 't CO2/MWh', category: 'electricity', source: { title: 'North China grid 2023 (illustrative)' } }],
    processes: [
      {
        id: 'power-plant',
        outputs: [{ flow: 'electricity-captive', amount: v(9), unit: 'MWh' }],
        emissions: [{ gas: 'CO2', amount: v(7.8), unit: 't', category: 'fuel-combustion' }],
      },
      {
        id: 'alumina-refinery',
        outputs: [{ flow: 'alumina', amount: v(1.93), unit: 't' }],
        inputs: [{ flow: 'electricity', amount: v(0.55), unit: 'MWh', factor: 'plant/grid' }],
        emissions: [{ gas: 'CO2', amount: v(1.35), unit: 't', category: 'fuel-combustion' }],
      },
      {
        id: 'anode-plant',
        outputs: [{ flow: 'anode', amount: v(0.42), unit: 't' }],
        inputs: [{ flow: 'anode-butts', amount: v(0.1), unit: 't', from: 'electrolysis' }],
        emissions: [{ gas: 'CO2', amount: v(0.095), unit: 't', category: 'process' }, { gas: 'CH4', amount: v(0.00002), unit: 't', category: 'fuel-combustion' }],
      },
      {
        id: 'electrolysis',
        outputs: [
          { flow: 'aluminium-liquid', amount: String(aluminium), unit: 't' },
          { flow: 'anode-butts', amount: v(0.1), unit: 't' },
        ],
        allocation: { method: 'mass' },
        inputs: [
          { flow: 'alumina', amount: v(1.93), unit: 't', from: 'alumina-refinery' },
          { flow: 'anode', amount: v(0.42), unit: 't', from: 'anode-plant' },
          { flow: 'electricity-captive', amount: v(9), unit: 'MWh', from: 'power-plant' },
          { flow: 'electricity', amount: v(4.5), unit: 'MWh', factor: 'plant/grid' },
        ],
        emissions: [
          { gas: 'CO2', amount: v(1.5), unit: 't', category: 'anode' },
          { gas: 'CF4', amount: v(0.000034, 0.3), unit: 't', category: 'pfc' },
          { gas: 'C2F6', amount: v(0.0000034, 0.3), unit: 't', category: 'pfc' },
        ],
      },
      {
        id: 'casthouse',
        outputs: [
          { flow: 'aluminium-ingot', amount: v(0.99), unit: 't' },
          { flow: 'dross', amount: v(0.01), unit: 't', waste: true },
        ],
        inputs: [
          { flow: 'aluminium-liquid', amount: String(aluminium), unit: 't', from: 'electrolysis' },
          { flow: 'scrap', amount: v(0.05), unit: 't', recycled: 'pre-consumer' },
        ],
        emissions: [{ gas: 'CO2', amount: v(0.048), unit: 't', category: 'fuel-combustion' }],
      },
    ],
  };
}
