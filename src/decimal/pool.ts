/**
 * Decimals kept as words in flat typed arrays, and the one operation the acyclic sweep repeats
 * hundreds of thousands of times on them: the exact sum of products each rounded to 34 digits.
 * A value is a small integer (a reference); its words sit in one Float64Array, its sign and
 * exponent in typed arrays beside it. Nothing is allocated per value or per product, which in
 * the Decimal form (an object and a word array for each) was most of the solve's time and of its
 * garbage collection.
 *
 * The words are decimal.js's own (base 1e7, aligned to the decimal point), so a value becomes a
 * Decimal by copying them (`decimal`), and the sums are the very Decimals that
 * `sumOfRoundedProducts` in kernel.ts gives for the same operands: the same bounds, the same
 * rounding routine (`addRoundedScratch`), the same normalization. src/decimal/pool.test.ts
 * checks that on random operands.
 */
import type { Decimal as DecimalJs } from 'decimal.js';
import {
  LOG_BASE,
  MAX_ROUNDED_LIMB,
  MAX_SUM_LIMBS,
  MAX_SUM_TERMS,
  addRoundedScratch,
  digitsOf,
  exactProductOf,
  firstNonZero,
  internals,
  lastNonZero,
  make,
  negate,
  normalize,
} from './kernel.js';

type Dec = InstanceType<typeof DecimalJs>;

/**
 * Longest operand of a product in a pool (280 digits): longer values are not taken (`ref`), and
 * a product with one of the pool's own longer sums is left to decimal.js, as in pool.c.
 */
export const MAX_POOLED_LIMBS = 40;
/**
 * Largest exponent, in digits, of a value in a pool (pool.c keeps word exponents in 32 bits):
 * beyond it, values and products are left to decimal.js (exponents to 9 × 10^15).
 */
export const POOL_MAX_EXPONENT = 100_000_000;
/** POOL_MAX_EXPONENT in words of seven digits (pool.c: MAX_TOP). */
const MAX_TOP = Math.floor(POOL_MAX_EXPONENT / LOG_BASE);

/** Reference of zero in every pool. */
export const ZERO_REF = 0;
/** What `ref` and `sumOfRoundedProducts` return for a value the pool leaves to decimal.js. */
export const NOT_POOLED = -1;

/** The term lists a pool hands out (`termLists`): references side by side. */
export interface TermLists {
  readonly mass: Int32Array;
  readonly co2e: Int32Array;
  readonly factor: Int32Array;
}

/**
 * A growable store of decimal values, in JavaScript (DecimalPool) or WebAssembly (WasmPool in
 * wasmPool.ts): the same values and sums either way. Values never change once added, so a
 * reference stays valid.
 */
export interface WordPool {
  /** The reference of x: ZERO_REF for zero, NOT_POOLED for what the pool leaves to decimal.js. */
  ref(x: Dec): number;
  /** The value of a reference as a Decimal (zero: the pool's zero). */
  decimal(ref: number): Dec;
  /**
   * Lists for at least `size` terms, to be filled and then summed by `sumTerms`: filled before
   * the next `ref` or sum (adding a value may move them), read by the sums until the next call
   * of `termLists`. Undefined when there is no memory for them.
   */
  termLists(size: number): TermLists | undefined;
  /**
   * Σ list[t] × factor[t] for t in [from, to) of the last term lists (`list` 0: mass, 1: CO2e),
   * each product rounded to 34 digits, the sum exact: a new value (see sumOfRoundedProducts).
   */
  sumTerms(list: 0 | 1, from: number, to: number): number;
  /**
   * a × b rounded to 34 digits, half-even, as a new value (NOT_POOLED: use decimal.js, as for
   * an operand that is NOT_POOLED itself).
   */
  timesRounded(a: number, b: number): number;
  /** a / b rounded to 34 digits, half-even, as a new value (NOT_POOLED as timesRounded). */
  quotient(a: number, b: number): number;
}

/**
 * The pool in JavaScript: words of seven digits in float64 (exact below 2^53), as decimal.js
 * keeps them. `decimal(ref)` gives the same Decimal object every time.
 */
export class DecimalPool implements WordPool {
  #words = new Float64Array(1 << 12);
  #wordCount = 0;
  #offset = new Int32Array(1 << 10);
  #length = new Int32Array(1 << 10);
  /** Base-1e7 exponent of a value's first word. */
  #top = new Int32Array(1 << 10);
  #sign = new Int8Array(1 << 10);
  #count = 1;
  readonly #decimals: (Dec | undefined)[] = [];
  #accumulator = new Float64Array(64);
  #lists: TermLists = { mass: new Int32Array(0), co2e: new Int32Array(0), factor: new Int32Array(0) };

  /** `zero` is the Decimal the pool gives for zero (the library's one zero). */
  constructor(
    readonly Ctor: typeof DecimalJs,
    zero: Dec,
  ) {
    this.#decimals[ZERO_REF] = zero;
  }

  /** How many values the pool holds (zero included). */
  get size(): number {
    return this.#count;
  }

  /** The reference of x: ZERO_REF for zero, NOT_POOLED for what the pool leaves to decimal.js. */
  ref(x: Dec): number {
    const { s, e, d } = internals(x);
    if (d === null || Math.abs(e) > POOL_MAX_EXPONENT || d.length > MAX_POOLED_LIMBS) return NOT_POOLED;
    if (d[0] === 0) return ZERO_REF;
    const ref = this.#newValue(s, Math.floor(e / LOG_BASE), d.length);
    const words = this.#words;
    const at = this.#offset[ref]!;
    for (let i = 0; i < d.length; i++) words[at + i] = d[i]!;
    this.#decimals[ref] = x;
    return ref;
  }

  /** The Decimal of a reference (made on first use, then the same object). */
  decimal(ref: number): Dec {
    const known = this.#decimals[ref];
    if (known !== undefined) return known;
    const at = this.#offset[ref]!;
    const d = new Array<number>(this.#length[ref]!);
    for (let i = 0; i < d.length; i++) d[i] = this.#words[at + i]! | 0;
    const made = make(this.Ctor, this.#sign[ref]!, this.#top[ref]! * LOG_BASE + digitsOf(d[0]!) - 1, d);
    this.#decimals[ref] = made;
    return made;
  }

  termLists(size: number): TermLists {
    if (this.#lists.mass.length < size) {
      const length = Math.max(size, 2 * this.#lists.mass.length, 64);
      this.#lists = { mass: new Int32Array(length), co2e: new Int32Array(length), factor: new Int32Array(length) };
    }
    return this.#lists;
  }

  sumTerms(list: 0 | 1, from: number, to: number): number {
    const lists = this.#lists;
    return this.sumOfRoundedProducts(list === 0 ? lists.mass : lists.co2e, lists.factor, from, to);
  }

  timesRounded(a: number, b: number): number {
    if (a === NOT_POOLED || b === NOT_POOLED) return NOT_POOLED;
    return this.sumOfRoundedProducts(Int32Array.of(a), Int32Array.of(b), 0, 1);
  }

  quotient(a: number, b: number): number {
    // decimal.js divides correctly rounded at the class's precision (34 digits, half-even).
    if (a === NOT_POOLED || b === NOT_POOLED || b === ZERO_REF) return NOT_POOLED;
    return this.ref(this.decimal(a).div(this.decimal(b)));
  }

  /**
   * The exact sum of xs[t] × ys[t] for t in [from, to), each product rounded to 34 significant
   * digits, half-even, as a new value: ZERO_REF when it is zero, NOT_POOLED when the products are
   * too far apart (or too many) for the word sums, for the caller to take the Decimal way.
   */
  sumOfRoundedProducts(xs: Int32Array, ys: Int32Array, from: number, to: number): number {
    if (to - from > MAX_SUM_TERMS) return NOT_POOLED;
    const top = this.#top;
    const length = this.#length;
    let high = -Infinity;
    let low = Infinity;
    for (let t = from; t < to; t++) {
      const a = xs[t]!;
      const b = ys[t]!;
      if (a === ZERO_REF || b === ZERO_REF) continue;
      if (length[a]! > MAX_POOLED_LIMBS || length[b]! > MAX_POOLED_LIMBS) return NOT_POOLED;
      const productTop = top[a]! + top[b]! + 2;
      if (Math.abs(productTop) > MAX_TOP) return NOT_POOLED;
      if (productTop > high) high = productTop;
      const lowest = productTop - Math.min(length[a]! + length[b]!, MAX_ROUNDED_LIMB);
      if (lowest < low) low = lowest;
    }
    if (high === -Infinity) return ZERO_REF;
    const width = high - low + 2;
    if (width > MAX_SUM_LIMBS) return NOT_POOLED;
    if (this.#accumulator.length < width) this.#accumulator = new Float64Array(2 * width);
    const acc = this.#accumulator;
    acc.fill(0, 0, width);
    const sign = this.#sign;
    for (let t = from; t < to; t++) {
      const a = xs[t]!;
      const b = ys[t]!;
      if (a === ZERO_REF || b === ZERO_REF) continue;
      // Limb k of the product (exponent productTop − k) goes to acc[high + 1 − productTop + k].
      addRoundedScratch(acc, high - 1 - top[a]! - top[b]!, sign[a]! * sign[b]!, this.#exactProduct(a, b));
    }
    return this.#fromWords(acc, width, high);
  }

  /** exactProduct of kernel.ts on pooled words: the product's limbs in the scratch buffer. */
  #exactProduct(a: number, b: number): number {
    return exactProductOf(this.#words, this.#offset[a]!, this.#length[a]!, this.#words, this.#offset[b]!, this.#length[b]!);
  }

  /** The value of signed word sums r[0..width) (r[k] of exponent top + 1 − k), as a new value. */
  #fromWords(r: Float64Array, width: number, top: number): number {
    const sign = normalize(r, width);
    if (sign === 0) return ZERO_REF;
    if (sign < 0) negate(r, width);
    const start = firstNonZero(r, 0, width);
    const stop = lastNonZero(r, start, width);
    const ref = this.#newValue(sign, top + 1 - start, stop - start);
    this.#words.set(r.subarray(start, stop), this.#offset[ref]!);
    return ref;
  }

  #newValue(sign: number, top: number, words: number): number {
    const ref = this.#count++;
    if (ref >= this.#offset.length) this.#growValues();
    if (this.#wordCount + words > this.#words.length) this.#words = grown(this.#words, this.#wordCount + words);
    this.#offset[ref] = this.#wordCount;
    this.#length[ref] = words;
    this.#top[ref] = top;
    this.#sign[ref] = sign;
    this.#wordCount += words;
    return ref;
  }

  #growValues(): void {
    const size = 2 * this.#offset.length;
    this.#offset = grown(this.#offset, size);
    this.#length = grown(this.#length, size);
    this.#top = grown(this.#top, size);
    this.#sign = grown(this.#sign, size);
  }
}

/** A copy of `array` with room for at least `size` elements (doubling, so growth is amortized). */
export function grown<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (n: number) => T)(Math.max(size, 2 * array.length));
  bigger.set(array);
  return bigger;
}
