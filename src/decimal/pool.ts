/**
 * The word pool: decimal values kept as words in flat memory, and the operation the acyclic
 * sweep (src/graph/sweep.ts, run in the pool by `sweep`) repeats hundreds of thousands of times
 * on them — the exact sum of products each rounded to 34 significant digits. A value is a small
 * integer (a reference); its words are decimal.js's own (seven digits, aligned to the decimal
 * point), so a value goes in and out by copying, and nothing is allocated per value or per
 * product (in the Decimal form, an object and a word array each, that was most of the solve's
 * time and garbage). The pool is WasmPool (wasmPool.ts, on pool.c compiled to WebAssembly);
 * src/decimal/pool.test.ts checks its values against decimal.js on random operands, through
 * `sum` — the sweep's own sum, offered on its own so it can be checked.
 */
import type { Decimal as DecimalJs } from 'decimal.js';

type Dec = InstanceType<typeof DecimalJs>;

/**
 * Longest operand of a product in a pool (280 digits): longer values are not taken (`ref`), and
 * a product with one of the pool's own longer sums is left to decimal.js (pool.c: MAX_LIMBS).
 */
export const MAX_POOLED_LIMBS = 40;
/**
 * Largest exponent, in digits, of a value in a pool (pool.c keeps word exponents in 22 bits of a
 * value's header): beyond it, values and products are left to decimal.js (exponents to
 * 9 × 10^15; documents stop at 10^5).
 */
export const POOL_MAX_EXPONENT = 10_000_000;

/** Reference of zero in every pool. */
export const ZERO_REF = 0;
/** What `ref` and the sums return for a value the pool leaves to decimal.js. */
export const NOT_POOLED = -1;

/** A growable store of decimal values. Values never change once added: a reference stays valid. */
export interface WordPool {
  /** The reference of x: ZERO_REF for zero, NOT_POOLED for what the pool leaves to decimal.js. */
  ref(x: Dec): number;
  /** The value of a reference as a Decimal (zero: the pool's zero). */
  decimal(ref: number): Dec;
  /**
   * Σ words()[base + xs + t] × words()[base + ys + t] for t < count (references in two lists the
   * caller wrote, at indices `scratch` gave), each product rounded to 34 digits, half-even, the
   * sum exact: a new value (ZERO_REF for zero, NOT_POOLED for operands too long or too far apart,
   * left to decimal.js). The sweep's own sum, offered on its own so it can be checked.
   */
  sum(xs: number, ys: number, count: number): number;
  /**
   * a × b rounded to 34 digits, half-even, as a new value (NOT_POOLED: use decimal.js, as for
   * an operand that is NOT_POOLED itself). With `quotient`, the operations of `equations`,
   * offered on their own so they can be checked.
   */
  timesRounded(a: number, b: number): number;
  /** a / b rounded to 34 digits, half-even, as a new value (NOT_POOLED as timesRounded). */
  quotient(a: number, b: number): number;
  /**
   * Room for a caller's own lists in the pool's memory: `size` words, at the index returned
   * (a reference-like index: word i is words()[base + i]); −1 when there is no memory. The
   * words are the caller's; the pool never moves them.
   */
  scratch(size: number): number;
  /**
   * Room for `size` more words before the memory grows again (false: it cannot grow): the
   * memory grows in one step instead of many (each step is memory outside the heap, which the
   * engine answers with collections).
   */
  room(size: number): boolean;
  /** Index in `words()` of index 0 of `scratch` (and of references). */
  readonly base: number;
  /** The pool's memory as 32-bit words: a new view when the memory has grown (adding values may). */
  words(): Int32Array;
  /**
   * The acyclic sweep in the pool (pool.c `sweep`): solves the products listed at `order`
   * (`count` of them, indices as `scratch` gives) with the state laid out at `context`; returns
   * how many it solved before one it leaves to the caller.
   */
  sweep(context: number, order: number, count: number): number;
  /**
   * The sweep's per-unit factors and coefficients (pool.c `equations`) from the references of
   * each product's share and amount and each link's amount (lists at the indices given).
   */
  equations(context: number, shares: number, amounts: number, linkAmounts: number, products: number): void;
  /** A copy of the stream's words so far (index 0 first), for `load` into a new pool. */
  image(): Int32Array;
  /**
   * Into a new pool (nothing added yet): the words of another pool's `image`, references and
   * `scratch` indices the same as there, with room for `more` words after them. False when there
   * is no memory for them (the pool is then as new).
   */
  load(image: Int32Array, more: number): boolean;
}
