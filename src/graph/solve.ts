import { SingularSystemError } from '../core/errors.js';
import { add, Decimal, ONE, ZERO } from '../decimal/decimal.js';
import { fromFloat as floatToDecimal, toFloat } from '../decimal/kernel.js';
import { componentsOf, type CompressedGraph } from './scc.js';
import { newWordPool } from '../decimal/wasmPool.js';
import { directOf, productEquations, type ProductEquation } from './equation.js';
import { AcyclicSweep, LAYOUT_WORDS_PER_PRODUCT, type SweepLayout } from './sweep.js';
import type { System } from './system.js';
import { floatLuFactorize, floatLuSolve, type FloatLu } from './floatLu.js';
import { divideVector, scaledSum, isZeroVector, roundVector, sameVector, scaleVector, scaleVectorExact, sumVectors, type BurdenVector, type Cell } from './vector.js';

export { directOf, EquationBase, productEquations, type ProductEquation, type UnitLink } from './equation.js';

export interface Solution {
  readonly equations: readonly ProductEquation[];
  /** Footprint vector of each product per unit of its reference output. */
  readonly footprints: readonly BurdenVector[];
  /** Components with loops (product indices), in solving order. */
  readonly loops: readonly (readonly number[])[];
  /** Product index → index into `loops`, for products inside a loop. */
  readonly loopOf: ReadonlyMap<number, number>;
}

/** How loops (strongly connected components) are solved. */
export type LoopSolver =
  /** float64 LU, exact decimal residuals, iterative refinement; exact elimination as fallback. */
  | 'mixed'
  /** LU in Decimal (O(m³) decimal operations), then the same refinement: the reference path. */
  | 'exact';

/**
 * Products from which a solve uses the word pool by default. Below, the pool gains little
 * (measured: six products 0.37 → 0.34 ms, 55 products 0.41 → 0.28 ms, 440 products 4.0 → 2.5 ms)
 * while a result keeps its pool's memory, outside the heap, as long as it lives (at least
 * 128 KB): a caller holding thousands of small results would hold that many memories.
 */
export const POOLED_MIN_PRODUCTS = 100;

export interface SolveOptions {
  /** `mixed` by default: same 34-digit results as `exact`, orders of magnitude faster on big loops. */
  readonly loops?: LoopSolver;
  /**
   * Products outside loops: `pooled` sums on a word pool in WebAssembly (see sweep.ts),
   * `decimal` with a Decimal object for every value — the reference path, the same numbers.
   * By default the pool for systems of POOLED_MIN_PRODUCTS products or more, where WebAssembly
   * runs; `pooled` where it does not is `decimal`.
   */
  readonly acyclic?: 'pooled' | 'decimal';
}

/**
 * Solves footprint_p = direct_p + Σ_q c_pq · footprint_q for every product, exactly in Decimal:
 * components without loops one by one in dependency order (one pass gives every product's
 * footprint for every key), loops by LU factorization and iterative refinement.
 * Throws SingularSystemError for a loop that cannot be solved or that is not productive
 * (it would need more of its own products than it makes).
 *
 * @example
 * const solution = solveSystem(system);
 * solution.footprints[0]; // burden vector of product 0 per unit of its reference output
 */
export function solveSystem(system: System, options: SolveOptions = {}): Solution {
  const solver = options.loops ?? 'mixed';
  const pooled = options.acyclic === 'pooled' || (options.acyclic === undefined && system.products.length >= POOLED_MIN_PRODUCTS);
  const pool = pooled ? newWordPool(Decimal, ZERO) : undefined;
  const prepared = pool === undefined ? undefined : new AcyclicSweep(system, pool);
  const layout = sweepLayoutOf(system);
  // The layout's components only with its words: the Decimal path reads the system itself.
  const loaded = prepared !== undefined && layout !== undefined && prepared.load(layout) ? layout : undefined;
  const sweep = prepared !== undefined && (loaded !== undefined || prepared.prepare()) ? prepared : undefined;
  // The pooled solve makes equations only when they are read (loops, the result's `equations`).
  const decimalEquations = sweep === undefined ? productEquations(system) : undefined;
  const equationOf = (p: number): ProductEquation => decimalEquations?.[p] ?? sweep!.equation(p);
  // The providers of each product's links, from the system (the equations' links, in order).
  const graph = sweep?.graph() ?? providerGraph(system);
  const footprints: BurdenVector[] = new Array<BurdenVector>(system.products.length);
  const loops: number[][] = [];
  const loopOf = new Map<number, number>();

  const directOfProduct = (p: number) => directOf(system.processes[system.products[p]!.process]!.items, equationOf(p).perUnit);

  const terms = scaledSum();
  const decimalFootprint = (p: number): BurdenVector => {
    // Direct items and links in one exact sum: sums are exact, so this is direct + Σ links
    // without making `direct` (the same cells, keys and key order).
    const eq = equationOf(p);
    for (const item of system.processes[system.products[p]!.process]!.items) terms.addScaled(item.vector, eq.perUnit);
    for (const l of eq.links) terms.addScaled(footprints[l.provider]!, l.coefficient);
    const footprint = terms.sums();
    sweep?.adopt(p, footprint);
    return footprint;
  };
  // The components are the system's: made at compile with the layout when the solve loaded it.
  const { nodes, start } = loaded?.components ?? componentsOf(graph);
  // Products outside loops are solved in runs: the sweep takes a run in one call, and stops at a
  // product it leaves to the Decimal path.
  const run = new Int32Array(nodes.length);
  let runLength = 0;
  const solveRun = () => {
    for (let from = 0; from < runLength; from++) {
      if (sweep !== undefined) from += sweep.solveRun(run.subarray(0, runLength), from, footprints);
      if (from < runLength) footprints[run[from]!] = decimalFootprint(run[from]!);
    }
    runLength = 0;
  };
  for (let c = 0; c + 1 < start.length; c++) {
    const only = nodes[start[c]!]!;
    if (start[c + 1]! - start[c]! === 1 && !hasEdge(graph, only, only)) {
      run[runLength++] = only;
      continue;
    }
    solveRun();
    // Order members by flow name, not by position in the document, so the elimination (and its
    // last-digit rounding) is the same however the processes are ordered.
    const flowOf = (i: number) => system.products[i]!.flow;
    const ordered = [...nodes.subarray(start[c]!, start[c + 1]!)].sort((a, b) => (flowOf(a) < flowOf(b) ? -1 : flowOf(a) > flowOf(b) ? 1 : 0));
    const loopIndex = loops.length;
    loops.push(ordered);
    for (const p of ordered) loopOf.set(p, loopIndex);
    const solved = solveLoop(equationOf, footprints, ordered, solver, directOfProduct, system);
    ordered.forEach((p, i) => {
      footprints[p] = solved[i]!;
      sweep?.adopt(p, solved[i]!);
    });
  }
  solveRun();
  // Frozen as the system is: solutionOf hands them out, and results read them by index.
  const rest = { footprints: Object.freeze(footprints), loops: Object.freeze(loops), loopOf };
  if (decimalEquations !== undefined) return Object.freeze({ equations: Object.freeze(decimalEquations), ...rest });
  let equations: readonly ProductEquation[] | undefined;
  return Object.freeze({
    // An own enumerable property, as on the Decimal path (a spread or JSON has it), made when read.
    get equations(): readonly ProductEquation[] {
      return (equations ??= Object.freeze(sweep!.equations()));
    },
    ...rest,
  });
}

// The sweep's layout of a compiled system, under a key of its own: not enumerable, so a copy of
// the system with other processes or products (`{ ...system, processes }`) does not take it.
const SWEEP_LAYOUT = Symbol('sweepLayout');
type WithLayout = System & { readonly [SWEEP_LAYOUT]?: SweepLayout };

/**
 * The system, not yet frozen, with what the pooled solve's `prepare` makes for it (the system's
 * values in pool words, the per-unit factors and coefficients: the matrix in the form the sweep
 * reads, as a sparse solver takes its matrix already built), so that each solve copies it into
 * its pool. Nothing is added for systems solved the Decimal way or where WebAssembly cannot run.
 * Called by buildSystem; `minProducts` lets tests give small systems one too.
 */
export function withSweepLayout<S extends System>(system: S, minProducts = POOLED_MIN_PRODUCTS): S {
  // A system that cannot take a property, or has a layout already, is left as it is.
  if (system.products.length < minProducts || !Object.isExtensible(system) || Object.hasOwn(system, SWEEP_LAYOUT)) return system;
  const pool = newWordPool(Decimal, ZERO);
  if (pool === undefined) return system;
  const sweep = new AcyclicSweep(system, pool);
  if (!sweep.prepare(LAYOUT_WORDS_PER_PRODUCT)) return system;
  Object.defineProperty(system, SWEEP_LAYOUT, { value: sweep.layout(), enumerable: false });
  return system;
}

/** The sweep layout `withSweepLayout` gave the system, if any. */
export function sweepLayoutOf(system: System): SweepLayout | undefined {
  const layout = (system as WithLayout)[SWEEP_LAYOUT];
  return layout?.processes === system.processes && layout.products === system.products ? layout : undefined;
}

/** Whether node v has an edge to w. */
function hasEdge(graph: CompressedGraph, v: number, w: number): boolean {
  for (let e = graph.start[v]!; e < graph.start[v + 1]!; e++) if (graph.targets[e] === w) return true;
  return false;
}

/** Each product's providers (its process's links, in order), as a graph. */
function providerGraph(system: System): CompressedGraph {
  const { products, processes } = system;
  const start = new Int32Array(products.length + 1);
  products.forEach((product, p) => (start[p + 1] = start[p]! + processes[product.process]!.links.length));
  const targets = new Int32Array(start[products.length]!);
  let at = 0;
  for (const product of products) for (const link of processes[product.process]!.links) targets[at++] = link.provider;
  return { start, targets };
}

/** Row i of a loop's matrix, such as (I − C), as ascending column indices and exact values. */
export interface SparseRow {
  readonly columns: readonly number[];
  readonly values: readonly Decimal[];
}

/**
 * (I − C) F = B for the products of one loop, where B holds the direct burdens and the burdens
 * of products outside the loop (already solved). Iterative refinement: the residual B − (I − C) F
 * is formed with exact products and exact sums, a correction is solved with an LU factorization,
 * and F (rounded to 34 digits) is corrected until the correction no longer changes it. With exact
 * residuals the fixed point is the correctly rounded solution, so the factorization only decides
 * how many rounds it takes: float64 (`mixed`, about 16 digits a round, O(m³) float operations)
 * or Decimal (`exact`, O(m³) decimal operations). `mixed` falls back to `exact` when float64
 * cannot factorize the matrix or refinement does not converge (very ill-conditioned loops).
 */
function solveLoop(
  equationOf: (p: number) => ProductEquation,
  footprints: readonly BurdenVector[],
  members: readonly number[],
  solver: LoopSolver,
  directOfProduct: (p: number) => BurdenVector,
  system: System,
): BurdenVector[] {
  const position = new Map(members.map((p, i) => [p, i]));
  const rows: SparseRow[] = [];
  const rhs: BurdenVector[] = [];
  members.forEach((p, i) => {
    const row = new Map<number, Decimal>([[i, ONE]]);
    const eq = equationOf(p);
    const external: BurdenVector[] = [directOfProduct(p)];
    for (const l of eq.links) {
      const j = position.get(l.provider);
      if (j === undefined) external.push(scaleVector(footprints[l.provider]!, l.coefficient));
      // Exact: 1 − c rounded to 34 digits would perturb the system itself, and the refinement
      // would converge to the rounded solution of that perturbed system.
      else row.set(j, add(row.get(j) ?? ZERO, l.coefficient.negated()));
    }
    rows.push(sparseRow(row));
    rhs.push(sumVectors(external));
  });

  const names = () => [...new Set(members.map((p) => system.processes[system.products[p]!.process]!.id))];
  // Gross output of each member per unit of net output of all: it must be positive, or the loop
  // consumes more than it makes (for a productive system (I − C)⁻¹ is non-negative).
  const demandRhs = members.map((): BurdenVector => new Map([[DEMAND_KEY, { mass: ONE, co2e: ZERO }]]));
  const checkProductive = (demand: readonly BurdenVector[]) => {
    for (const gross of demand) {
      if (!(gross.get(DEMAND_KEY)?.mass.gt(0) ?? false)) {
        throw new SingularSystemError(names(), `the loop through ${names().join(', ')} consumes at least as much of its own products as it makes`);
      }
    }
  };

  // Each member carries the keys it can reach through non-zero coefficients, as in the acyclic
  // pass: which keys appear never depends on the factorization or its fill-in.
  const keySets = reachableKeys(rows, rhs);
  const restrict = (x: readonly BurdenVector[]) => x.map((v, i) => restrictVector(v, keySets[i]!));

  const solved = solveSparse(rows, [demandRhs, rhs], solver);
  if (solved === undefined) {
    throw new SingularSystemError(names(), `the loop through ${names().join(', ')} has no unique solution (singular system)`);
  }
  checkProductive(solved[0]!);
  return restrict(solved[1]!);
}

/** A row from its entries by column, zeros left out. */
export function sparseRow(entries: ReadonlyMap<number, Decimal>): SparseRow {
  const columns = [...entries.keys()].filter((j) => !entries.get(j)!.isZero()).sort((a, b) => a - b);
  return { columns, values: columns.map((j) => entries.get(j)!) };
}

/**
 * A X = B for each right-hand side, A given by its rows: the correctly rounded 34-digit
 * solution, by iterative refinement with exact residuals from a float64 LU factorization
 * (`mixed`), or from an LU factorization in Decimal — the reference path, and the fallback when
 * float64 cannot factorize A or refinement does not settle. Undefined when A is singular.
 *
 * @example
 * const [x] = solveSparse(rows, [b], 'mixed')!;
 */
export function solveSparse(rows: readonly SparseRow[], rhs: readonly (readonly BurdenVector[])[], solver: LoopSolver): BurdenVector[][] | undefined {
  if (solver === 'mixed') {
    const float = floatLuFactorize(denseFloatMatrix(rows), rows.length);
    if (float !== undefined) {
      const solved: BurdenVector[][] = [];
      for (const b of rhs) {
        const x = mixedRefinedSolve(rows, float, b);
        if (x === undefined) break;
        solved.push(x);
      }
      if (solved.length === rhs.length) return solved;
    }
  }
  const lu = factorize(denseDecimalMatrix(rows));
  return lu === undefined ? undefined : rhs.map((b) => refinedSolve(rows, lu, b));
}

/** keys(x_i) = keys(b_i) ∪ keys(x_j) for every j with a non-zero a_ij: a fixpoint by search. */
function reachableKeys(rows: readonly SparseRow[], b: readonly BurdenVector[]): Set<string>[] {
  const m = rows.length;
  const dependents: number[][] = rows.map(() => []);
  rows.forEach((row, i) => {
    for (const j of row.columns) if (j !== i) dependents[j]!.push(i);
  });
  const sets = rows.map(() => new Set<string>());
  const holders = new Map<string, number[]>();
  b.forEach((v, i) => {
    for (const key of v.keys()) holders.set(key, [...(holders.get(key) ?? []), i]);
  });
  for (const [key, start] of holders) {
    const stack = [...start];
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (sets[i]!.has(key)) continue;
      sets[i]!.add(key);
      for (const d of dependents[i]!) if (!sets[d]!.has(key)) stack.push(d);
    }
  }
  return m === 0 ? [] : sets;
}

/** The cells of `vector` whose keys are in `keys`, and a zero cell for each key it lacks. */
function restrictVector(vector: BurdenVector, keys: ReadonlySet<string>): BurdenVector {
  const out = new Map<string, Cell>();
  for (const key of keys) out.set(key, vector.get(key) ?? { mass: ZERO, co2e: ZERO });
  return out;
}

const DEMAND_KEY = 'demand';
const MAX_REFINEMENTS = 4;
/** Rounds of float-started refinement before falling back: ~16 digits a round for sane loops. */
const MAX_MIXED_ROUNDS = 12;

function denseDecimalMatrix(rows: readonly SparseRow[]): Decimal[][] {
  const m = rows.length;
  return rows.map((row) => {
    const dense = new Array<Decimal>(m).fill(ZERO);
    row.columns.forEach((j, k) => {
      dense[j] = row.values[k]!;
    });
    return dense;
  });
}

function denseFloatMatrix(rows: readonly SparseRow[]): Float64Array {
  const m = rows.length;
  const dense = new Float64Array(m * m);
  rows.forEach((row, i) => {
    row.columns.forEach((j, k) => {
      dense[i * m + j] = toFloat(row.values[k]!);
    });
  });
  return dense;
}

/**
 * Refinement started from zero with float64 corrections: x ← round34(x + LU⁻¹(b − A x)), the
 * residual exact. Undefined when it has not settled after MAX_MIXED_ROUNDS.
 */
function mixedRefinedSolve(rows: readonly SparseRow[], lu: FloatLu, b: readonly BurdenVector[]): BurdenVector[] | undefined {
  const keys = [...new Set(b.flatMap((v) => [...v.keys()]))].sort();
  let x: BurdenVector[] = b.map(() => new Map<string, Cell>());
  for (let round = 0; round < MAX_MIXED_ROUNDS; round++) {
    const r = residual(rows, x, b);
    if (round > 0 && r.every(isZeroVector)) return x;
    const correction = floatCorrection(lu, r, keys);
    const next = x.map((xi, i) => roundVector(sumVectors([xi, correction[i]!])));
    if (round > 0 && next.every((v, i) => sameVector(v, x[i]!))) return x;
    x = next;
  }
  return undefined;
}

/** Solves A d = r in float64, one column per key and per mass/CO2e, back into decimal cells. */
function floatCorrection(lu: FloatLu, r: readonly BurdenVector[], keys: readonly string[]): BurdenVector[] {
  const m = r.length;
  const out = r.map(() => new Map<string, Cell>());
  const column = new Float64Array(m);
  const solveColumn = (key: string, part: 'mass' | 'co2e'): Float64Array | undefined => {
    let any = false;
    for (let i = 0; i < m; i++) {
      const value = r[i]!.get(key)?.[part];
      column[i] = value === undefined ? 0 : toFloat(value);
      if (column[i] !== 0) any = true;
    }
    return any ? floatLuSolve(lu, column) : undefined;
  };
  for (const key of keys) {
    const mass = solveColumn(key, 'mass');
    const co2e = solveColumn(key, 'co2e');
    for (let i = 0; i < m; i++) out[i]!.set(key, { mass: fromFloat(mass?.[i]), co2e: fromFloat(co2e?.[i]) });
  }
  return out;
}

function fromFloat(value: number | undefined): Decimal {
  // Float results are only corrections to be checked by the next exact residual: fifteen digits
  // of each, read by integer arithmetic (the same on every machine), are enough.
  return value === undefined ? ZERO : ((floatToDecimal(value, Decimal) as Decimal | undefined) ?? ZERO);
}

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

function refinedSolve(rows: readonly SparseRow[], lu: Factorization, b: readonly BurdenVector[]): BurdenVector[] {
  let x = luSolve(lu, b);
  for (let round = 0; round < MAX_REFINEMENTS; round++) {
    const r = residual(rows, x, b);
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

/** b − A x, exactly: exact products (see scaleVectorExact) and exact sums. */
function residual(rows: readonly SparseRow[], x: readonly BurdenVector[], b: readonly BurdenVector[]): BurdenVector[] {
  return rows.map((row, i) => {
    const terms: BurdenVector[] = [b[i]!];
    row.columns.forEach((j, k) => {
      terms.push(scaleVectorExact(x[j]!, row.values[k]!.negated()));
    });
    return sumVectors(terms);
  });
}

function swap<T>(list: T[], a: number, b: number): void {
  const t = list[a]!;
  list[a] = list[b]!;
  list[b] = t;
}
