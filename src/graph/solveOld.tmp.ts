import { SingularSystemError } from '../core/errors.js';
import { Decimal, ONE, ZERO } from '../decimal/decimal.js';
import { stronglyConnectedComponents } from './scc.js';
import type { Link, System } from './system.js';
import { divideVector, isZeroVector, roundVector, sameVector, scaleVector, sumVectors, type BurdenVector } from './vector.js';

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
 * of products outside the loop (already solved). LU factorization with partial pivoting, then
 * iterative refinement: the residual B − (I − C) F is formed with exact sums and solved again
 * until it vanishes at working precision (at most a few rounds), so loop results are right to
 * the last of the 34 digits in all but pathological cases.
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
  const lu = factorize(matrix);
  if (lu === undefined) {
    throw new SingularSystemError(names(), `the loop through ${names().join(', ')} has no unique solution (singular system)`);
  }
  // Gross output of each member per unit of net output of all: it must be positive, or the loop
  // consumes more than it makes (for a productive system (I − C)⁻¹ is non-negative).
  const demand = refinedSolve(matrix, lu, members.map(() => new Map([[DEMAND_KEY, { mass: ONE, co2e: ZERO }]])));
  for (const gross of demand) {
    if (!(gross.get(DEMAND_KEY)?.mass.isPositive() ?? false)) {
      throw new SingularSystemError(names(), `the loop through ${names().join(', ')} consumes at least as much of its own products as it makes`);
    }
  }
  return refinedSolve(matrix, lu, rhs);
}

const DEMAND_KEY = 'demand';
const MAX_REFINEMENTS = 4;

interface Factorization {
  /** L below the diagonal (unit diagonal implied), U on and above it. */
  readonly lu: readonly (readonly Decimal[])[];
  /** Row i of LU came from row perm[i] of the matrix. */
  readonly perm: readonly number[];
}

/** LU with partial pivoting on the largest magnitude; undefined when a pivot is zero. */
function factorize(matrix: readonly (readonly Decimal[])[]): Factorization | undefined {
  const m = matrix.length;
  const a = matrix.map((row) => [...row]);
  const perm = matrix.map((_, i) => i);
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (a[r]![col]!.abs().gt(a[pivot]![col]!.abs())) pivot = r;
    if (a[pivot]![col]!.isZero()) return undefined;
    if (pivot !== col) {
      swap(a, pivot, col);
      swap(perm, pivot, col);
    }
    const pivotRow = a[col]!;
    for (let r = col + 1; r < m; r++) {
      const row = a[r]!;
      if (row[col]!.isZero()) continue;
      const factor = row[col]!.div(pivotRow[col]!);
      row[col] = factor;
      for (let c = col + 1; c < m; c++) row[c] = row[c]!.minus(factor.times(pivotRow[c]!));
    }
  }
  return { lu: a, perm };
}

function luSolve({ lu, perm }: Factorization, b: readonly BurdenVector[]): BurdenVector[] {
  const m = lu.length;
  const y: BurdenVector[] = [];
  for (let i = 0; i < m; i++) {
    const terms: BurdenVector[] = [b[perm[i]!]!];
    for (let j = 0; j < i; j++) if (!lu[i]![j]!.isZero()) terms.push(scaleVector(y[j]!, lu[i]![j]!.negated()));
    y.push(sumVectors(terms));
  }
  const x: BurdenVector[] = new Array<BurdenVector>(m);
  for (let i = m - 1; i >= 0; i--) {
    const terms: BurdenVector[] = [y[i]!];
    for (let j = i + 1; j < m; j++) if (!lu[i]![j]!.isZero()) terms.push(scaleVector(x[j]!, lu[i]![j]!.negated()));
    x[i] = divideVector(sumVectors(terms), lu[i]![i]!);
  }
  return x;
}

function refinedSolve(matrix: readonly (readonly Decimal[])[], lu: Factorization, b: readonly BurdenVector[]): BurdenVector[] {
  let x = luSolve(lu, b);
  for (let round = 0; round < MAX_REFINEMENTS; round++) {
    const r = residual(matrix, x, b);
    if (r.every(isZeroVector)) break;
    const correction = luSolve(lu, r);
    const next = x.map((xi, i) => sumVectors([xi, correction[i]!]));
    // Rounded to working precision the correction may no longer change anything: stop there.
    const rounded = next.map(roundVector);
    if (rounded.every((v, i) => sameVector(v, x[i]!))) break;
    x = rounded;
  }
  return x;
}

/** b − A x with exact sums (products rounded once). */
function residual(matrix: readonly (readonly Decimal[])[], x: readonly BurdenVector[], b: readonly BurdenVector[]): BurdenVector[] {
  return matrix.map((row, i) => {
    const terms: BurdenVector[] = [b[i]!];
    row.forEach((a, j) => {
      if (!a.isZero()) terms.push(scaleVector(x[j]!, a.negated()));
    });
    return sumVectors(terms);
  });
}

function swap<T>(list: T[], a: number, b: number): void {
  const t = list[a]!;
  list[a] = list[b]!;
  list[b] = t;
}
