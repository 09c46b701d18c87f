import { Decimal, ZERO, sum } from '../decimal/decimal.js';
import { roundedToPrecision, timesExact, timesRounded } from '../decimal/kernel.js';

/**
 * One cell of a burden vector: a mass (tonnes of a gas, or tonnes of tracked scrap) and its CO2e
 * under the GWP set of the run. Both are propagated through the graph side by side, so every
 * CO2e figure in a result is a sum of the same rounded terms and breakdowns add up exactly.
 */
export interface Cell {
  readonly mass: Decimal;
  readonly co2e: Decimal;
}

/** Burdens keyed by an encoded key (see keys.ts). Treated as immutable once built. */
export type BurdenVector = ReadonlyMap<string, Cell>;

export const EMPTY_VECTOR: BurdenVector = new Map();

/**
 * A vector of one cell: most direct items of a model (a declared emission, a factor-priced
 * input) have exactly one, and a Map for each is several times the size of this.
 */
class OneCellVector implements ReadonlyMap<string, Cell> {
  readonly #key: string;
  readonly #cell: Cell;

  constructor(key: string, cell: Cell) {
    this.#key = key;
    this.#cell = cell;
  }

  get size(): number {
    return 1;
  }

  get(key: string): Cell | undefined {
    return key === this.#key ? this.#cell : undefined;
  }

  has(key: string): boolean {
    return key === this.#key;
  }

  forEach(callback: (value: Cell, key: string, map: ReadonlyMap<string, Cell>) => void, thisArg?: unknown): void {
    callback.call(thisArg, this.#cell, this.#key, this);
  }

  *entries(): MapIterator<[string, Cell]> {
    yield [this.#key, this.#cell];
  }

  *keys(): MapIterator<string> {
    yield this.#key;
  }

  *values(): MapIterator<Cell> {
    yield this.#cell;
  }

  [Symbol.iterator](): MapIterator<[string, Cell]> {
    return this.entries();
  }
}

/** A vector holding one cell (see OneCellVector). */
export function oneCellVector(key: string, cell: Cell): BurdenVector {
  return new OneCellVector(key, cell);
}

/**
 * Exact sum of several vectors, key by key. A cell whose CO2e is its mass (CO2 and CO2e, GWP 1)
 * holds one Decimal for both; sums and products keep that sharing, so those cells cost one
 * operation instead of two and the results are the same numbers.
 */
export function sumVectors(vectors: readonly BurdenVector[]): BurdenVector {
  return combineVectors(vectors, []);
}

/** Mass and CO2e terms of one key, collected before they are summed. */
interface Terms {
  readonly masses: Decimal[];
  readonly co2es: Decimal[];
  shared: boolean;
}

function collect(terms: Map<string, Terms>, key: string, mass: Decimal, co2e: Decimal): void {
  let entry = terms.get(key);
  if (entry === undefined) {
    entry = { masses: [], co2es: [], shared: true };
    terms.set(key, entry);
  }
  entry.masses.push(mass);
  entry.co2es.push(co2e);
  if (co2e !== mass) entry.shared = false;
}

/**
 * Σ vectors + Σ k × vector, key by key: each product rounded once at working precision (as
 * `scaleVector` rounds it), the sums exact. The same numbers as `sumVectors` of the scaled
 * vectors, without building them: the solver's inner loop.
 */
export function combineVectors(vectors: readonly BurdenVector[], scaled: readonly { readonly vector: BurdenVector; readonly k: Decimal }[]): BurdenVector {
  const terms = new Map<string, Terms>();
  for (const vector of vectors) for (const [key, cell] of vector) collect(terms, key, cell.mass, cell.co2e);
  for (const { vector, k } of scaled) {
    if (k.isZero()) continue;
    for (const [key, cell] of vector) {
      const mass = timesRounded(cell.mass, k);
      collect(terms, key, mass, sameValue(cell) ? mass : scaledCO2e(cell, k));
    }
  }
  const out = new Map<string, Cell>();
  for (const [key, { masses, co2es, shared }] of terms) {
    const mass = sumOf(masses);
    out.set(key, { mass, co2e: shared ? mass : sumOf(co2es) });
  }
  return out;
}

/** `sum`, without the wide-precision round trip for a single term (whose sum is itself). */
function sumOf(values: readonly Decimal[]): Decimal {
  if (values.length === 1) return values[0]!.isZero() ? ZERO : values[0]!;
  return sum(values);
}

/** k × vector, each cell rounded once at working precision. */
export function scaleVector(vector: BurdenVector, k: Decimal): BurdenVector {
  const out = new Map<string, Cell>();
  if (k.isZero()) return out;
  for (const [key, cell] of vector) out.set(key, scaleCell(cell, k));
  return out;
}

/** k × cell, rounded once at working precision (one Decimal for both when CO2e is the mass). */
export function scaleCell(cell: Cell, k: Decimal): Cell {
  const mass = timesRounded(cell.mass, k);
  return { mass, co2e: sameValue(cell) ? mass : scaledCO2e(cell, k) };
}

/**
 * True when a cell holds one Decimal for its CO2e and its mass. Cells are built that way when the
 * two are equal (build.ts) and every operation here keeps it, so identity is enough: a cell with
 * two equal Decimals would only cost a second product of the same value.
 */
function sameValue(cell: Cell): boolean {
  return cell.co2e === cell.mass;
}

/** k × the CO2e of a cell that is not shared: nothing to multiply for burdens without CO2e (scrap). */
function scaledCO2e(cell: Cell, k: Decimal): Decimal {
  return cell.co2e.isZero() ? ZERO : timesRounded(cell.co2e, k);
}

/** vector / d, each cell rounded once (dividing directly rounds once, × (1/d) would round twice). */
export function divideVector(vector: BurdenVector, d: Decimal): BurdenVector {
  const out = new Map<string, Cell>();
  for (const [key, cell] of vector) {
    const mass = cell.mass.div(d);
    out.set(key, { mass, co2e: sameValue(cell) ? mass : cell.co2e.div(d) });
  }
  return out;
}

/** Exact total CO2e of a vector (optionally of the keys `select` accepts). */
export function totalCO2e(vector: BurdenVector, select?: (key: string) => boolean): Decimal {
  const parts: Decimal[] = [];
  for (const [key, cell] of vector) if (select === undefined || select(key)) parts.push(cell.co2e);
  return parts.length === 0 ? ZERO : sum(parts);
}

// A product of two numbers of at most 34 significant digits has at most 68: at this precision it
// is exact. Refinement residuals b − A x built from exact products and exact sums make iterative
// refinement converge to the correctly rounded solution, whichever factorization started it.
const ExactProduct = Decimal.clone({ precision: 2000 });

/** a × b without rounding (for operands of working precision; see ExactProduct). */
export function exactTimes(a: Decimal, b: Decimal): Decimal {
  const fast = timesExact(a, b);
  if (fast !== undefined) return fast;
  const product = new ExactProduct(a).times(b);
  return product.isZero() ? ZERO : new Decimal(product);
}

/** k × vector with exact products (no rounding), for residuals. */
export function scaleVectorExact(vector: BurdenVector, k: Decimal): BurdenVector {
  const out = new Map<string, Cell>();
  if (k.isZero()) return out;
  for (const [key, cell] of vector) {
    const mass = exactTimes(cell.mass, k);
    out.set(key, { mass, co2e: cell.co2e === cell.mass ? mass : exactTimes(cell.co2e, k) });
  }
  return out;
}

export function cell(mass: Decimal, co2e: Decimal): Cell {
  return { mass, co2e };
}

/** Each cell rounded to working precision (sums may carry more digits). */
export function roundVector(vector: BurdenVector): BurdenVector {
  const out = new Map<string, Cell>();
  for (const [key, cell] of vector) {
    const mass = roundedToPrecision(cell.mass);
    out.set(key, { mass, co2e: cell.co2e === cell.mass ? mass : roundedToPrecision(cell.co2e) });
  }
  return out;
}

export function sameVector(a: BurdenVector, b: BurdenVector): boolean {
  if (a.size !== b.size) return false;
  for (const [key, cell] of a) {
    const other = b.get(key);
    if (other === undefined || !other.mass.eq(cell.mass) || !other.co2e.eq(cell.co2e)) return false;
  }
  return true;
}

export function isZeroVector(vector: BurdenVector): boolean {
  for (const c of vector.values()) if (!c.mass.isZero() || !c.co2e.isZero()) return false;
  return true;
}

export { Decimal };
