import { InternalError, UnknownProductError } from '../../core/errors.js';
import { type Decimal, ZERO, sum } from '../../decimal/decimal.js';
import { solutionOf, systemOf } from '../../compute/computeFootprints.js';
import { decodeKey } from '../../graph/keys.js';
import { findProductIndex, type FootprintResult, type ProductFootprint } from '../../graph/results.js';
import { loopDemand } from '../../graph/loopDemand.js';
import { stronglyConnectedComponents } from '../../graph/scc.js';
import { solveSystem, type Solution } from '../../graph/solve.js';
import type { DirectItem, System } from '../../graph/system.js';
import { scaleVector, totalCO2e, type BurdenVector } from '../../graph/vector.js';
import { amountIn } from '../../quantity/index.js';

/** One direct item of a process as it enters one declared unit of the product. */
export interface ItemContribution {
  readonly process: number;
  readonly item: DirectItem;
  /** t CO2e per declared unit. */
  readonly value: Decimal;
}

/** Direct emissions of one category at one process, per declared unit. */
export interface DirectFlow {
  readonly process: number;
  readonly category: string;
  readonly value: Decimal;
}

/** CO2e carried by an exchange from a supplying product into a consuming process. */
export interface ExchangeFlow {
  readonly consumer: number;
  readonly provider: number;
  readonly kind: 'input' | 'waste-treatment' | 'substitution';
  readonly value: Decimal;
}

/**
 * The supply chain behind one product of a result, per declared unit: which processes take part
 * and how much of each one's burden the product carries, and the flows between them.
 */
export interface SupplyChain {
  readonly system: System;
  readonly footprint: ProductFootprint;
  readonly productIndex: number;
  /** The product's burden cells per declared unit, as the engine computed them (same keys, same digits). */
  readonly vector: BurdenVector;
  /** Units of each product drawn per declared unit, following supply and waste-treatment links. */
  readonly demand: ReadonlyMap<number, Decimal>;
  /** Fraction of each process's whole burden that one declared unit carries (Σ demand × share / amount). */
  readonly activity: ReadonlyMap<number, Decimal>;
  readonly items: readonly ItemContribution[];
  readonly directFlows: readonly DirectFlow[];
  readonly exchangeFlows: readonly ExchangeFlow[];
}

/**
 * Follows a product's supply chain in the compiled system of a result. The per-unit equations are
 * the solver's own (footprint = direct + Σ coefficient × supplier footprint, graph/solve.ts); the
 * demand for each supplier is the transpose problem, solved in dependency order with exact
 * elimination inside loops. Avoided production (substitution) is a credit and is not followed.
 *
 * @example
 * const chain = supplyChain(computeFootprints(demoModelDocument()), 'aluminium-ingot');
 * chain.vector; // the ingot's burden cells per declared unit; their CO2e adds up to its total
 */
export function supplyChain(result: FootprintResult, flow: string): SupplyChain {
  const system = systemOf(result);
  if (system === undefined) {
    throw new InternalError('this result carries no compiled system (was it made by computeFootprints?); the report needs it');
  }
  // An unknown flow is the caller's mistake (UnknownProductError, with the products there are).
  const productIndex = findProductIndex(system, flow);
  const footprint = result.products.find((p) => p.flow === flow);
  if (footprint === undefined) throw new UnknownProductError(`"${flow}" is a product of the model but not of this result`);
  const product = system.products[productIndex]!;

  // The result's own solution; solving again (solveSystem is pure) gives the same vectors.
  const solution = solutionOf(result) ?? solveSystem(system);
  const declaredAmount = amountIn(footprint.declaredUnit, product.unit);
  const vector = scaleVector(solution.footprints[productIndex]!, declaredAmount);
  if (!totalCO2e(vector).eq(footprint.total)) {
    throw new InternalError(`the compiled system does not reproduce the total of "${flow}"`);
  }

  const demand = demandOf(solution, productIndex, declaredAmount);
  const unitTotals = solution.footprints.map((v) => totalCO2e(v));
  const activityParts = new Map<number, Decimal[]>();
  const items: ItemContribution[] = [];
  const direct = new Map<string, { process: number; category: string; parts: Decimal[] }>();
  const exchanges = new Map<string, { consumer: number; provider: number; kind: ExchangeFlow['kind']; parts: Decimal[] }>();

  for (const [q, amount] of [...demand].sort(([a], [b]) => a - b)) {
    const eq = solution.equations[q]!;
    const pi = system.products[q]!.process;
    const process = system.processes[pi]!;
    push(activityParts, pi, amount.times(eq.perUnit));
    eq.directItems.forEach((cells, i) => {
      items.push({ process: pi, item: process.items[i]!, value: amount.times(totalCO2e(cells)) });
      for (const [encoded, cell] of cells) {
        const key = decodeKey(encoded);
        if (key.kind !== 'gas') continue;
        const id = `${pi}\u0000${key.category}`;
        const entry = direct.get(id) ?? { process: pi, category: key.category, parts: [] };
        entry.parts.push(amount.times(cell.co2e));
        direct.set(id, entry);
      }
    });
    for (const link of eq.links) {
      const id = `${pi}\u0000${link.provider}\u0000${link.link.kind}`;
      const entry = exchanges.get(id) ?? { consumer: pi, provider: link.provider, kind: link.link.kind, parts: [] };
      entry.parts.push(amount.times(link.coefficient).times(unitTotals[link.provider]!));
      exchanges.set(id, entry);
    }
  }

  const activity = new Map([...activityParts].map(([pi, parts]) => [pi, sum(parts)] as const));
  return Object.freeze({
    system,
    footprint,
    productIndex,
    vector,
    demand,
    activity,
    items: mergeItems(items),
    directFlows: [...direct.values()].map(({ process, category, parts }) => ({ process, category, value: sum(parts) })),
    exchangeFlows: [...exchanges.values()].map(({ consumer, provider, kind, parts }) => ({ consumer, provider, kind, value: sum(parts) })),
  });
}

/** A process making several products appears once per product; add its items up. */
function mergeItems(items: readonly ItemContribution[]): ItemContribution[] {
  const merged = new Map<DirectItem, { process: number; parts: Decimal[] }>();
  for (const { process, item, value } of items) {
    const entry = merged.get(item) ?? { process, parts: [] };
    entry.parts.push(value);
    merged.set(item, entry);
  }
  return [...merged].map(([item, { process, parts }]) => ({ process, item, value: sum(parts) }));
}

/**
 * Units of every product needed for `amount` units of product `root`: x = amount·e_root + Cᵀx over
 * supply and waste-treatment links. Components of the link graph are visited consumers first; a
 * loop's members are solved together by exact Gaussian elimination.
 */
function demandOf(solution: Solution, root: number, amount: Decimal): Map<number, Decimal> {
  const supplies = solution.equations.map((eq) => eq.links.filter((l) => l.link.kind !== 'substitution'));
  const components = stronglyConnectedComponents(supplies.map((links) => links.map((l) => l.provider)));
  const incoming = new Map<number, Decimal[]>([[root, [amount]]]);
  const demand = new Map<number, Decimal>();
  // Tarjan lists suppliers before their consumers; demand flows the other way.
  for (const component of [...components].reverse()) {
    if (!component.some((p) => incoming.has(p))) continue;
    const solved = component.length === 1 && !supplies[component[0]!]!.some((l) => l.provider === component[0])
      ? new Map([[component[0]!, sum(incoming.get(component[0]!)!)]])
      : solveLoopDemand(supplies, component, incoming);
    for (const [p, x] of solved) {
      if (x.isZero()) continue;
      demand.set(p, x);
      for (const l of supplies[p]!) {
        if (solved.has(l.provider)) continue; // inside the loop: already in the solution
        push(incoming, l.provider, x.times(l.coefficient));
      }
    }
  }
  return demand;
}

/** (I − Mᵀ) x = b for the members of one loop, M[p][q] the coefficient of q in p's equation (see loopDemand). */
function solveLoopDemand(
  supplies: readonly (readonly { provider: number; coefficient: Decimal }[])[],
  members: readonly number[],
  incoming: ReadonlyMap<number, readonly Decimal[]>,
): Map<number, Decimal> {
  const solved = loopDemand(members, (p) => supplies[p]!, members.map((p) => sum(incoming.get(p) ?? [ZERO])));
  // The solver already proved the loop productive; no unique solution here would be a bug.
  if (solved === undefined) throw new InternalError('loop demand has no unique solution');
  return new Map(members.map((p, i) => [p, solved[i]!]));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
