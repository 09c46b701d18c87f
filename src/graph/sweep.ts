import type { Decimal } from '../decimal/decimal.js';
import { timesRounded } from '../decimal/kernel.js';
import { NOT_POOLED, ZERO_REF, type WordPool } from '../decimal/pool.js';
import { EquationBase, type ProductEquation, type UnitLink } from './equation.js';
import type { CompressedGraph } from './scc.js';
import type { Link, System, SystemProcess } from './system.js';
import { forEachCell, pooledVector, singleCell, type BurdenVector, type PooledCells } from './vector.js';

// The sweep's context in the pool (pool.c, "The acyclic sweep"): indices of its lists.
const CTX_PER_UNIT = 0;
const CTX_PROCESS_OF = 1;
const CTX_LINK_START = 2;
const CTX_PROVIDERS = 3;
const CTX_COEFFICIENTS = 4;
const CTX_ITEM_START = 5;
const CTX_ITEM_COUNT = 6;
const CTX_CELL_START = 7;
const CTX_CELL_COUNT = 8;
/** The list of items' cells, and of footprints' cells: five fields each from here. */
const CTX_ITEMS = 9;
const CTX_CELLS = 14;
const LIST_KEY = 0;
const LIST_MASS = 1;
const LIST_CO2E = 2;
const LIST_USED = 3;
const CTX_FIELDS = 19;

/**
 * The acyclic part of the solve on pooled values (src/decimal/pool.ts): a product's footprint
 * is Σ perUnit × direct item + Σ coefficient × footprint of its provider, key by key, each
 * product rounded to 34 digits and the sums exact — the same cells, keys, key order and Decimals
 * as the Decimal path in solve.ts (`Terms` in vector.ts), which test/graph/acyclicSweep.prop.test.ts
 * checks on random models. Footprints stay pooled: their cells are made into Decimals when read.
 *
 * The equations come from here too (`prepare`): per-unit factors share / amount and link
 * coefficients amount × perUnit in the pool, made into Decimals only when an equation is read.
 * The sweep itself runs in the pool's module (pool.c `sweep`), a run of products in one call,
 * on lists this class lays out in the pool's memory; it writes each product's footprint cells
 * there, and this class makes them the footprints' vectors.
 *
 * `solveRun` stops at a product with a value or a sum the pool leaves to decimal.js (operands
 * over 40 words, exponents past 10^7 digits, terms over 280 words apart); the caller takes the
 * Decimal path for it and hands the result back with `adopt`, as it does for products solved
 * inside loops.
 */
export class AcyclicSweep {
  readonly #pool: WordPool;
  readonly #system: System;
  // Per product: the reference of its per-unit factor, and where its links' coefficients start
  // in #coefficients (one per link of its process, in order); NOT_POOLED where decimal.js made them.
  readonly #perUnit: Int32Array;
  readonly #linkStart: Int32Array;
  #coefficients = new Int32Array(0);
  // The provider of each of those links, and each product's process, as the pool's sweep reads them.
  #providers = new Int32Array(0);
  readonly #processOf: Int32Array;
  readonly #equations: (ProductEquation | undefined)[] = [];

  readonly #keyIds = new Map<string, number>();
  readonly #keyNames: string[] = [];

  // Direct item cells of each process, pooled before the first of its products is swept
  // (start −2: not yet, −1: not pooled); the pool's copy is what the sweep reads.
  readonly #itemStart: Int32Array;
  readonly #itemCount: Int32Array;

  /** Where the context is in the pool (see CTX_*), and a list for the products of a run. */
  #context = -1;
  #order = -1;
  /** Key lists made so far, by a hash of their key ids. */
  readonly #keyLists = new Map<number, (readonly string[])[]>();
  readonly #cells: PooledCells;

  constructor(system: System, pool: WordPool) {
    this.#pool = pool;
    this.#system = system;
    const products = system.products.length;
    this.#perUnit = new Int32Array(products);
    this.#linkStart = new Int32Array(products + 1);
    this.#processOf = new Int32Array(products);
    this.#itemStart = new Int32Array(system.processes.length).fill(-2);
    this.#itemCount = new Int32Array(system.processes.length);
    this.#cells = new SweepCells(pool, () => this.#field(CTX_CELLS + LIST_MASS), () => this.#field(CTX_CELLS + LIST_CO2E));
  }

  /**
   * Each product's per-unit factor share / amount and link coefficients amount × perUnit, each
   * rounded to 34 digits (as productEquations makes them), in the pool, and the sweep's lists.
   * The equations themselves are made when asked for (`equation`, `equations`): the solve reads
   * none of them, and making one object each was a tenth of a 10,000-process solve. False when
   * the pool has no memory for the lists (the caller then solves with Decimals).
   */
  prepare(): boolean {
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
    return this.#layOut();
  }

  /** The context and the lists the pool's sweep reads, in its memory. */
  #layOut(): boolean {
    const pool = this.#pool;
    const products = this.#perUnit.length;
    const lists: [number, Int32Array | number][] = [
      [CTX_PER_UNIT, this.#perUnit],
      [CTX_PROCESS_OF, this.#processOf],
      [CTX_LINK_START, this.#linkStart],
      [CTX_PROVIDERS, this.#providers],
      [CTX_COEFFICIENTS, this.#coefficients],
      [CTX_ITEM_START, this.#itemStart],
      [CTX_ITEM_COUNT, this.#itemCount],
      [CTX_CELL_START, products],
      [CTX_CELL_COUNT, products],
    ];
    let size = CTX_FIELDS + products;
    for (const [, list] of lists) size += typeof list === 'number' ? list : list.length;
    const at = pool.scratch(size);
    if (at < 0) return false;
    this.#context = at;
    this.#order = at + CTX_FIELDS;
    const words = pool.words();
    const base = pool.base;
    let next = this.#order + products;
    for (const [field, list] of lists) {
      words[base + at + field] = next;
      if (typeof list === 'number') {
        words.fill(-1, base + next, base + next + list);
        next += list;
      } else {
        words.set(list, base + next);
        next += list.length;
      }
    }
    // The lists of cells start empty: the pool's `room` makes them. Processes' item starts are
    // −2 in the pool too (not yet pooled), as in #itemStart.
    words.fill(0, base + at + CTX_ITEMS, base + at + CTX_FIELDS);
    return true;
  }

  /** Context field `field`, as the pool has it now. */
  #field(field: number): number {
    return this.#pool.words()[this.#pool.base + this.#context + field]!;
  }

  /** Word `i` of the list at context field `field`. */
  #read(field: number, i: number): number {
    const words = this.#pool.words();
    const base = this.#pool.base;
    return words[base + words[base + this.#context + field]! + i]!;
  }

  #write(field: number, i: number, value: number): void {
    const words = this.#pool.words();
    const base = this.#pool.base;
    words[base + words[base + this.#context + field]! + i] = value;
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

  /**
   * Solves products order[0], order[1], … in turn, each one's providers solved (or adopted)
   * before it, their footprints into `footprints`; returns how many it solved before one it
   * leaves to the caller (order.length when none).
   */
  solveRun(order: Int32Array, footprints: BurdenVector[]): number {
    // The items of each product's process go into the pool first: the sweep reads them there.
    for (let i = 0; i < order.length; i++) {
      const p = order[i]!;
      const perUnit = this.#perUnit[p]!;
      if (perUnit !== NOT_POOLED && perUnit !== ZERO_REF) this.#poolItems(this.#processOf[p]!);
    }
    const pool = this.#pool;
    pool.words().set(order, pool.base + this.#order);
    const solved = pool.sweep(this.#context, this.#order, order.length);
    for (let i = 0; i < solved; i++) {
      const p = order[i]!;
      const start = this.#read(CTX_CELL_START, p);
      footprints[p] = pooledVector(this.#keyList(start, this.#read(CTX_CELL_COUNT, p)), this.#cells, start);
    }
    return solved;
  }

  /** Records a footprint solved another way (a loop, the Decimal path), for its users to read. */
  adopt(p: number, vector: BurdenVector): void {
    const start = this.#field(CTX_CELLS + LIST_USED);
    if (!this.#pushCells(CTX_CELLS, vector)) return;
    this.#write(CTX_CELL_START, p, start);
    this.#write(CTX_CELL_COUNT, p, this.#field(CTX_CELLS + LIST_USED) - start);
  }

  /** Pools the direct item cells of a process once; false when a value is not poolable. */
  #poolItems(process: number): boolean {
    if (this.#itemStart[process] !== -2) return this.#itemStart[process] !== -1;
    const start = this.#field(CTX_ITEMS + LIST_USED);
    let pooled = true;
    const processItems = this.#system.processes[process]!.items;
    for (let i = 0; i < processItems.length && pooled; i++) pooled = this.#pushCells(CTX_ITEMS, processItems[i]!.vector);
    if (!pooled) this.#setUsed(CTX_ITEMS, start);
    const count = this.#field(CTX_ITEMS + LIST_USED) - start;
    this.#itemStart[process] = pooled ? start : -1;
    this.#itemCount[process] = count;
    this.#write(CTX_ITEM_START, process, this.#itemStart[process]!);
    this.#write(CTX_ITEM_COUNT, process, count);
    return pooled;
  }

  #setUsed(list: number, used: number): void {
    this.#pool.words()[this.#pool.base + this.#context + list + LIST_USED] = used;
  }

  // `#pushCells` hands one visitor (made once) its list and flag through these fields: a closure
  // per vector was a good part of the sweep's garbage.
  #target = CTX_CELLS;
  #allPooled = true;
  readonly #visitCell = (mass: Decimal, co2e: Decimal, key: string): void => {
    if (!this.#allPooled) return;
    const massRef = this.#pool.ref(mass);
    const co2eRef = co2e === mass ? massRef : this.#pool.ref(co2e);
    if (massRef === NOT_POOLED || co2eRef === NOT_POOLED) this.#allPooled = false;
    else this.#pushCell(this.#target, this.#keyId(key), massRef, co2eRef);
  };

  /** Appends the cells of `vector` to a list of cells; false (and nothing appended) when one is not poolable. */
  #pushCells(list: number, vector: BurdenVector): boolean {
    // Most direct items have one cell: read it straight (forEachCell serves every kind of vector,
    // and the rest of the library's uses of it made it slower here).
    const one = singleCell(vector);
    if (one !== undefined) {
      const mass = this.#pool.ref(one.mass);
      const co2e = one.co2e === one.mass ? mass : this.#pool.ref(one.co2e);
      return mass !== NOT_POOLED && co2e !== NOT_POOLED && this.#pushCell(list, this.#keyId(one.key), mass, co2e);
    }
    const start = this.#field(list + LIST_USED);
    this.#target = list;
    this.#allPooled = true;
    forEachCell(vector, this.#visitCell);
    if (!this.#allPooled) this.#setUsed(list, start);
    return this.#allPooled;
  }

  /** Appends one cell to a list of cells (its references made before: they may move the lists). */
  #pushCell(list: number, key: number, mass: number, co2e: number): boolean {
    const pool = this.#pool;
    if (!pool.room(this.#context, list, 1)) {
      this.#allPooled = false;
      return false;
    }
    const words = pool.words();
    const fields = pool.base + this.#context + list;
    const at = words[fields + LIST_USED]!;
    words[pool.base + words[fields + LIST_KEY]! + at] = key;
    words[pool.base + words[fields + LIST_MASS]! + at] = mass;
    words[pool.base + words[fields + LIST_CO2E]! + at] = co2e;
    words[fields + LIST_USED] = at + 1;
    return true;
  }

  #keyId(key: string): number {
    let id = this.#keyIds.get(key);
    if (id === undefined) {
      id = this.#keyNames.length;
      this.#keyIds.set(key, id);
      this.#keyNames.push(key);
    }
    return id;
  }

  /**
   * The key names of footprint cells [start, start + count): one list for every product with the
   * same keys in the same order (a model has few such orders; a list for each product was a third
   * of what a solve allocated).
   */
  #keyList(start: number, count: number): readonly string[] {
    const words = this.#pool.words();
    const keys = this.#pool.base + words[this.#pool.base + this.#context + CTX_CELLS + LIST_KEY]! + start;
    let hash = count;
    for (let s = 0; s < count; s++) hash = (Math.imul(hash, 31) + words[keys + s]!) | 0;
    const bucket = this.#keyLists.get(hash);
    if (bucket !== undefined) {
      for (const list of bucket) if (this.#sameKeys(list, words, keys, count)) return list;
    }
    const list = new Array<string>(count);
    for (let s = 0; s < count; s++) list[s] = this.#keyNames[words[keys + s]!]!;
    if (bucket === undefined) this.#keyLists.set(hash, [list]);
    else bucket.push(list);
    return list;
  }

  #sameKeys(list: readonly string[], words: Int32Array, keys: number, count: number): boolean {
    if (list.length !== count) return false;
    for (let s = 0; s < count; s++) if (list[s] !== this.#keyNames[words[keys + s]!]) return false;
    return true;
  }
}

/** The footprints' cells in the pool, for packed vectors to read (the lists move as they grow). */
class SweepCells implements PooledCells {
  constructor(
    readonly pool: WordPool,
    readonly massList: () => number,
    readonly co2eList: () => number,
  ) {}

  massRef(i: number): number {
    return this.pool.words()[this.pool.base + this.massList() + i]!;
  }

  co2eRef(i: number): number {
    return this.pool.words()[this.pool.base + this.co2eList() + i]!;
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
