import { Decimal, ZERO, sum, sumOfProductsRange, sumOfRange } from '../decimal/decimal.js';
import { roundedToPrecision, timesExact, timesRounded } from '../decimal/kernel.js';
import type { WordPool } from '../decimal/pool.js';

/**
 * One cell of a burden vector: a mass (tonnes of a gas, or tonnes of tracked scrap) and its CO2e
 * under the GWP set of the run. Both are propagated through the graph side by side, so every
 * CO2e figure in a result is a sum of the same rounded terms and breakdowns add up exactly.
 */
export interface Cell {
  readonly mass: Decimal;
  readonly co2e: Decimal;
}

/**
 * Burdens keyed by an encoded key (see keys.ts). Treated as immutable once built. The vectors the
 * library makes are not all Maps: solver and one-cell vectors make a cell object when one is read
 * (`get`, iteration), so two reads give equal cells holding the same Decimals, not the same
 * object; `forEachCell` reads the values without making cells.
 */
export type BurdenVector = ReadonlyMap<string, Cell>;

export const EMPTY_VECTOR: BurdenVector = new Map();

/**
 * A vector of one cell: most direct items of a model (a declared emission, a factor-priced
 * input) have exactly one, and a Map for each is several times the size of this. It holds the
 * key, mass and CO2e itself; a cell is made when asked for (as packed vectors make theirs).
 */
class OneCellVector implements ReadonlyMap<string, Cell> {
  // Private, as the other vectors' fields are: JSON of any vector is {} (as of a Map).
  readonly #key: string;
  readonly #mass: Decimal;
  readonly #co2e: Decimal;

  constructor(key: string, mass: Decimal, co2e: Decimal) {
    this.#key = key;
    this.#mass = mass;
    this.#co2e = co2e;
  }

  get key(): string {
    return this.#key;
  }

  get mass(): Decimal {
    return this.#mass;
  }

  get co2e(): Decimal {
    return this.#co2e;
  }

  get size(): number {
    return 1;
  }

  #cell(): Cell {
    return { mass: this.mass, co2e: this.co2e };
  }

  get(key: string): Cell | undefined {
    return key === this.key ? this.#cell() : undefined;
  }

  has(key: string): boolean {
    return key === this.key;
  }

  forEach(callback: (value: Cell, key: string, map: ReadonlyMap<string, Cell>) => void, thisArg?: unknown): void {
    callback.call(thisArg, this.#cell(), this.key, this);
  }

  *entries(): MapIterator<[string, Cell]> {
    yield [this.key, this.#cell()];
  }

  *keys(): MapIterator<string> {
    yield this.key;
  }

  *values(): MapIterator<Cell> {
    yield this.#cell();
  }

  [Symbol.iterator](): MapIterator<[string, Cell]> {
    return this.entries();
  }
}

/** The key and values of a vector's only cell. */
export interface SingleCell {
  readonly key: string;
  readonly mass: Decimal;
  readonly co2e: Decimal;
}

/**
 * A one-cell vector's key and values (most direct items' vectors), read without a visitor;
 * undefined for other vectors, even of one cell.
 */
export function singleCell(vector: BurdenVector): SingleCell | undefined {
  return vector instanceof OneCellVector ? vector : undefined;
}

/** A vector holding one cell (see OneCellVector). */
export function oneCellVector(key: string, cell: Cell): BurdenVector {
  return new OneCellVector(key, cell.mass, cell.co2e);
}

/** Past this many keys a packed vector looks keys up through an index instead of a scan. */
const SCAN_LIMIT = 16;

/**
 * A vector as two lists side by side: keys in order, and the mass and CO2e of each in one flat
 * list (mass of key i at 2i, CO2e at 2i + 1): what the solver makes for every product. Smaller
 * than a Map and than a list of cells, and made without hashing each key; a lookup scans the keys
 * (keys of one build are shared strings, so most comparisons are by identity), through an index
 * made on first use when there are many (keys with per-process origins). Cells are made when
 * asked for; `forEachCell` reads the values without them.
 */
class PackedVector implements ReadonlyMap<string, Cell> {
  readonly #keys: readonly string[];
  // Made on the first read for pooled cells: a solve makes a vector per product, and most are
  // read only later, if at all (the garbage of a list each is much of a large solve's).
  #values: (Decimal | undefined)[] | undefined;
  // Pooled values (the acyclic sweep's): cells from #start in `#cells`, each value made a Decimal
  // when first read and kept in #values from then on.
  readonly #cells: PooledCells | undefined;
  readonly #start: number;
  #index: Map<string, number> | undefined;

  constructor(keys: readonly string[], values: (Decimal | undefined)[] | undefined, cells?: PooledCells, start = 0) {
    this.#keys = keys;
    this.#values = values;
    this.#cells = cells;
    this.#start = start;
  }

  get size(): number {
    return this.#keys.length;
  }

  keyAt(i: number): string {
    return this.#keys[i]!;
  }

  massAt(i: number): Decimal {
    return this.#values?.[2 * i] ?? this.#load(2 * i);
  }

  co2eAt(i: number): Decimal {
    return this.#values?.[2 * i + 1] ?? this.#load(2 * i + 1);
  }

  /** Value j (mass of cell j / 2 when j is even, else its CO2e) made from the pool. */
  #load(j: number): Decimal {
    const cells = this.#cells!;
    const mass = cells.massRef(this.#start, j >> 1);
    const co2e = cells.co2eRef(this.#start, j >> 1);
    const value = cells.pool.decimal((j & 1) === 0 ? mass : co2e) as Decimal;
    const values = (this.#values ??= new Array<Decimal | undefined>(2 * this.#keys.length));
    values[j] = value;
    // A cell whose CO2e is its mass has one reference for both, and reads as one Decimal.
    if (mass === co2e) values[j ^ 1] = value;
    return value;
  }

  #cellAt(i: number): Cell {
    return { mass: this.massAt(i), co2e: this.co2eAt(i) };
  }

  #find(key: string): number {
    const keys = this.#keys;
    if (keys.length <= SCAN_LIMIT) return keys.indexOf(key);
    this.#index ??= new Map(keys.map((k, i) => [k, i]));
    return this.#index.get(key) ?? -1;
  }

  get(key: string): Cell | undefined {
    const i = this.#find(key);
    return i === -1 ? undefined : this.#cellAt(i);
  }

  has(key: string): boolean {
    return this.#find(key) !== -1;
  }

  forEach(callback: (value: Cell, key: string, map: ReadonlyMap<string, Cell>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.#keys.length; i++) callback.call(thisArg, this.#cellAt(i), this.#keys[i]!, this);
  }

  *entries(): MapIterator<[string, Cell]> {
    for (let i = 0; i < this.#keys.length; i++) yield [this.#keys[i]!, this.#cellAt(i)];
  }

  *keys(): MapIterator<string> {
    yield* this.#keys;
  }

  *values(): MapIterator<Cell> {
    for (let i = 0; i < this.#keys.length; i++) yield this.#cellAt(i);
  }

  [Symbol.iterator](): MapIterator<[string, Cell]> {
    return this.entries();
  }
}

/** Cells of pooled values side by side (the acyclic sweep's): mass and CO2e references. */
export interface PooledCells {
  readonly pool: WordPool;
  /** The references of the mass and CO2e of cell i of the cells from `start`. */
  massRef(start: number, i: number): number;
  co2eRef(start: number, i: number): number;
}

/**
 * A packed vector of pooled values: key i's cell is cell start + i of `cells` (one reference for
 * mass and CO2e when the CO2e is the mass, which then reads as one Decimal).
 */
export function pooledVector(keys: readonly string[], cells: PooledCells, start: number): BurdenVector {
  return new PackedVector(keys, undefined, cells, start);
}

/**
 * Calls `visit` with the mass, CO2e and key of every cell of `vector`, in its order: `forEach`
 * without a cell object for each (results read every cell of every product).
 */
export function forEachCell(vector: BurdenVector, visit: (mass: Decimal, co2e: Decimal, key: string) => void): void {
  if (vector instanceof PackedVector) {
    for (let i = 0; i < vector.size; i++) visit(vector.massAt(i), vector.co2eAt(i), vector.keyAt(i));
    return;
  }
  if (vector instanceof OneCellVector) {
    visit(vector.mass, vector.co2e, vector.key);
    return;
  }
  vector.forEach((cell, key) => visit(cell.mass, cell.co2e, key));
}

/**
 * `forEachCell` of k × vector, each cell scaled as `scaleCell` scales it (rounded once, one
 * Decimal for both when the CO2e is the mass), without making the scaled vector or its cells.
 */
export function forEachScaledCell(vector: BurdenVector, k: Decimal, visit: (mass: Decimal, co2e: Decimal, key: string) => void): void {
  forEachCell(vector, (mass, co2e, key) => {
    const scaled = timesRounded(mass, k);
    visit(scaled, co2e === mass ? scaled : scaledCO2e(co2e, k), key);
  });
}

/**
 * Exact sum of several vectors, key by key. A cell whose CO2e is its mass (CO2 and CO2e, GWP 1)
 * holds one Decimal for both; sums and products keep that sharing, so those cells cost one
 * operation instead of two and the results are the same numbers.
 */
export function sumVectors(vectors: readonly BurdenVector[]): BurdenVector {
  return combineVectors(vectors, []);
}

/**
 * The mass and CO2e terms of a combination, side by side, with the slot of their key (keys
 * numbered in the order they first appear): flat lists instead of a list of terms per key. The
 * solver forms one combination per product with one of these: `sums` hands the result over and
 * empties the lists for the next, which keep their room (only the first `#terms` terms and
 * `#keyCount` keys are in use), so a sweep over many products does not make them again each time.
 */
class Terms {
  /** Slot by key, once there are too many keys to scan. */
  #slots: Map<string, number> | undefined;
  readonly #keys: string[] = [];
  #keyCount = 0;
  /** Per slot: false once a term's CO2e is not its mass. */
  readonly #shared: boolean[] = [];
  // Each term as given: a mass, a CO2e and the factor it is scaled by (undefined: taken as it
  // is). The products are formed when the sums are: a product whose only use is a sum is never
  // made as a Decimal of its own.
  readonly #slotOf: number[] = [];
  readonly #masses: Decimal[] = [];
  readonly #co2es: Decimal[] = [];
  readonly #factors: (Decimal | undefined)[] = [];
  #terms = 0;
  /** Terms taken as they are (not scaled): their sums take the general way. */
  #unscaled = 0;
  // The terms grouped by slot for summing, and where each group starts.
  readonly #groupStart: number[] = [];
  readonly #groupedMasses: Decimal[] = [];
  readonly #groupedCO2es: Decimal[] = [];
  readonly #groupedFactors: Decimal[] = [];
  /** The key list of the last result (see #keyList). */
  #lastKeys: readonly string[] | undefined;

  add(key: string, mass: Decimal, co2e: Decimal): void {
    this.#unscaled++;
    this.#push(key, mass, co2e, undefined);
  }

  #push(key: string, mass: Decimal, co2e: Decimal, factor: Decimal | undefined): void {
    let slot = this.#findSlot(key);
    if (slot === -1) {
      slot = this.#keyCount++;
      this.#slots?.set(key, slot);
      this.#keys[slot] = key;
      this.#shared[slot] = true;
    }
    const t = this.#terms++;
    this.#slotOf[t] = slot;
    this.#masses[t] = mass;
    this.#co2es[t] = co2e;
    this.#factors[t] = factor;
    // A scaled cell keeps one Decimal for both exactly when the cell it scales does.
    if (co2e !== mass) this.#shared[slot] = false;
  }

  #findSlot(key: string): number {
    if (this.#slots === undefined) {
      const count = this.#keyCount;
      if (count <= SCAN_LIMIT) {
        const keys = this.#keys;
        for (let i = 0; i < count; i++) if (keys[i] === key) return i;
        return -1;
      }
      this.#slots = new Map();
      for (let i = 0; i < count; i++) this.#slots.set(this.#keys[i]!, i);
    }
    return this.#slots.get(key) ?? -1;
  }

  /** The cells of k × vector (each product rounded once); nothing for k = 0. */
  addScaled(vector: BurdenVector, k: Decimal): void {
    if (k.isZero()) return;
    if (vector instanceof PackedVector) {
      for (let i = 0; i < vector.size; i++) this.#push(vector.keyAt(i), vector.massAt(i), vector.co2eAt(i), k);
      return;
    }
    // Most direct items: one cell, read without an iterator.
    if (vector instanceof OneCellVector) {
      this.#push(vector.key, vector.mass, vector.co2e, k);
      return;
    }
    for (const [key, cell] of vector) this.#push(key, cell.mass, cell.co2e, k);
  }

  /** Term t's mass as a Decimal: k × mass rounded once, or the mass as given. */
  #massOf(t: number): Decimal {
    const factor = this.#factors[t];
    return factor === undefined ? this.#masses[t]! : timesRounded(this.#masses[t]!, factor);
  }

  #co2eOf(t: number): Decimal {
    const factor = this.#factors[t];
    return factor === undefined ? this.#co2es[t]! : scaledCO2e(this.#co2es[t]!, factor);
  }

  /**
   * One cell per key, in the order the keys first appeared: the exact sums of their terms. Empties
   * the terms for the next combination.
   */
  sums(): BurdenVector {
    const count = this.#keyCount;
    const terms = this.#terms;
    const shared = this.#shared;
    const values = new Array<Decimal>(2 * count);
    if (count === terms) {
      // One term per key (no sums to form).
      for (let t = 0; t < count; t++) {
        const mass = alone(this.#massOf(t));
        values[2 * t] = mass;
        values[2 * t + 1] = shared[t] ? mass : alone(this.#co2eOf(t));
      }
    } else if (this.#unscaled > 0) {
      // Sums of cells as they are (sumVectors): each term made, then summed.
      this.#sumGroups(values, (t) => this.#massOf(t), (t) => this.#co2eOf(t));
    } else {
      this.#sumScaledGroups(values);
    }
    const keys = this.#keyList(count);
    this.#keyCount = 0;
    this.#terms = 0;
    this.#unscaled = 0;
    this.#slots = undefined;
    return new PackedVector(keys, values);
  }

  /**
   * The terms grouped by slot (a counting sort, stable): `#groupStart` then holds the end of each
   * group, so group k runs from the end of group k − 1 (0 for the first) to `#groupStart[k]`.
   */
  #group(place: (t: number, at: number) => void): readonly number[] {
    const count = this.#keyCount;
    const terms = this.#terms;
    const slotOf = this.#slotOf;
    const start = this.#groupStart;
    for (let k = 0; k <= count; k++) start[k] = 0;
    for (let t = 0; t < terms; t++) start[slotOf[t]! + 1]!++;
    for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
    for (let t = 0; t < terms; t++) place(t, start[slotOf[t]!]!++);
    return start;
  }

  #sumGroups(values: Decimal[], massOf: (t: number) => Decimal, co2eOf: (t: number) => Decimal): void {
    const groupedMasses = this.#groupedMasses;
    const groupedCO2es = this.#groupedCO2es;
    const end = this.#group((t, at) => {
      groupedMasses[at] = massOf(t);
      groupedCO2es[at] = co2eOf(t);
    });
    for (let k = 0; k < this.#keyCount; k++) {
      const from = k === 0 ? 0 : end[k - 1]!;
      const mass = sumOf(groupedMasses, from, end[k]!);
      values[2 * k] = mass;
      values[2 * k + 1] = this.#shared[k] ? mass : sumOf(groupedCO2es, from, end[k]!);
    }
  }

  /** Every term scaled: each sum of several formed from the unrounded products in one pass. */
  #sumScaledGroups(values: Decimal[]): void {
    const masses = this.#masses;
    const co2es = this.#co2es;
    const factors = this.#factors as readonly Decimal[];
    const groupedMasses = this.#groupedMasses;
    const groupedCO2es = this.#groupedCO2es;
    const groupedFactors = this.#groupedFactors;
    const end = this.#group((t, at) => {
      groupedMasses[at] = masses[t]!;
      groupedCO2es[at] = co2es[t]!;
      groupedFactors[at] = factors[t]!;
    });
    for (let k = 0; k < this.#keyCount; k++) {
      const from = k === 0 ? 0 : end[k - 1]!;
      const to = end[k]!;
      let mass: Decimal;
      let co2e: Decimal;
      if (to - from === 1) {
        mass = alone(timesRounded(groupedMasses[from]!, groupedFactors[from]!));
        co2e = this.#shared[k] ? mass : alone(scaledCO2e(groupedCO2es[from]!, groupedFactors[from]!));
      } else {
        mass = sumOfProductsRange(groupedMasses, groupedFactors, from, to);
        co2e = this.#shared[k] ? mass : sumOfProductsRange(groupedCO2es, groupedFactors, from, to);
      }
      values[2 * k] = mass;
      values[2 * k + 1] = co2e;
    }
  }

  /**
   * The keys in use as a list of their own, or the list handed out last time when it holds the
   * same keys in the same order: products along a chain mostly carry the same keys, and they
   * then share one list.
   */
  #keyList(count: number): readonly string[] {
    const keys = this.#keys;
    const last = this.#lastKeys;
    if (last !== undefined && last.length === count) {
      let same = true;
      for (let i = 0; i < count && same; i++) same = last[i] === keys[i];
      if (same) return last;
    }
    const list = keys.slice(0, count);
    this.#lastKeys = list;
    return list;
  }
}

/**
 * Σ vectors + Σ k × vector, key by key: each product rounded once at working precision (as
 * `scaleVector` rounds it), the sums exact. The same numbers as `sumVectors` of the scaled
 * vectors, without building them: the solver's inner loop.
 */
export function combineVectors(vectors: readonly BurdenVector[], scaled: readonly { readonly vector: BurdenVector; readonly k: Decimal }[]): BurdenVector {
  const terms = new Terms();
  for (const vector of vectors) for (const [key, cell] of vector) terms.add(key, cell.mass, cell.co2e);
  for (const { vector, k } of scaled) terms.addScaled(vector, k);
  return terms.sums();
}

/**
 * Σ k × vector built term by term (`addScaled`, then `sums`): `combineVectors` for a caller that
 * has its vectors and factors in lists of its own, without a list of pairs made for the call.
 * After `sums` it is empty again, ready for the next combination.
 */
export function scaledSum(): { addScaled(vector: BurdenVector, k: Decimal): void; sums(): BurdenVector } {
  return new Terms();
}

/** A single term is its own sum (zero is the one zero). */
function alone(value: Decimal): Decimal {
  return value.isZero() ? ZERO : value;
}

/** Exact sum of values[from..to), without the wide-precision round trip for a single term. */
function sumOf(values: readonly Decimal[], from: number, to: number): Decimal {
  return to - from === 1 ? alone(values[from]!) : sumOfRange(values, from, to);
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
  return { mass, co2e: sameValue(cell) ? mass : scaledCO2e(cell.co2e, k) };
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
function scaledCO2e(co2e: Decimal, k: Decimal): Decimal {
  return co2e.isZero() ? ZERO : timesRounded(co2e, k);
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
