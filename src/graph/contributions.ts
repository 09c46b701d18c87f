import { SingularSystemError } from '../core/errors.js';
import { type Decimal, sum } from '../decimal/decimal.js';
import { timesRounded } from '../decimal/kernel.js';
import { loopDemand } from './loopDemand.js';
import { stronglyConnectedComponents } from './scc.js';
import { directOf, type Solution } from './solve.js';
import type { System } from './system.js';
import { totalCO2e } from './vector.js';

/** Key under which `processContributions` reports what rounding leaves between the parts and the total. */
export const ROUNDING_RESIDUAL = '(rounding residual)';

/**
 * Per-process contributions (t CO2e) to `amount` units of one product, from one demand solve:
 * how much of every product the chain needs per unit of this one (the transposed system, solved
 * consumers first, loops by `loopDemand`), times each process's direct burden per unit.
 * Linear in the size of the chain, so it suits large models where tracking every process in every
 * product's footprint would cost processes × products. The parts are computed along another path
 * than the total, so they can differ from it in the last digits; that difference is reported as
 * `(rounding residual)` and the parts plus it add up to `total` exactly.
 *
 * @example
 * processContributions(system, solution, index, ONE, total) // { electrolysis: …, 'alumina-refinery': … }
 */
export function processContributions(
  system: System,
  solution: Solution,
  index: number,
  amount: Decimal,
  total: Decimal,
): Record<string, Decimal> {
  const demand = demandOf(system, solution, index, amount);
  const parts = new Map<string, Decimal[]>();
  for (const [q, s] of demand) {
    const process = system.processes[system.products[q]!.process]!;
    // Made and let go: an equation's cached `direct` would keep every product's direct burdens of
    // a large chain alive after the call.
    const value = timesRounded(totalCO2e(directOf(process.items, solution.equations[q]!.perUnit)), s);
    if (value.isZero()) continue;
    const list = parts.get(process.id);
    if (list === undefined) parts.set(process.id, [value]);
    else list.push(value);
  }
  const out: Record<string, Decimal> = Object.create(null) as Record<string, Decimal>;
  for (const key of [...parts.keys()].sort()) out[key] = sum(parts.get(key)!);
  const residual = total.minus(sum(Object.values(out)));
  if (!residual.isZero()) out[ROUNDING_RESIDUAL] = residual;
  return out;
}

/** Units of each product needed for `amount` units of product `index` (gross, loops included). */
function demandOf(system: System, solution: Solution, index: number, amount: Decimal): Map<number, Decimal> {
  const eqs = solution.equations;
  // Only the chain of the product matters: the products it reaches through links.
  const reach = new Set<number>([index]);
  const stack = [index];
  while (stack.length > 0) {
    const p = stack.pop()!;
    for (const l of eqs[p]!.links) {
      if (!reach.has(l.provider)) {
        reach.add(l.provider);
        stack.push(l.provider);
      }
    }
  }
  const members = [...reach].sort((a, b) => a - b);
  const local = new Map(members.map((p, i) => [p, i]));
  const edges = members.map((p) => eqs[p]!.links.map((l) => local.get(l.provider)!));
  // Tarjan lists suppliers before consumers; demand flows from consumers to suppliers.
  const order = stronglyConnectedComponents(edges).reverse();
  const incoming = new Map<number, Decimal[]>([[index, [amount]]]);
  const demand = new Map<number, Decimal>();
  const push = (q: number, value: Decimal) => {
    const list = incoming.get(q);
    if (list === undefined) incoming.set(q, [value]);
    else list.push(value);
  };
  for (const component of order) {
    const products = component.map((i) => members[i]!);
    const inside = new Set(products);
    const looped = products.length > 1 || eqs[products[0]!]!.links.some((l) => l.provider === products[0]);
    const solved = looped ? solveLoopDemand(system, solution, products, incoming) : [sum(incoming.get(products[0]!) ?? [])];
    products.forEach((p, i) => {
      const s = solved[i]!;
      demand.set(p, s);
      for (const l of eqs[p]!.links) if (!inside.has(l.provider)) push(l.provider, timesRounded(s, l.coefficient));
    });
  }
  return demand;
}

/** s = e + Cᵀ s inside one loop (see loopDemand). */
function solveLoopDemand(system: System, solution: Solution, products: readonly number[], incoming: ReadonlyMap<number, Decimal[]>): Decimal[] {
  const solved = loopDemand(products, (p) => solution.equations[p]!.links, products.map((q) => sum(incoming.get(q) ?? [])));
  if (solved !== undefined) return solved;
  const names = [...new Set(products.map((p) => system.processes[system.products[p]!.process]!.id))];
  throw new SingularSystemError(names, `the loop through ${names.join(', ')} has no unique solution (singular system)`);
}
