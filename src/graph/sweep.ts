import type { Decimal } from '../decimal/decimal.js';
import { timesRounded } from '../decimal/kernel.js';
import { NOT_POOLED, ZERO_REF, type WordPool } from '../decimal/pool.js';
import { EquationBase, type ProductEquation, type UnitLink } from './equation.js';
import type { CompressedGraph } from './scc.js';
import type { Link, System, SystemProcess } from './system.js';
import { forEachCell, pooledVector, singleCell, type BurdenVector, type PooledCells } from './vector.js';

/**
 * The acyclic part of the solve on pooled values (src/decimal/pool.ts): a product's footprint
 * is Σ perUnit × direct item + Σ coefficient × footprint of its provider, key by key, each
 * product rounded to 34 digits and the sums exact — the same cells, keys, key order and Decimals
 * as the Decimal path in solve.ts (`Terms` in vector.ts), which test/graph/acyclicSweep.prop.test.ts checks on
 * random models. Footprints stay pooled: their cells are made into Decimals when read.
 *
 * The equations come from here too (`equations`): per-unit factors share / amount and link
 * coefficients amount × perUnit in the pool, made into Decimals only when an equation is read.
 *
 * `solve(p)` gives undefined when a value or a sum is one the pool leaves to decimal.js (operands
 * over 40 words, exponents past 10^7 digits, terms over 280 words apart); the caller then takes the Decimal
 * path and hands the result back with `adopt`, as it does for products solved inside loops.
 */
export class AcyclicSweep {
  readonly #pool: WordPool;
  readonly #system: System;
  // Per product: the reference of its per-unit factor, and where its links' coefficients start
  // in #coefficients (one per link of its process, in order); NOT_POOLED where decimal.js made them.
  readonly #perUnit: Int32Array;
  readonly #linkStart: Int32Array;
  #coefficients = new Int32Array(0);
  // The provider of each of those links, and each product's process: the sweep reads these
  // flat lists, not the system's objects (chasing them was a good part of its time).
  #providers = new Int32Array(0);
  readonly #processOf: Int32Array;
  readonly #equations: (ProductEquation | undefined)[] = [];

  readonly #keyIds = new Map<string, number>();
  readonly #keyNames: string[] = [];

  // Footprint cells of each product solved so far: from #cellStart[p], #cellCount[p] of them
  // (start −1: not pooled), each a key id and the references of its mass and CO2e.
  readonly #cellStart: Int32Array;
  readonly #cellCount: Int32Array;
  readonly #cells: Cells;
  // Direct item cells of each process, pooled when its first product is solved (start −2: not
  // yet, −1: not pooled).
  readonly #itemStart: Int32Array;
  readonly #itemCount: Int32Array;
  readonly #items: Cells;

  // One product's terms: slot, mass, CO2e and factor references.
  #termSlot = new Int32Array(64);
  #termMass = new Int32Array(64);
  #termCo2e = new Int32Array(64);
  #termFactor = new Int32Array(64);
  #terms = 0;
  // Slots: keys in the order they first appear among the terms (as `Terms` numbers them).
  #slotOfKey = new Int32Array(16);
  #slotStamp = new Int32Array(16);
  #stamp = 0;
  #slotKey = new Int32Array(16);
  #slotShared = new Uint8Array(16);
  #slotCount = 0;
  /** End of each slot's group of terms in the pool's term lists. */
  #groupEnd = new Int32Array(17);
  /** Key lists made so far, by a hash of their key ids. */
  readonly #keyLists = new Map<number, (readonly string[])[]>();

  constructor(system: System, pool: WordPool) {
    this.#pool = pool;
    this.#system = system;
    const products = system.products.length;
    // Room for a few cells a product (item) from the start: growing by doubling from a small list
    // copied each list several times over.
    this.#cells = new Cells(this.#pool, 8 * products);
    this.#items = new Cells(this.#pool, 4 * system.processes.length);
    this.#perUnit = new Int32Array(products);
    this.#linkStart = new Int32Array(products + 1);
    this.#processOf = new Int32Array(products);
    this.#cellStart = new Int32Array(products).fill(-1);
    this.#cellCount = new Int32Array(products);
    this.#itemStart = new Int32Array(system.processes.length).fill(-2);
    this.#itemCount = new Int32Array(system.processes.length);
  }

  /**
   * Each product's per-unit factor share / amount and link coefficients amount × perUnit, each
   * rounded to 34 digits (as productEquations makes them), in the pool. The equations themselves
   * are made when asked for (`equation`, `equations`): the solve reads none of them, and making
   * one object each was a tenth of a 10,000-process solve.
   */
  prepare(): void {
    const { products, processes } = this.#system;
    // Indexed loops: this runs once a solve, before the engine optimizes it, and an iterator's
    // results were then objects made and dropped for every product.
    let links = 0;
    for (let p = 0; p < products.length; p++) links += processes[products[p]!.process]!.links.length;
    this.#coefficients = new Int32Array(links);
    this.#providers = new Int32Array(links);
    const ref = this.#refOf();
    let at = 0;
    for (let p = 0; p < products.length; p++) {
      const product = products[p]!;
      let perUnit = this.#pool.quotient(ref(product.share), ref(product.amount));
      if (perUnit === NOT_POOLED) perUnit = ref(product.share.div(product.amount));
      this.#perUnit[p] = perUnit;
      this.#processOf[p] = product.process;
      this.#linkStart[p] = at;
      const links = processes[product.process]!.links;
      for (let k = 0; k < links.length; k++, at++) {
        const link = links[k]!;
        this.#providers[at] = link.provider;
        this.#coefficients[at] = this.#coefficient(ref(link.amount), perUnit, link.amount, p);
      }
      this.#linkStart[p + 1] = at;
    }
  }

  /** Each product's providers, as the graph of its links (after `prepare`). */
  graph(): CompressedGraph {
    return { start: this.#linkStart, targets: this.#providers };
  }

  /** Product p's equation (after `prepare`), made once. */
  equation(p: number): ProductEquation {
    return (this.#equations[p] ??= new PooledEquation(this.#system.processes[this.#system.products[p]!.process]!, p, this));
  }

  /** Every product's equation, in product order. */
  equations(): ProductEquation[] {
    return this.#system.products.map((_, p) => this.equation(p));
  }

  /** amount × perUnit rounded, in the pool where both are (NOT_POOLED otherwise). */
  #coefficient(amount: number, perUnit: number, amountValue: Decimal, p: number): number {
    if (amount !== NOT_POOLED && perUnit !== NOT_POOLED) {
      const k = this.#pool.timesRounded(amount, perUnit);
      if (k !== NOT_POOLED) return k;
    }
    return perUnit === NOT_POOLED ? NOT_POOLED : this.#pool.ref(timesRounded(amountValue, this.perUnitOf(p)));
  }

  /** The pool reference of a Decimal, the last one given again when it is the same (shares of 1). */
  #refOf(): (x: Decimal) => number {
    let last: Decimal | undefined;
    let lastRef = NOT_POOLED;
    return (x) => {
      if (x !== last) {
        last = x;
        lastRef = this.#pool.ref(x);
      }
      return lastRef;
    };
  }

  /**
   * Product p's per-unit factor as a Decimal (equations read it when asked). Zero is made as the
   * Decimal path makes it: decimal.js keeps the sign of a zero (−0 for a negative amount), the
   * pool does not.
   */
  perUnitOf(p: number): Decimal {
    const ref = this.#perUnit[p]!;
    if (ref !== NOT_POOLED && ref !== ZERO_REF) return this.#pool.decimal(ref) as Decimal;
    const product = this.#system.products[p]!;
    return product.share.div(product.amount);
  }

  /** Coefficient k of product p's links as a Decimal (zero as perUnitOf makes it). */
  coefficientOf(p: number, k: number, link: Link): Decimal {
    const ref = this.#coefficients[this.#linkStart[p]! + k]!;
    return ref === NOT_POOLED || ref === ZERO_REF ? timesRounded(link.amount, this.perUnitOf(p)) : (this.#pool.decimal(ref) as Decimal);
  }

  /** Product p's footprint, its providers solved (or adopted) before; undefined: use Decimals. */
  solve(p: number): BurdenVector | undefined {
    const perUnit = this.#perUnit[p]!;
    if (perUnit === NOT_POOLED) return undefined;
    this.#terms = 0;
    this.#slotCount = 0;
    this.#stamp++;
    // A zero factor scales a vector to nothing: its keys do not appear (as `addScaled` skips it).
    if (perUnit !== ZERO_REF) {
      const process = this.#processOf[p]!;
      if (!this.#poolItems(process)) return undefined;
      const items = this.#items;
      const end = this.#itemStart[process]! + this.#itemCount[process]!;
      for (let c = this.#itemStart[process]!; c < end; c++) this.#addTerm(items.key[c]!, items.mass[c]!, items.co2e[c]!, perUnit);
    }
    const cells = this.#cells;
    const last = this.#linkStart[p + 1]!;
    for (let l = this.#linkStart[p]!; l < last; l++) {
      const k = this.#coefficients[l]!;
      if (k === ZERO_REF) continue;
      const provider = this.#providers[l]!;
      const start = this.#cellStart[provider]!;
      if (start === -1 || k === NOT_POOLED) return undefined;
      const end = start + this.#cellCount[provider]!;
      for (let c = start; c < end; c++) this.#addTerm(cells.key[c]!, cells.mass[c]!, cells.co2e[c]!, k);
    }
    return this.#sums(p);
  }

  /** Records a footprint solved another way (a loop, the Decimal path), for its users to read. */
  adopt(p: number, vector: BurdenVector): void {
    const start = this.#cells.length;
    if (!this.#pushCells(this.#cells, vector)) return;
    this.#cellStart[p] = start;
    this.#cellCount[p] = this.#cells.length - start;
  }

  /** Pools the direct item cells of a process once; false when a value is not poolable. */
  #poolItems(process: number): boolean {
    if (this.#itemStart[process] !== -2) return this.#itemStart[process] !== -1;
    const items = this.#items;
    const start = items.length;
    let pooled = true;
    const processItems = this.#system.processes[process]!.items;
    for (let i = 0; i < processItems.length; i++) if (!this.#pushCells(items, processItems[i]!.vector)) pooled = false;
    if (!pooled) items.length = start;
    this.#itemStart[process] = pooled ? start : -1;
    this.#itemCount[process] = items.length - start;
    return pooled;
  }

  // `#pushCells` hands one visitor (made once) its list and flag through these fields: a closure
  // per vector was a good part of the sweep's garbage.
  #target: Cells | undefined;
  #allPooled = true;
  readonly #visitCell = (mass: Decimal, co2e: Decimal, key: string): void => {
    const massRef = this.#pool.ref(mass);
    const co2eRef = co2e === mass ? massRef : this.#pool.ref(co2e);
    if (massRef === NOT_POOLED || co2eRef === NOT_POOLED) this.#allPooled = false;
    this.#target!.push(this.#keyId(key), massRef, co2eRef);
  };

  /** Appends the cells of `vector` to `list`; false (and nothing appended) when one is not poolable. */
  #pushCells(list: Cells, vector: BurdenVector): boolean {
    // Most direct items have one cell: read it straight (forEachCell serves every kind of vector,
    // and the rest of the library's uses of it made it slower here).
    const one = singleCell(vector);
    if (one !== undefined) {
      const mass = this.#pool.ref(one.mass);
      const co2e = one.co2e === one.mass ? mass : this.#pool.ref(one.co2e);
      if (mass === NOT_POOLED || co2e === NOT_POOLED) return false;
      list.push(this.#keyId(one.key), mass, co2e);
      return true;
    }
    const start = list.length;
    this.#target = list;
    this.#allPooled = true;
    forEachCell(vector, this.#visitCell);
    if (!this.#allPooled) list.length = start;
    return this.#allPooled;
  }

  #keyId(key: string): number {
    let id = this.#keyIds.get(key);
    if (id === undefined) {
      id = this.#keyNames.length;
      this.#keyIds.set(key, id);
      this.#keyNames.push(key);
      if (id >= this.#slotOfKey.length) {
        this.#slotOfKey = grown(this.#slotOfKey, id + 1);
        this.#slotStamp = grown(this.#slotStamp, id + 1);
      }
    }
    return id;
  }

  #addTerm(key: number, mass: number, co2e: number, factor: number): void {
    let slot: number;
    if (this.#slotStamp[key] === this.#stamp) slot = this.#slotOfKey[key]!;
    else {
      slot = this.#slotCount++;
      if (slot >= this.#slotKey.length) {
        this.#slotKey = grown(this.#slotKey, slot + 1);
        this.#slotShared = grown(this.#slotShared, slot + 1);
        this.#groupEnd = grown(this.#groupEnd, slot + 2);
      }
      this.#slotStamp[key] = this.#stamp;
      this.#slotOfKey[key] = slot;
      this.#slotKey[slot] = key;
      this.#slotShared[slot] = 1;
    }
    // A slot's CO2e is its mass exactly when every term's is (one value for both, as in `Terms`).
    if (co2e !== mass) this.#slotShared[slot] = 0;
    const t = this.#terms++;
    if (t >= this.#termSlot.length) this.#growTerms(t + 1);
    this.#termSlot[t] = slot;
    this.#termMass[t] = mass;
    this.#termCo2e[t] = co2e;
    this.#termFactor[t] = factor;
  }

  #growTerms(size: number): void {
    this.#termSlot = grown(this.#termSlot, size);
    this.#termMass = grown(this.#termMass, size);
    this.#termCo2e = grown(this.#termCo2e, size);
    this.#termFactor = grown(this.#termFactor, size);
  }

  /** The terms summed slot by slot into product p's footprint cells; undefined: use Decimals. */
  #sums(p: number): BurdenVector | undefined {
    const pool = this.#pool;
    const slots = this.#slotCount;
    const end = this.#group();
    if (end === undefined) return undefined;
    // The sums go straight into the cells; product p's footprint is those cells.
    const cells = this.#cells;
    const start = cells.length;
    for (let s = 0; s < slots; s++) {
      const from = s === 0 ? 0 : end[s - 1]!;
      const to = end[s]!;
      const mass = pool.sumTerms(0, from, to);
      const co2e = this.#slotShared[s] === 1 ? mass : pool.sumTerms(1, from, to);
      if (mass === NOT_POOLED || co2e === NOT_POOLED) {
        cells.length = start;
        return undefined;
      }
      cells.push(this.#slotKey[s]!, mass, co2e);
    }
    this.#cellStart[p] = start;
    this.#cellCount[p] = slots;
    return pooledVector(this.#keyList(slots), cells, start);
  }

  /**
   * Groups the terms by slot (a stable counting sort) into the pool's term lists; returns the
   * end of each group, or undefined when the pool has no room for the lists.
   */
  #group(): Int32Array | undefined {
    const slots = this.#slotCount;
    const terms = this.#terms;
    const lists = this.#pool.termLists(terms);
    if (lists === undefined) return undefined;
    const { mass, co2e, factor } = lists;
    const end = this.#groupEnd;
    const slotOf = this.#termSlot;
    end.fill(0, 0, slots + 1);
    for (let t = 0; t < terms; t++) end[slotOf[t]! + 1]!++;
    for (let s = 0; s < slots; s++) end[s + 1]! += end[s]!;
    // end[s] is now where group s starts; placing the terms moves it to where the group ends.
    for (let t = 0; t < terms; t++) {
      const at = end[slotOf[t]!]!++;
      mass[at] = this.#termMass[t]!;
      co2e[at] = this.#termCo2e[t]!;
      factor[at] = this.#termFactor[t]!;
    }
    return end;
  }

  /**
   * The key names of the slots: one list for every product with the same keys in the same order
   * (a model has few such orders; a list for each product was a third of what a solve allocated).
   */
  #keyList(slots: number): readonly string[] {
    let hash = slots;
    for (let s = 0; s < slots; s++) hash = (Math.imul(hash, 31) + this.#slotKey[s]!) | 0;
    const bucket = this.#keyLists.get(hash);
    if (bucket !== undefined) {
      for (const list of bucket) if (this.#sameKeys(list, slots)) return list;
    }
    const list = new Array<string>(slots);
    for (let s = 0; s < slots; s++) list[s] = this.#keyNames[this.#slotKey[s]!]!;
    if (bucket === undefined) this.#keyLists.set(hash, [list]);
    else bucket.push(list);
    return list;
  }

  #sameKeys(list: readonly string[], slots: number): boolean {
    if (list.length !== slots) return false;
    for (let s = 0; s < slots; s++) if (list[s] !== this.#keyNames[this.#slotKey[s]!]) return false;
    return true;
  }
}

/** Growable lists of cells side by side: key id, mass reference, CO2e reference. */
class Cells implements PooledCells {
  key: Int32Array;
  mass: Int32Array;
  co2e: Int32Array;
  length = 0;

  constructor(
    readonly pool: WordPool,
    capacity: number,
  ) {
    const size = Math.max(256, capacity);
    this.key = new Int32Array(size);
    this.mass = new Int32Array(size);
    this.co2e = new Int32Array(size);
  }

  push(key: number, mass: number, co2e: number): void {
    const at = this.length++;
    if (at >= this.key.length) {
      this.key = grown(this.key, at + 1);
      this.mass = grown(this.mass, at + 1);
      this.co2e = grown(this.co2e, at + 1);
    }
    this.key[at] = key;
    this.mass[at] = mass;
    this.co2e[at] = co2e;
  }
}

/**
 * An equation of the sweep: its per-unit factor and coefficients made into Decimals when read.
 * `links` and `perUnit` are own enumerable properties, as on the Decimal path's equations (a
 * spread or JSON of an equation has them), with getters shared by all (no closure each).
 */
class PooledEquation extends EquationBase {
  declare readonly links: readonly UnitLink[];
  declare readonly perUnit: Decimal;
  readonly #processLinks: readonly Link[];
  readonly #index: number;
  readonly #sweep: AcyclicSweep;
  #links: readonly UnitLink[] | undefined;
  #perUnit: Decimal | undefined;

  constructor(process: SystemProcess, index: number, sweep: AcyclicSweep) {
    super(process.items);
    this.#processLinks = process.links;
    this.#index = index;
    this.#sweep = sweep;
    Object.defineProperties(this, POOLED_EQUATION_PROPERTIES);
  }

  static linksOf(eq: PooledEquation): readonly UnitLink[] {
    return (eq.#links ??= eq.#processLinks.map((link, k) => ({ link, provider: link.provider, coefficient: eq.#sweep.coefficientOf(eq.#index, k, link) })));
  }

  static perUnitOf(eq: PooledEquation): Decimal {
    return (eq.#perUnit ??= eq.#sweep.perUnitOf(eq.#index));
  }
}

const POOLED_EQUATION_PROPERTIES: PropertyDescriptorMap = {
  links: {
    get(this: PooledEquation) {
      return PooledEquation.linksOf(this);
    },
    enumerable: true,
  },
  perUnit: {
    get(this: PooledEquation) {
      return PooledEquation.perUnitOf(this);
    },
    enumerable: true,
  },
};

/** A copy of `array` with room for at least `size` elements (doubling, so growth is amortized). */
function grown<T extends Int32Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(size, 2 * array.length));
  bigger.set(array);
  return bigger;
}
