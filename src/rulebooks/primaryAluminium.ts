import { productsByOutput, type FootprintResult } from '../graph/results.js';
import type { Input, Model, Process } from '../model/types.js';

/** A process recognised as primary aluminium smelting (electrolysis), and why. */
export interface PrimaryAluminiumProcess {
  readonly processId: string;
  readonly process: Process;
  /** Its reference output, e.g. aluminium-liquid. */
  readonly product: string;
  readonly evidence: readonly string[];
}

// Aluminium metal, not alumina: "aluminium"/"aluminum", or the Chinese names of liquid aluminium,
// remelting ingot and primary aluminium.
const ALUMINIUM_METAL = /alumini?um|铝液|铝锭|原铝|电解铝/i;
const ALUMINA = /alumina|氧化铝/i;
const ELECTRICITY = /electric|power|grid|电力|电能|网电|购入电/i;
const ELECTROLYSIS = /electroly|potline|pot-?room|smelt|电解/i;
// Method ids of the aluminium methods that give anode CO2 or PFCs (methods layer naming:
// publisher-edition/aluminium/name).
// Anode baking (pitch volatiles, packing coke) happens in the anode plant, not in the potline.
const SMELTING_METHOD = /\/aluminium\/(?:[\w-]*anode-co2|soderberg-paste-co2|tier1-co2|pfc[\w-]*)$/i;

/**
 * The primary aluminium (electrolysis) processes of a model, recognised from the model alone or
 * with its results: an emission entry with category `anode` or `pfc`, an aluminium method giving
 * anode CO2 or PFCs (ids like `ipcc-2006/aluminium/pfc-slope`, `cn-ndrc-2013/aluminium/anode-co2`),
 * `anode`/`pfc` categories in the product's results, or — so that a smelter without those sources
 * is still recognised — aluminium metal made from alumina (or in a process named as electrolysis)
 * with electricity.
 *
 * @example
 * primaryAluminiumProcesses(model).map((p) => p.processId); // ['electrolysis']
 */
export function primaryAluminiumProcesses(model: Model, result?: FootprintResult): readonly PrimaryAluminiumProcess[] {
  const found: PrimaryAluminiumProcess[] = [];
  const productMadeBy = result === undefined ? undefined : productsByOutput(result);
  for (const process of model.processes) {
    const reference = process.outputs[0]!;
    const evidence: string[] = [];
    for (const entry of process.emissions) {
      if (entry.kind === 'declared' && (entry.category === 'anode' || entry.category === 'pfc')) {
        evidence.push(`declared ${entry.gas} emissions of category ${entry.category}`);
      } else if (entry.kind === 'method' && SMELTING_METHOD.test(entry.method)) {
        evidence.push(`method ${entry.method}`);
      }
    }
    const footprint = productMadeBy?.(process.id, reference.flow);
    if (footprint !== undefined && evidence.length === 0) {
      const ownSmelting = process.emissions.some((e) => e.kind === 'method' && SMELTING_METHOD.test(e.method));
      for (const category of ['anode', 'pfc'] as const) {
        if (ownSmelting && footprint.byCategory[category]?.gt(0) === true) evidence.push(`an aluminium method giving ${category} emissions`);
      }
    }
    const makesMetal = ALUMINIUM_METAL.test(reference.flow) && !ALUMINA.test(reference.flow);
    const usesElectricity = process.inputs.some(isElectricity);
    if (makesMetal && usesElectricity) {
      if (process.inputs.some((i) => ALUMINA.test(i.flow) && i.recycled === undefined)) evidence.push('makes aluminium from alumina with electricity');
      else if (ELECTROLYSIS.test(`${process.id} ${process.name ?? ''}`)) evidence.push('an electrolysis process making aluminium with electricity');
    }
    if (evidence.length > 0) found.push(Object.freeze({ processId: process.id, process, product: reference.flow, evidence: Object.freeze(evidence) }));
  }
  return Object.freeze(found);
}

function isElectricity(input: Input): boolean {
  return input.category === 'electricity' || (input.category === undefined && ELECTRICITY.test(input.flow));
}
