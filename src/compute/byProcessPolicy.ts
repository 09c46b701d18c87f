import { stronglyConnectedComponents } from '../graph/scc.js';
import type { Model } from '../model/types.js';

/**
 * Per-process contributions keep a cell per (gas, scope, category, process) in every product's
 * vector: cost grows with processes × products, and inside a loop with the cube of its size
 * (measured: 500 processes 5.9 s with them against 0.4 s without; a 400-process loop 11 s).
 * `auto` keeps them where they are cheap — the plants people model by hand — and leaves them to
 * `--product` (one demand solve per product, see graph/contributions.ts) elsewhere.
 */
export const AUTO_BY_PROCESS_MAX_PROCESSES = 300;
export const AUTO_BY_PROCESS_MAX_LOOP = 60;

/** Whether `byProcess: 'auto'` tracks per-process contributions for this model. */
export function autoByProcess(model: Model): boolean {
  if (model.processes.length > AUTO_BY_PROCESS_MAX_PROCESSES) return false;
  return largestLoop(model) <= AUTO_BY_PROCESS_MAX_LOOP;
}

/** Size of the largest group of processes that supply each other in a loop. */
export function largestLoop(model: Model): number {
  const index = new Map(model.processes.map((p, i) => [p.id, i]));
  const edges = model.processes.map((process) => {
    const out: number[] = [];
    const add = (id: string | undefined) => {
      const j = id === undefined ? undefined : index.get(id);
      if (j !== undefined) out.push(j);
    };
    for (const input of process.inputs) add(input.from);
    for (const output of process.outputs) {
      add(output.to);
      if (output.substitutes !== undefined && 'from' in output.substitutes) add(output.substitutes.from);
    }
    return out;
  });
  let largest = 0;
  for (const component of stronglyConnectedComponents(edges)) {
    const size = component.length === 1 && !(edges[component[0]!] ?? []).includes(component[0]!) ? 0 : component.length;
    largest = Math.max(largest, size);
  }
  return largest;
}
