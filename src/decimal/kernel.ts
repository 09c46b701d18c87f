/**
 * Fast paths for the decimal operations the engine repeats millions of times: a product rounded
 * to working precision (`timesRounded`), an exact product (`timesExact`), an exact sum
 * (`exactSum`), rounding to working precision (`roundedToPrecision`), fixed-point text
 * (`fixedText`) and reading plain decimal text (`parsePlainDecimal`). Each gives the very same
 * Decimal as the decimal.js operation it replaces — same sign, exponent and word array, which
 * src/decimal/kernel.test.ts checks on random operands — but skips decimal.js's generic paths:
 * the copy of the operand, growable arrays, the general rounding routine, text round trips.
 * `toFloat` and `fromFloat` are the float side of mixed precision, where closeness is enough.
 *
 * They read decimal.js's representation, which is stable within the pinned 10.6.0:
 *   value = s × Σ d[i] × 10^(7 (E − i)),  E = floor(e / 7),
 * digits in base 1e7 aligned to the decimal point, no leading or trailing zero words. Anything
 * unusual (zero, very long operands, exponents near the limits) goes to decimal.js itself.
 *
 * Arithmetic on words is in float64, exact because every intermediate stays below 2^53 (the
 * limits below say how). The one module-level buffer is scratch space, cleared before each use
 * and never read across calls: the functions are pure.
 */
import { Decimal as DecimalJs } from 'decimal.js';

type Dec = InstanceType<typeof DecimalJs>;
interface Internals {
  readonly s: number;
  readonly e: number;
  readonly d: number[];
}

const BASE = 1e7;
export const LOG_BASE = 7;
const PRECISION = 34;
/** Beyond this many words per operand (80 products of words below 1e7 near 2^53), use decimal.js. */
const MAX_PRODUCT_LIMBS = 80;
/** Exact sums wider than this many limbs go through decimal.js (Wide, 2000 digits). */
const MAX_SUM_LIMBS = 280;
/** Below this many terms, limb sums stay under 2^53 and carries fit in the spare top limb. */
const MAX_SUM_TERMS = 1_000_000;
/** Exponents this far out are left to decimal.js, which owns the overflow rules. */
const MAX_EXPONENT = 1e15;

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7];

const INVERSE_BASE = 1 / BASE;

/**
 * floor(t / BASE) for an integer |t| < 2^53, by a product with the reciprocal and a correction
 * (a division is several times slower, and a carry chain waits on it at every word):
 * t × (1/BASE) is within one unit of the quotient, and the check in integers is exact.
 */
function wordsAbove(t: number): number {
  let q = Math.floor(t * INVERSE_BASE);
  const rest = t - q * BASE;
  if (rest < 0) q--;
  else if (rest >= BASE) q++;
  return q;
}

/** Decimal digits of a word (1 for 0). */
export function digitsOf(limb: number): number {
  if (limb < 1e4) return limb < 100 ? (limb < 10 ? 1 : 2) : limb < 1000 ? 3 : 4;
  return limb < 1e6 ? (limb < 1e5 ? 5 : 6) : 7;
}

/** Significant digits of a limb array, trailing zeros of the last limb included (an upper bound). */
function significantDigits(d: readonly number[]): number {
  return digitsOf(d[0]!) + LOG_BASE * (d.length - 1);
}

export function internals(x: Dec): Internals {
  return x as unknown as Internals;
}

/** A Decimal of constructor `Ctor` from its parts, laid out as decimal.js lays out its own. */
export function make(Ctor: typeof DecimalJs, s: number, e: number, d: number[]): Dec {
  const x = Object.create(Ctor.prototype) as { constructor: unknown; s: number; e: number; d: number[] };
  x.constructor = Ctor;
  x.s = s;
  x.e = e;
  x.d = d;
  return x as unknown as Dec;
}

/** Index of the first limb at or after `from` that is not zero, or `to` when none is. */
function firstNonZero(r: Float64Array, from: number, to: number): number {
  let i = from;
  while (i < to && r[i] === 0) i++;
  return i;
}

/**
 * Rounds the limbs r[start..end) (r[start] non-zero) to `PRECISION` significant digits,
 * half-even, in place; returns the new start (a carry can add a limb in front, at start − 1).
 */
function roundInPlace(r: Float64Array, start: number, end: number): number {
  const lead = digitsOf(r[start]!);
  if (lead + LOG_BASE * (end - 1 - start) <= PRECISION) return start;
  const keepAfterLead = PRECISION - lead;
  const full = Math.floor(keepAfterLead / LOG_BASE);
  const partial = keepAfterLead % LOG_BASE;
  // The last kept digit lies in limb `last`; `divisor` cuts the dropped digits off that limb.
  const last = partial === 0 ? start + full : start + full + 1;
  const divisor = partial === 0 ? BASE : POW10[LOG_BASE - partial]!;
  let kept: number;
  let rest: number;
  let sticky = false;
  if (partial === 0) {
    kept = r[last]!;
    rest = r[last + 1]!;
    for (let i = last + 2; i < end; i++) if (r[i] !== 0) sticky = true;
  } else {
    kept = Math.floor(r[last]! / divisor);
    rest = r[last]! - kept * divisor;
    for (let i = last + 1; i < end; i++) if (r[i] !== 0) sticky = true;
  }
  for (let i = last + 1; i < end; i++) r[i] = 0;
  const half = divisor / 2;
  const up = rest > half || (rest === half && (sticky || kept % 2 === 1));
  if (partial !== 0) kept += up ? 1 : 0;
  let i = last;
  r[i] = partial === 0 ? kept + (up ? 1 : 0) : kept * divisor;
  while (r[i]! >= BASE) {
    r[i] = r[i]! - BASE;
    i--;
    r[i] = r[i]! + 1;
  }
  return Math.min(i, start);
}

/** r[start..end) without trailing zero limbs, as a plain array. */
function limbs(r: Float64Array, start: number, end: number): number[] {
  const stop = lastNonZero(r, start, end);
  // Small integers, as in decimal.js's own arrays (doubles here would make its code see two
  // kinds of arrays); sized exactly, as a large result holds millions of them.
  const d = new Array<number>(stop - start);
  for (let i = start; i < stop; i++) d[i - start] = r[i]! | 0;
  return d;
}

let scratch = new Float64Array(64);
/** The scratch buffer, at least `size` long, its first `size` slots zero unless `clear` is false. */
function scratchOf(size: number, clear = true): Float64Array {
  if (scratch.length < size) scratch = new Float64Array(size * 2);
  if (clear) scratch.fill(0, 0, size);
  return scratch;
}

/** True when x × y is left to decimal.js (zero, very long operands, extreme exponents). */
function productIsUnusual(a: Internals, b: Internals): boolean {
  const ad = a.d;
  const bd = b.d;
  return (
    ad === null ||
    bd === null ||
    ad[0] === 0 ||
    bd[0] === 0 ||
    Math.min(ad.length, bd.length) > MAX_PRODUCT_LIMBS ||
    Math.abs(a.e) > MAX_EXPONENT ||
    Math.abs(b.e) > MAX_EXPONENT
  );
}

/**
 * The limbs of a × b in r[2..n) (r is the scratch buffer, n = |a| + |b| + 1), column by column
 * from the last with the carry taken along, so every limb is written once: r[k + 2] holds the
 * limbs of a × b at i + j = k, r[1] the final carry, and r[0] stays free for a carry out of
 * rounding (0.99…9 rounding up to 1). Returns n.
 */
function exactProduct(ad: readonly number[], bd: readonly number[]): number {
  const la = ad.length;
  const lb = bd.length;
  const n = la + lb + 1;
  const r = scratchOf(n, false);
  let carry = 0;
  for (let k = la + lb - 2; k >= 0; k--) {
    let t = carry;
    const from = k < lb ? 0 : k - lb + 1;
    const to = k < la ? k : la - 1;
    for (let i = from; i <= to; i++) t += ad[i]! * bd[k - i]!;
    carry = wordsAbove(t);
    r[k + 2] = t - carry * BASE;
  }
  r[1] = carry;
  r[0] = 0;
  return n;
}

/** Base-1e7 exponent of the first limb of a × b as exactProduct lays it out (at r[0]). */
function productTop(a: Internals, b: Internals): number {
  return Math.floor(a.e / LOG_BASE) + Math.floor(b.e / LOG_BASE) + 2;
}

/** Index past the last limb of r[start..end) that is not zero. */
function lastNonZero(r: Float64Array, start: number, end: number): number {
  let stop = end;
  while (stop > start && r[stop - 1] === 0) stop--;
  return stop;
}

/** A Decimal of class `Ctor` from limbs r[start..end) whose first has base-1e7 exponent `top`. */
function fromLimbs(Ctor: typeof DecimalJs, sign: number, r: Float64Array, start: number, end: number, top: number): Dec {
  const d = limbs(r, start, end);
  return make(Ctor, sign, top * LOG_BASE + digitsOf(d[0]!) - 1, d);
}

function classOf(x: Dec): typeof DecimalJs {
  return (x as unknown as { constructor: typeof DecimalJs }).constructor;
}

/** x × y rounded to 34 significant digits, half-even: exactly `x.times(y)` for the library's Decimal. */
export function timesRounded<T extends Dec>(x: T, y: Dec): T {
  const a = internals(x);
  const b = internals(y);
  if (productIsUnusual(a, b)) return x.times(y) as T;
  // × 1 (a declared unit of one reference unit) is the value itself, rounded.
  if (b.d.length === 1 && b.d[0] === 1 && b.e === 0 && b.s === 1) return roundedToPrecision(x);
  const n = exactProduct(a.d, b.d);
  const r = scratch;
  const start = firstNonZero(r, 0, n);
  const end = lastNonZero(r, start, n);
  const rounded = roundInPlace(r, start, end);
  return fromLimbs(classOf(x), a.s * b.s, r, rounded, end, productTop(a, b) - rounded) as T;
}

/**
 * x × y without rounding, as a Decimal of x's class (residuals of iterative refinement need exact
 * products); undefined for the cases left to decimal.js (zero, very long operands, extreme
 * exponents).
 */
export function timesExact<T extends Dec>(x: T, y: Dec): T | undefined {
  const a = internals(x);
  const b = internals(y);
  if (productIsUnusual(a, b)) return undefined;
  const n = exactProduct(a.d, b.d);
  const r = scratch;
  const start = firstNonZero(r, 0, n);
  return fromLimbs(classOf(x), a.s * b.s, r, start, lastNonZero(r, start, n), productTop(a, b) - start) as T;
}

/**
 * A float64 within a few units in the last place of x: for the float side of mixed precision,
 * where only closeness matters (decimal.js's toNumber() goes through the full decimal text).
 */
export function toFloat(x: Dec): number {
  const { s, e, d } = internals(x);
  if (d === null || Math.abs(e) > 280) return x.toNumber();
  if (d[0] === 0) return 0;
  // Four limbs: at least 22 significant digits whatever the first limb holds.
  const used = Math.min(d.length, 4);
  let m = d[0]!;
  for (let i = 1; i < used; i++) m = m * BASE + d[i]!;
  const shift = LOG_BASE * (Math.floor(e / LOG_BASE) - used + 1);
  const magnitude = shift >= 0 ? m * 10 ** shift : m / 10 ** -shift;
  return s < 0 ? -magnitude : magnitude;
}

/**
 * The exact sum of `values` as a Decimal of constructor `Ctor`: null when it is zero, undefined
 * when the operands are too far apart for the fast path (the caller then uses decimal.js).
 */
export function exactSum(values: readonly Dec[], Ctor: typeof DecimalJs): Dec | null | undefined {
  return exactSumOf(values, 0, values.length, Ctor);
}

/** `exactSum` of values[from..to). */
export function exactSumOf(values: readonly Dec[], from: number, to: number, Ctor: typeof DecimalJs): Dec | null | undefined {
  if (to - from > MAX_SUM_TERMS) return undefined;
  let top = -Infinity;
  let bottom = Infinity;
  for (let t = from; t < to; t++) {
    const { d, e } = internals(values[t]!);
    if (d === null || Math.abs(e) > MAX_EXPONENT) return undefined;
    if (d[0] === 0) continue;
    const exponent = Math.floor(e / LOG_BASE);
    if (exponent > top) top = exponent;
    if (exponent - d.length + 1 < bottom) bottom = exponent - d.length + 1;
  }
  if (top === -Infinity) return null;
  const width = top - bottom + 2;
  if (width > MAX_SUM_LIMBS) return undefined;
  const r = scratchOf(width);
  for (let t = from; t < to; t++) {
    const { s, d, e } = internals(values[t]!);
    if (d[0] === 0) continue;
    const offset = top + 1 - Math.floor(e / LOG_BASE);
    for (let i = 0; i < d.length; i++) r[offset + i] = r[offset + i]! + s * d[i]!;
  }
  return sumFromWords(r, width, top, Ctor);
}

/**
 * The Decimal of signed word sums r[0..width) (r[k] of exponent top + 1 − k), carried into
 * words: null when they sum to zero.
 */
function sumFromWords(r: Float64Array, width: number, top: number, Ctor: typeof DecimalJs): Dec | null {
  const sign = normalize(r, width);
  if (sign === 0) return null;
  if (sign < 0) negate(r, width);
  const start = firstNonZero(r, 0, width);
  return fromLimbs(Ctor, sign, r, start, width, top + 1 - start);
}

let sumScratch = new Float64Array(64);

/** The last limb index addRoundedProduct can add to: 34 digits starting in limb 1 or 2. */
const MAX_ROUNDED_LIMB = 7;

/**
 * The exact sum of xs[t] × ys[t] for t in [from, to), each product rounded to 34 significant
 * digits, half-even: the sum `exactSumOf` gives of the `timesRounded` products, without making a
 * Decimal for each product (the solver's sums are of such products). Zero products add nothing.
 * Null when the sum is zero; undefined when an operand is left to decimal.js (very long, extreme
 * exponents) or the products are too far apart, for the caller to take the general way.
 */
export function sumOfRoundedProducts(xs: readonly Dec[], ys: readonly Dec[], from: number, to: number, Ctor: typeof DecimalJs): Dec | null | undefined {
  if (to - from > MAX_SUM_TERMS) return undefined;
  // Bounds of the limbs a rounded product can have (a carry out of it included), in the base-1e7
  // exponents of exactProduct's layout: limb k of a product has exponent productTop − k, and
  // addRoundedProduct adds limbs up to k = 7 at most (34 digits from a first limb at k ≤ 2).
  let top = -Infinity;
  let bottom = Infinity;
  for (let t = from; t < to; t++) {
    const a = internals(xs[t]!);
    const b = internals(ys[t]!);
    // A zero product adds nothing; the other cases timesRounded leaves to decimal.js, the caller.
    if (a.d !== null && b.d !== null && (a.d[0] === 0 || b.d[0] === 0)) continue;
    if (productIsUnusual(a, b)) return undefined;
    const productExponent = productTop(a, b);
    if (productExponent > top) top = productExponent;
    const lowest = productExponent - Math.min(a.d.length + b.d.length, MAX_ROUNDED_LIMB);
    if (lowest < bottom) bottom = lowest;
  }
  if (top === -Infinity) return null;
  const width = top - bottom + 2;
  if (width > MAX_SUM_LIMBS) return undefined;
  if (sumScratch.length < width) sumScratch = new Float64Array(width * 2);
  const acc = sumScratch;
  for (let k = 0; k < width; k++) acc[k] = 0;
  for (let t = from; t < to; t++) {
    const a = internals(xs[t]!);
    const b = internals(ys[t]!);
    if (a.d[0] === 0 || b.d[0] === 0) continue;
    // Limb k of the product (exponent productTop − k) goes to acc[top + 1 − exponent].
    addRoundedProduct(acc, top + 1 - productTop(a, b), a.s * b.s, a.d, b.d);
  }
  return sumFromWords(acc, width, top, Ctor);
}

/**
 * Adds sign × (ad × bd rounded to 34 significant digits, half-even) into acc, limb k of the
 * product at acc[shift + k]: what roundInPlace and a loop over its limbs add, without changing
 * the product's limbs. A carry out of the rounding (…9999999 + 1) is left in acc for the final
 * normalization, and the digits below the half are looked at only on a tie.
 */
function addRoundedProduct(acc: Float64Array, shift: number, sign: number, ad: readonly number[], bd: readonly number[]): void {
  const n = exactProduct(ad, bd);
  const r = scratch;
  // Both first words are non-zero, so the product starts in r[1] or, without a carry, r[2].
  const start = r[1] !== 0 ? 1 : 2;
  const keepAfterLead = PRECISION - digitsOf(r[start]!);
  const full = Math.floor(keepAfterLead / LOG_BASE);
  const partial = keepAfterLead - full * LOG_BASE;
  // The word holding the last digit kept.
  const last = partial === 0 ? start + full : start + full + 1;
  if (last >= n) {
    for (let k = start; k < n; k++) acc[shift + k] = acc[shift + k]! + sign * r[k]!;
    return;
  }
  for (let k = start; k < last; k++) acc[shift + k] = acc[shift + k]! + sign * r[k]!;
  let kept: number;
  let rest: number;
  let divisor: number;
  let below: number;
  if (partial === 0) {
    divisor = BASE;
    kept = r[last]!;
    rest = last + 1 < n ? r[last + 1]! : 0;
    below = last + 2;
  } else {
    divisor = POW10[LOG_BASE - partial]!;
    kept = Math.floor(r[last]! / divisor);
    rest = r[last]! - kept * divisor;
    below = last + 1;
  }
  const half = divisor / 2;
  const up = rest > half || (rest === half && (firstNonZero(r, below, n) < n || kept % 2 === 1)) ? 1 : 0;
  const word = partial === 0 ? kept + up : (kept + up) * divisor;
  acc[shift + last] = acc[shift + last]! + sign * word;
}

/** Limbs of a negative value, normalized with a borrow of BASE^width, to those of its magnitude. */
function negate(r: Float64Array, width: number): void {
  for (let k = 0; k < width; k++) r[k] = BASE - 1 - r[k]!;
  let k = width - 1;
  r[k] = r[k]! + 1;
  while (r[k] === BASE) {
    r[k] = 0;
    k--;
    r[k] = r[k]! + 1;
  }
}

/**
 * Carries signed limb sums into limbs in [0, BASE); returns the sign of the value (the limbs
 * are meaningful only when it is positive).
 */
function normalize(r: Float64Array, width: number): number {
  let carry = 0;
  let any = false;
  for (let k = width - 1; k >= 0; k--) {
    const t = r[k]! + carry;
    carry = wordsAbove(t);
    r[k] = t - carry * BASE;
    if (r[k] !== 0) any = true;
  }
  if (carry < 0) return -1;
  return any || carry > 0 ? 1 : 0;
}

const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000'];

// Seven-digit words as text, from two tables instead of a number-to-text conversion each.
const HIGH = Array.from({ length: 10_000 }, (_, i) => String(i).padStart(4, '0'));
const LOW = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

function word7(word: number): string {
  const high = Math.floor(word / 1000);
  return HIGH[high]! + LOW[word - high * 1000]!;
}

function zeros(n: number): string {
  return n <= 7 ? ZEROS[n]! : '0'.repeat(n);
}

/** Fixed-point text of `x` with every digit it has and no more: exactly `x.toFixed()`. */
export function fixedText(x: Dec): string {
  const { s, e, d } = internals(x);
  if (d === null || Math.abs(e) > MAX_EXPONENT) return x.toFixed();
  if (d[0] === 0) return '0';
  const last = d.length - 1;
  let digits = last === 0 ? '' : String(d[0]);
  for (let i = 1; i < last; i++) digits += word7(d[i]!);
  // The last word without its trailing zeros (the exponent places the point).
  let tail = d[last]!;
  let width = last === 0 ? digitsOf(tail) : LOG_BASE;
  while (tail % 10 === 0) {
    tail /= 10;
    width--;
  }
  const word = String(tail);
  digits += ZEROS[width - word.length]! + word;
  const length = digits.length;
  let text: string;
  if (e < 0) text = `0.${zeros(-e - 1)}${digits}`;
  else if (e >= length - 1) text = digits + zeros(e + 1 - length);
  else text = `${digits.slice(0, e + 1)}.${digits.slice(e + 1)}`;
  return s < 0 ? `-${text}` : text;
}

/** x rounded to 34 significant digits, half-even: exactly `x.toSignificantDigits(34)`. */
export function roundedToPrecision<T extends Dec>(x: T): T {
  const { s, e, d } = internals(x);
  if (d === null || d[0] === 0 || Math.abs(e) > MAX_EXPONENT) return x.toSignificantDigits(PRECISION) as T;
  if (significantDigits(d) <= PRECISION) return x;
  // One spare limb in front for a carry out of rounding.
  const r = scratchOf(d.length + 1);
  for (let i = 0; i < d.length; i++) r[i + 1] = d[i]!;
  const start = roundInPlace(r, 1, d.length + 1);
  return fromLimbs(classOf(x), s, r, start, d.length + 1, Math.floor(e / LOG_BASE) + 1 - start) as T;
}

/**
 * A Decimal (of `Ctor`) within about one part in 1e14 of the float `v`, made from its first
 * fifteen significant digits without going through text: for float corrections in mixed
 * precision, which the exact residual then checks. Zero for zero and non-finite input.
 */
export function fromFloat(v: number, Ctor: typeof DecimalJs): Dec | undefined {
  if (v === 0 || !Number.isFinite(v)) return undefined;
  const magnitude = Math.abs(v);
  const exponent = Math.floor(Math.log10(magnitude));
  if (exponent > 280 || exponent < -280) return undefined;
  // m × 10^low ≈ |v|, m an integer of about fifteen digits (exact in a double).
  const low = exponent - 14;
  const m = Math.round(low >= 0 ? magnitude / 10 ** low : magnitude * 10 ** -low);
  const q = Math.floor(low / LOG_BASE);
  const scale = POW10[low - q * LOG_BASE]!;
  const high = Math.floor(m / BASE);
  const rest = (m - high * BASE) * scale;
  const restCarry = Math.floor(rest / BASE);
  const middle = high * scale + restCarry;
  const top = Math.floor(middle / BASE);
  const r = scratchOf(4);
  r[1] = top;
  r[2] = middle - top * BASE;
  r[3] = rest - restCarry * BASE;
  const start = firstNonZero(r, 0, 4);
  if (start === 4) return undefined;
  return fromLimbs(Ctor, v < 0 ? -1 : 1, r, start, 4, q + 3 - start);
}

const MAX_PLAIN_LENGTH = 60;

/**
 * A plain decimal text (`-12.50`, `007`, `0.000125`: optional minus, digits, optional point and
 * digits; no exponent, sign +, blank or bare point) read straight into words: the same Decimal
 * as `new Ctor(text)`. Undefined for anything else, and for zero, which decimal.js reads.
 */
export function parsePlainDecimal(text: string, Ctor: typeof DecimalJs): Dec | undefined {
  const n = text.length;
  if (n === 0 || n > MAX_PLAIN_LENGTH) return undefined;
  let i = text.charCodeAt(0) === 0x2d ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  const intEnd = i;
  if (intEnd === intStart) return undefined;
  let fracEnd = i;
  if (i < n) {
    if (text.charCodeAt(i) !== 0x2e) return undefined;
    i++;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    fracEnd = i;
    if (fracEnd === intEnd + 1 || i !== n) return undefined;
  }
  const fracStart = intEnd + 1;
  // Words of 7 digits counted from the point: integer words leftwards, fraction words rightwards.
  const intWords = Math.ceil((intEnd - intStart) / LOG_BASE);
  const fracWords = fracEnd > intEnd ? Math.ceil((fracEnd - fracStart) / LOG_BASE) : 0;
  const width = intWords + fracWords;
  const r = scratchOf(width);
  for (let w = 0; w < intWords; w++) {
    const to = intEnd - LOG_BASE * (intWords - 1 - w);
    r[w] = digitsValue(text, Math.max(intStart, to - LOG_BASE), to);
  }
  for (let w = 0; w < fracWords; w++) {
    const from = fracStart + LOG_BASE * w;
    const to = Math.min(fracEnd, from + LOG_BASE);
    r[intWords + w] = digitsValue(text, from, to) * POW10[LOG_BASE - (to - from)]!;
  }
  const start = firstNonZero(r, 0, width);
  if (start === width) return undefined;
  return fromLimbs(Ctor, intStart === 1 ? -1 : 1, r, start, width, intWords - 1 - start);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let k = from; k < to; k++) value = value * 10 + (text.charCodeAt(k) - 0x30);
  return value;
}
