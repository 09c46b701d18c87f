import type { Decimal } from '../decimal/decimal.js';
import { timesRounded } from '../decimal/kernel.js';
import { NOT_POOLED, ZERO_REF, type WordPool } from '../decimal/pool.js';
import { EquationBase, type ProductEquation, type UnitLink } from './equation.js';
import { componentsOf, type CompressedGraph, type FlatComponents } from './scc.js';
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
const CTX_FIELDS = 9;
/** Words of pool memory a product takes, about (a chain of 10,000 processes: 190). */
const WORDS_PER_PRODUCT = 200;
/**
 * Of those, the words of its footprint (its sums and cells: 124 in that chain), which is what a
 * solve adds to a loaded layout. Memory reserved and not used still counts as memory outside the
 * heap, which the engine answers with collections: the median solve of that chain took 31.6 ms
 * with 130, 35 ms with 200.
 */
const FOOTPRINT_WORDS_PER_PRODUCT = 130;
/** And the words of its layout, what `prepare` alone takes (77 in that chain). */
export const LAYOUT_WORDS_PER_PRODUCT = 80;

/**
 * What `prepare` made for a system, kept with the compiled system (`withSweepLayout` in solve.ts)
 * so that each solve loads it into its pool instead of reading the system's Decimals and making
 * the equations again: the pool's words (the values of shares, amounts, link amounts and item
 * cells, the per-unit factors and coefficients, the context and lists), and the lists the sweep
 * reads on the JavaScript side. Read-only.
 */
export interface SweepLayout {
  /** The system's lists it was made from (a layout is used for that system only). */
  readonly processes: System['processes'];
  readonly products: System['products'];
  readonly words: Int32Array;
  readonly perUnit: Int32Array;
  readonly linkStart: Int32Array;
  readonly coefficients: Int32Array;
  readonly providers: Int32Array;
  readonly processOf: Int32Array;
  readonly itemStart: Int32Array;
  readonly itemCount: Int32Array;
  readonly keyNames: readonly string[];
  readonly context: number;
  readonly order: number;
  /** The products' strongly connected components (of `graph()`), in the order they are solved. */
  readonly components: FlatComponents;
}

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
 * there (a block of three words a cell: key id, mass and CO2e references), and this class makes
 * them the footprints' vectors.
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
  #perUnit: Int32Array;
  #linkStart: Int32Array;
  #coefficients: Int32Array = new Int32Array(0);
  // The provider of each of those links, and each product's process, as the pool's sweep reads them.
  #providers: Int32Array = new Int32Array(0);
  #processOf: Int32Array;
  readonly #equations: (ProductEquation | undefined)[] = [];

  #keyIds = new Map<string, number>();
  #keyNames: string[] = [];

  // Where the block of each process's direct item cells is, and how many, pooled in `prepare`
  // (−2: not yet, −1: not pooled); the pool's copy is what the sweep reads.
  #itemStart: Int32Array;
  #itemCount: Int32Array;

  /** Where the context is in the pool (see CTX_*), and a list for the products of a run. */
  #context = -1;
  #order = -1;
  /** Key lists made so far, by a hash of their key ids. */
  readonly #keyLists = new Map<number, (readonly string[])[]>();
  readonly #cells: PooledCells;
  /** A vector's cells' references, while they are made (references first, then the block). */
  #pending = new Int32Array(64);

  constructor(system: System, pool: WordPool) {
    this.#pool = pool;
    this.#system = system;
    const products = system.products.length;
    this.#perUnit = new Int32Array(products);
    this.#linkStart = new Int32Array(products + 1);
    this.#processOf = new Int32Array(products);
    this.#itemStart = new Int32Array(system.processes.length).fill(-2);
    this.#itemCount = new Int32Array(system.processes.length);
    this.#cells = new SweepCells(pool);
  }

  /**
   * The sweep as `prepare` leaves it, for `load` into the pools of later solves of the system:
   * the pool's words so far and the lists read on this side (shared: none changes after
   * `prepare`).
   */
  layout(): SweepLayout {
    return Object.freeze({
      components: componentsOf(this.graph()),
      processes: this.#system.processes,
      products: this.#system.products,
      words: this.#pool.image(),
      perUnit: this.#perUnit,
      linkStart: this.#linkStart,
      coefficients: this.#coefficients,
      providers: this.#providers,
      processOf: this.#processOf,
      itemStart: this.#itemStart,
      itemCount: this.#itemCount,
      keyNames: Object.freeze([...this.#keyNames]),
      context: this.#context,
      order: this.#order,
    });
  }

  /**
   * In place of `prepare`: the layout of an earlier `prepare` of the same system, its words
   * copied into this sweep's new pool (false when there is no memory for them, or the layout is
   * another system's).
   */
  load(layout: SweepLayout): boolean {
    if (layout.processes !== this.#system.processes || layout.products !== this.#system.products) return false;
    // Capped as `prepare`'s guess is: past it the memory grows as the footprints need it.
    if (!this.#pool.load(layout.words, Math.min(FOOTPRINT_WORDS_PER_PRODUCT * layout.products.length, 2 ** 28))) return false;
    this.#perUnit = layout.perUnit;
    this.#linkStart = layout.linkStart;
    this.#coefficients = layout.coefficients;
    this.#providers = layout.providers;
    this.#processOf = layout.processOf;
    this.#itemStart = layout.itemStart;
    this.#itemCount = layout.itemCount;
    // Adopted footprints may bring keys of their own: this solve's lists.
    this.#keyNames = [...layout.keyNames];
    this.#keyIds = new Map(this.#keyNames.map((key, id) => [key, id]));
    this.#context = layout.context;
    this.#order = layout.order;
    return true;
  }

  /**
   * Each product's per-unit factor share / amount and link coefficients amount × perUnit, each
   * rounded to 34 digits (as productEquations makes them), in the pool, and the sweep's lists.
   * The equations themselves are made when asked for (`equation`, `equations`): the solve reads
   * none of them, and making one object each was a tenth of a 10,000-process solve. False when
   * the pool has no memory for the lists (the caller then solves with Decimals).
   */
  prepare(wordsPerProduct = WORDS_PER_PRODUCT): boolean {
    const { products, processes } = this.#system;
    // A guess, and only that: memory grows as it is needed past it (by process, far past it).
    this.#pool.room(Math.min(wordsPerProduct * products.length, 2 ** 28));
    // Indexed loops: this runs once a solve, before the engine optimizes it, and an iterator's
    // results were then objects made and dropped for every product.
    let links = 0;
    for (let p = 0; p < products.length; p++) links += processes[products[p]!.process]!.links.length;
    this.#coefficients = new Int32Array(links);
    this.#providers = new Int32Array(links);
    // The operands' references: shares, amounts, then the links' amounts.
    const operands = new Int32Array(2 * products.length + links);
    const ref = this.#refOf();
    let at = 0;
    for (let p = 0; p < products.length; p++) {
      const product = products[p]!;
      operands[p] = ref(product.share);
      operands[products.length + p] = ref(product.amount);
      this.#processOf[p] = product.process;
      this.#linkStart[p] = at;
      const links = processes[product.process]!.links;
      for (let k = 0; k < links.length; k++, at++) {
        this.#providers[at] = links[k]!.provider;
        operands[2 * products.length + at] = ref(links[k]!.amount);
      }
      this.#linkStart[p + 1] = at;
      // The process's items while its objects are at hand (they were made together): in the
      // sweep's order instead, reading them took half as long again.
      if (this.#itemStart[product.process] === -2) this.#poolItems(product.process);
    }
    if (!this.#layOut()) return false;
    // Divisions and products in the pool, in one call; the ones it leaves to decimal.js after.
    const pool = this.#pool;
    const refs = pool.scratch(operands.length);
    if (refs < 0) return false;
    pool.words().set(operands, pool.base + refs);
    pool.equations(this.#context, refs, refs + products.length, refs + 2 * products.length, products.length);
    const words = pool.words();
    const list = (field: number) => pool.base + words[pool.base + this.#context + field]!;
    this.#perUnit.set(words.subarray(list(CTX_PER_UNIT), list(CTX_PER_UNIT) + products.length));
    this.#coefficients.set(words.subarray(list(CTX_COEFFICIENTS), list(CTX_COEFFICIENTS) + links));
    for (let p = 0; p < products.length; p++) this.#madeWithDecimals(p, ref);
    return true;
  }

  /**
   * Product p's per-unit factor and coefficients where the pool left them to decimal.js: made
   * as productEquations makes them, and pooled if they can be (NOT_POOLED if not).
   */
  #madeWithDecimals(p: number, ref: (x: Decimal) => number): void {
    const product = this.#system.products[p]!;
    if (this.#perUnit[p] === NOT_POOLED) {
      this.#perUnit[p] = ref(product.share.div(product.amount));
      this.#write(CTX_PER_UNIT, p, this.#perUnit[p]!);
    }
    if (this.#perUnit[p] === NOT_POOLED) return;
    const links = this.#system.processes[product.process]!.links;
    for (let l = this.#linkStart[p]!, k = 0; l < this.#linkStart[p + 1]!; l++, k++) {
      if (this.#coefficients[l] !== NOT_POOLED) continue;
      this.#coefficients[l] = this.#pool.ref(timesRounded(links[k]!.amount, this.perUnitOf(p)));
      this.#write(CTX_COEFFICIENTS, l, this.#coefficients[l]!);
    }
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
    return true;
  }

  /** Sets entry i of the context's list `field`. */
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
   * Solves products order[from], order[from + 1], … in turn, each one's providers solved (or
   * adopted) before it, their footprints into `footprints`; returns how many it solved before
   * one it leaves to the caller (order.length − from when none). A run starts with from 0; the
   * caller goes on after a stop with the same order and a later `from`.
   */
  solveRun(order: Int32Array, from: number, footprints: BurdenVector[]): number {
    const pool = this.#pool;
    // The run goes into the pool once: after a stop, the sweep goes on from where it was.
    if (from === 0) pool.words().set(order, pool.base + this.#order);
    const solved = pool.sweep(this.#context, this.#order + from, order.length - from);
    // Nothing grows the memory from here on: one view for the loop.
    const words = pool.words();
    const starts = pool.base + words[pool.base + this.#context + CTX_CELL_START]!;
    const counts = pool.base + words[pool.base + this.#context + CTX_CELL_COUNT]!;
    for (let i = 0; i < solved; i++) {
      const p = order[from + i]!;
      const start = words[starts + p]!;
      footprints[p] = pooledVector(this.#keyList(words, start, words[counts + p]!), this.#cells, start);
    }
    return solved;
  }

  /** Records a footprint solved another way (a loop, the Decimal path), for its users to read. */
  adopt(p: number, vector: BurdenVector): void {
    const block = this.#block([{ vector }]);
    if (block < 0) return;
    this.#write(CTX_CELL_START, p, block);
    this.#write(CTX_CELL_COUNT, p, this.#blockCells);
  }

  /** Pools the direct item cells of a process once; false when a value is not poolable. */
  #poolItems(process: number): void {
    const block = this.#block(this.#system.processes[process]!.items);
    this.#itemStart[process] = block < 0 ? -1 : block;
    this.#itemCount[process] = block < 0 ? 0 : this.#blockCells;
  }

  /** Cells in the last block made. */
  #blockCells = 0;

  /**
   * The cells of the vectors of `items`, in order, as a block in the pool: its index (and its
   * cell count in #blockCells), or −1 when a value is not poolable or there is no memory. The
   * references are made first: making one may take memory, and a block is written at once.
   */
  #block(items: readonly { readonly vector: BurdenVector }[]): number {
    let cells = 0;
    for (let v = 0; v < items.length; v++) cells += items[v]!.vector.size;
    if (this.#pending.length < 3 * cells) this.#pending = new Int32Array(Math.max(3 * cells, 2 * this.#pending.length));
    this.#pendingCells = 0;
    this.#allPooled = true;
    for (let v = 0; v < items.length && this.#allPooled; v++) {
      // Most direct items have one cell: read it straight (forEachCell serves every kind of
      // vector, and the rest of the library's uses of it made it slower here).
      const vector = items[v]!.vector;
      const one = singleCell(vector);
      if (one === undefined) forEachCell(vector, this.#visitCell);
      else this.#visitCell(one.mass, one.co2e, one.key);
    }
    if (!this.#allPooled) return -1;
    this.#blockCells = this.#pendingCells;
    // No cells, no block: index 0 (zero's place) with a count of 0, never read.
    if (this.#pendingCells === 0) return 0;
    const block = this.#pool.scratch(3 * this.#pendingCells);
    if (block < 0) return -1;
    // A loop, not `set` of a subarray: blocks are a few words, and a view each was most of what
    // pooling the items allocated.
    const words = this.#pool.words();
    const at = this.#pool.base + block;
    for (let i = 0; i < 3 * this.#pendingCells; i++) words[at + i] = this.#pending[i]!;
    return block;
  }

  // `#block` hands one visitor (made once) its flag and count through these fields: a closure
  // per vector was a good part of the sweep's garbage.
  #pendingCells = 0;
  #allPooled = true;
  readonly #visitCell = (mass: Decimal, co2e: Decimal, key: string): void => {
    if (!this.#allPooled) return;
    const massRef = this.#pool.ref(mass);
    const co2eRef = co2e === mass ? massRef : this.#pool.ref(co2e);
    // Two zeros that are different Decimals have one reference (ZERO_REF), but the cell is not
    // shared for the Decimal path (it compares the Decimals): such a block is left to it.
    if (massRef === NOT_POOLED || co2eRef === NOT_POOLED || (co2eRef === massRef && co2e !== mass)) {
      this.#allPooled = false;
      return;
    }
    const at = 3 * this.#pendingCells++;
    this.#pending[at] = this.#keyId(key);
    this.#pending[at + 1] = massRef;
    this.#pending[at + 2] = co2eRef;
  };

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
  #keyList(words: Int32Array, start: number, count: number): readonly string[] {
    const keys = this.#pool.base + start;
    let hash = count;
    for (let s = 0; s < count; s++) hash = (Math.imul(hash, 31) + words[keys + 3 * s]!) | 0;
    const bucket = this.#keyLists.get(hash);
    if (bucket !== undefined) {
      for (const list of bucket) if (this.#sameKeys(list, words, keys, count)) return list;
    }
    const list = new Array<string>(count);
    for (let s = 0; s < count; s++) list[s] = this.#keyNames[words[keys + 3 * s]!]!;
    if (bucket === undefined) this.#keyLists.set(hash, [list]);
    else bucket.push(list);
    return list;
  }

  #sameKeys(list: readonly string[], words: Int32Array, keys: number, count: number): boolean {
    if (list.length !== count) return false;
    for (let s = 0; s < count; s++) if (list[s] !== this.#keyNames[words[keys + 3 * s]!]) return false;
    return true;
  }
}

/** Footprint cells in the pool, for packed vectors to read: blocks of three words a cell. */
class SweepCells implements PooledCells {
  constructor(readonly pool: WordPool) {}

  massRef(block: number, i: number): number {
    return this.pool.words()[this.pool.base + block + 3 * i + 1]!;
  }

  co2eRef(block: number, i: number): number {
    return this.pool.words()[this.pool.base + block + 3 * i + 2]!;
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
