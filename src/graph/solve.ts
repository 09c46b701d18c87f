import { SingularSystemError } from '../core/errors.js';
import { Decimal, ONE, ZERO } from '../decimal/decimal.js';
import { stronglyConnectedComponents } from './scc.js';
import type { Link, System } from './system.js';
import { scaleVector, sumVectors, type BurdenVector } from './vector.js';

/** An exchange of a product per unit of it: `coefficient` units of `provider` per unit made. */
export interface UnitLink {
  readonly link: Link;
  readonly provider: number;
  readonly coefficient: Decimal;
}

/** A product's equation: footprint = direct + Σ coefficient × footprint(provider). */
export interface ProductEquation {
  /** Each direct item of the process per unit of this product, in the order of process.items. */
  readonly directItems: readonly BurdenVector[];
  /** Exact sum of directItems. */
  readonly direct: BurdenVector;
  readonly links: readonly UnitLink[];
  /** share / amount: the factor that turns process totals into per-unit burdens. */
  readonly perUnit: Decimal;
}

export interface Solution {
  readonly equations: readonly ProductEquation[];
  /** Footprint vector of each product per unit of its reference output. */
  readonly footprints: readonly BurdenVector[];
  /** Components with loops (product indices), in solving order. */
  readonly loops: readonly (readonly number[])[];
  /** Product index → index into `loops`, for products inside a loop. */
  readonly loopOf: ReadonlyMap<number, number>;
}

/** Builds each product's per-unit equation from the process totals and its allocation share. */
export function productEquations(system: System): ProductEquation[] {
  return system.products.map((product) => {
    const process = system.processes[product.process]!;
    const perUnit = product.share.div(product.amount);
    // Items are scaled one by one so an explanation's items add up exactly to `direct`.
    const directItems = process.items.map((item) => scaleVector(item.vector, perUnit));
    const links = process.links.map((link) => ({ link, provider: link.provider, coefficient: link.amount.times(perUnit) }));
    return { directItems, direct: sumVectors(directItems), links, perUnit };
  });
}

/**
 * Solves footprint_p = direct_p + Σ_q c_pq · footprint_q for every product, exactly in Decimal:
 * components without loops one by one in dependency order, loops by Gaussian elimination.
 * Throws SingularSystemError for a loop that cannot be solved or that is not productive
 * (it would need more of its own products than it makes).
 */
export function solveSystem(system: System): Solution {
  const equations = productEquations(system);
  const edges = equations.map((eq) => eq.links.map((l) => l.provider));
  const components = stronglyConnectedComponents(edges);
  const footprints: BurdenVector[] = new Array<BurdenVector>(equations.length);
  const loops: number[][] = [];
  const loopOf = new Map<number, number>();

  for (const component of components) {
    const only = component[0]!;
    const selfLoop = component.length === 1 && edges[only]!.includes(only);
    if (component.length === 1 && !selfLoop) {
      const eq = equations[only]!;
      footprints[only] = sumVectors([eq.direct, ...eq.links.map((l) => scaleVector(footprints[l.provider]!, l.coefficient))]);
      continue;
    }
    // Order members by flow name, not by position in the document, so the elimination (and its
    // last-digit rounding) is the same however the processes are ordered.
    const flowOf = (i: number) => system.products[i]!.flow;
    const ordered = [...component].sort((a, b) => (flowOf(a) < flowOf(b) ? -1 : flowOf(a) > flowOf(b) ? 1 : 0));
    const loopIndex = loops.length;
    loops.push(ordered);
    for (const p of ordered) loopOf.set(p, loopIndex);
    const solved = solveLoop(system, equations, footprints, ordered);
    ordered.forEach((p, i) => {
      footprints[p] = solved[i]!;
    });
  }
  return { equations, footprints, loops, loopOf };
}

/**
 * (I − C) F = B for the products of one loop, where B holds the direct burdens and the burdens
 * of products outside the loop (already solved). Partial pivoting on the largest magnitude.
 */
function solveLoop(
  system: System,
  equations: readonly ProductEquation[],
  footprints: readonly BurdenVector[],
  members: readonly number[],
): BurdenVector[] {
  const m = members.length;
  const position = new Map(members.map((p, i) => [p, i]));
  const matrix: Decimal[][] = members.map(() => new Array<Decimal>(m).fill(ZERO));
  const rhs: BurdenVector[] = [];
  // A second right-hand side of ones: the gross output needed per unit of net output must be
  // positive for every member, or the loop consumes more than it makes.
  const demand: Decimal[] = members.map(() => ONE);
  members.forEach((p, i) => {
    const row = matrix[i]!;
    row[i] = ONE;
    const eq = equations[p]!;
    const external: BurdenVector[] = [eq.direct];
    for (const l of eq.links) {
      const j = position.get(l.provider);
      if (j === undefined) external.push(scaleVector(footprints[l.provider]!, l.coefficient));
      else row[j] = row[j]!.minus(l.coefficient);
    }
    rhs.push(sumVectors(external));
  });

  const names = () => [...new Set(members.map((p) => system.processes[system.products[p]!.process]!.id))];
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (matrix[r]![col]!.abs().gt(matrix[pivot]![col]!.abs())) pivot = r;
    if (matrix[pivot]![col]!.isZero()) {
      throw new SingularSystemError(names(), `the loop through ${names().join(', ')} has no unique solution (singular system)`);
    }
    if (pivot !== col) {
      swap(matrix, pivot, col);
      swap(rhs, pivot, col);
      swap(demand, pivot, col);
    }
    const pivotRow = matrix[col]!;
    const pivotValue = pivotRow[col]!;
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const row = matrix[r]!;
      const factor = row[col]!.div(pivotValue);
      if (factor.isZero()) continue;
      for (let c = col; c < m; c++) row[c] = row[c]!.minus(factor.times(pivotRow[c]!));
      rhs[r] = sumVectors([rhs[r]!, scaleVector(rhs[col]!, factor.negated())]);
      demand[r] = demand[r]!.minus(factor.times(demand[col]!));
    }
  }
  const result = members.map((_, i) => scaleVector(rhs[i]!, ONE.div(matrix[i]![i]!)));
  members.forEach((_, i) => {
    const gross = demand[i]!.div(matrix[i]![i]!);
    if (!gross.isPositive()) {
      throw new SingularSystemError(
        names(),
        `the loop through ${names().join(', ')} consumes at least as much of its own products as it makes`,
      );
    }
  });
  return result;
}

function swap<T>(list: T[], a: number, b: number): void {
  const t = list[a]!;
  list[a] = list[b]!;
  list[b] = t;
}
