import { Decimal as DecimalJs } from 'decimal.js';
import { InvalidNumberError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { exactSumOf, parsePlainDecimal, sumOfRoundedProducts, timesRounded } from './kernel.js';

/**
 * The library's own Decimal: 34 significant digits (IEEE 754 decimal128), ROUND_HALF_EVEN, and
 * exponent limits that keep every toString() in fixed-point form for the magnitudes we accept.
 * Made with `Decimal.clone`, so the consumer's global `Decimal` settings are never read or changed.
 */
export const Decimal = DecimalJs.clone({
  precision: 34,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9_000_000_000_000_000,
  toExpPos: 9_000_000_000_000_000,
  minE: -9_000_000_000_000_000,
  maxE: 9_000_000_000_000_000,
});
export type Decimal = InstanceType<typeof Decimal>;

/**
 * Wide precision for sums only. Adding numbers is exact here as long as their exponents lie within
 * 2000 digits of each other, so breakdowns add up to their totals exactly.
 */
const Wide = DecimalJs.clone({
  precision: 2000,
  rounding: DecimalJs.ROUND_HALF_EVEN,
  toExpNeg: -9_000_000_000_000_000,
  toExpPos: 9_000_000_000_000_000,
});

export const ZERO: Decimal = new Decimal(0);
export const ONE: Decimal = new Decimal(1);

// A plain decimal literal: sign, digits, optional fraction, optional exponent. No hex, no spaces,
// no Infinity/NaN, bounded length so hostile input cannot make parsing slow.
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const MAX_TEXT_LENGTH = 400;

/**
 * Largest decimal exponent toDecimal reads. Every value is written out in fixed point, and
 * 1e-9999999999 would be ten billion zeros (the process runs out of memory); the document limits
 * (1e-30 to 1e24) are far inside this.
 */
export const MAX_EXPONENT = 100_000;

/** Largest magnitude accepted from documents (1e24) and smallest non-zero (1e-30). */
export const MAX_MAGNITUDE = new Decimal('1e24');
export const MIN_MAGNITUDE = new Decimal('1e-30');

/**
 * Parses a decimal string or a JS number (read through its shortest decimal text) exactly.
 * Throws InvalidNumberError for anything that is not a finite decimal.
 *
 * @example
 * toDecimal('0.42').toFixed() // '0.42'
 * toDecimal(1350000).toFixed() // '1350000'
 */
export function toDecimal(value: unknown, path?: DocumentPath): Decimal {
  const opts = path === undefined ? {} : { path };
  if (value instanceof DecimalJs) {
    if (!value.isFinite()) throw new InvalidNumberError('not a finite number', opts);
    if (Math.abs(value.e) > MAX_EXPONENT) throw new InvalidNumberError(`a number with exponent ${value.e} is outside the range the library represents (±${MAX_EXPONENT})`, opts);
    return new Decimal(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidNumberError(`${String(value)} is not a finite number`, opts);
    // String(n) is the shortest text that reads back as n: the decimal the writer meant.
    const text = String(value);
    return (parsePlainDecimal(text, Decimal) as Decimal | undefined) ?? normalizeZero(new Decimal(text));
  }
  if (typeof value === 'string') {
    // Plain text ("1350000", "-0.42") is read in one pass; anything else is checked and read below.
    const plain = parsePlainDecimal(value, Decimal) as Decimal | undefined;
    if (plain !== undefined) return plain;
    const text = value.trim();
    if (text.length > MAX_TEXT_LENGTH) throw new InvalidNumberError(`number text longer than ${MAX_TEXT_LENGTH} characters`, opts);
    if (!DECIMAL_TEXT.test(text)) throw new InvalidNumberError(`"${clip(text)}" is not a decimal number`, opts);
    const parsed = new Decimal(text);
    // An exponent past the clone's limits (e.g. 1e-99999999999999999999) reads as 0 or Infinity:
    // refuse it rather than let it become a silent zero.
    if (!parsed.isFinite() || (parsed.isZero() && /[1-9]/.test(text.split(/[eE]/)[0]!)) || Math.abs(parsed.e) > MAX_EXPONENT) {
      throw new InvalidNumberError(`"${clip(text)}" is outside the range of numbers the library represents (exponents up to ±${MAX_EXPONENT})`, opts);
    }
    return normalizeZero(parsed);
  }
  throw new InvalidNumberError(`expected a decimal number, got ${describe(value)}`, opts);
}

/** True when `value` is text or a number that toDecimal accepts. */
export function isDecimalText(value: string): boolean {
  return value.length <= MAX_TEXT_LENGTH && DECIMAL_TEXT.test(value.trim());
}

/** Rejects magnitudes outside [1e-30, 1e24] (zero is fine): guards against 1e400-style input. */
export function checkMagnitude(value: Decimal, path?: DocumentPath): Decimal {
  if (isWithinMagnitude(value)) return value;
  throw new InvalidNumberError(`${describeMagnitude(value)} is outside the accepted range (1e-30 to 1e24)`, path === undefined ? {} : { path });
}

/** True when `value` is zero or 1e-30 ≤ |value| ≤ 1e24 (what checkMagnitude accepts). */
export function isWithinMagnitude(value: Decimal): boolean {
  // 1e-30 ≤ |value| < 1e24 whenever its exponent is from −30 to 23: no comparison needed.
  if (value.e >= -30 && value.e <= 23) return true;
  const abs = value.abs();
  return abs.isZero() || !(abs.gt(MAX_MAGNITUDE) || abs.lt(MIN_MAGNITUDE));
}

/** Exact sum (no rounding for realistic spreads of magnitude): breakdowns add up to totals. */
export function sum(values: Iterable<Decimal>): Decimal {
  const list = Array.isArray(values) ? (values as readonly Decimal[]) : [...values];
  return sumOfRange(list, 0, list.length);
}

/** Exact sum of values[from..to) (see `sum`): for callers that gather terms side by side. */
export function sumOfRange(list: readonly Decimal[], from: number, to: number): Decimal {
  if (to <= from) return ZERO;
  // One term is its own sum (a copy would be the same number).
  const only = list[from]!;
  if (to - from === 1 && only.constructor === Decimal) return only.isZero() ? ZERO : only;
  const fast = exactSumOf(list, from, to, Decimal);
  if (fast === null) return ZERO;
  if (fast !== undefined) return fast;
  let acc = new Wide(0);
  for (let i = from; i < to; i++) acc = acc.plus(list[i]!);
  return normalizeZero(new Decimal(acc));
}

/**
 * Σ xs[i] × ys[i] over [from, to), each product rounded to working precision as `timesRounded`
 * rounds it and the sum exact: `sumOfRange` of the rounded products, without a Decimal made for
 * each product (the solver's inner sums).
 */
export function sumOfProductsRange(xs: readonly Decimal[], ys: readonly Decimal[], from: number, to: number): Decimal {
  if (to <= from) return ZERO;
  const fast = sumOfRoundedProducts(xs, ys, from, to, Decimal);
  if (fast === null) return ZERO;
  if (fast !== undefined) return fast;
  const products = new Array<Decimal>(to - from);
  for (let i = from; i < to; i++) products[i - from] = timesRounded(xs[i]!, ys[i]!);
  return sumOfRange(products, 0, products.length);
}

/** Exact a + b (see `sum`). */
export function add(a: Decimal, b: Decimal): Decimal {
  return sum([a, b]);
}

function normalizeZero(d: Decimal): Decimal {
  // -0 would print as "0" but compare oddly in places; there is one zero.
  return d.isZero() ? ZERO : d;
}

// Fixed-point text of 1e10000000 has ten million digits: describe huge and tiny numbers by their
// digit count instead of building that text (it took seconds and could exhaust memory).
function describeMagnitude(value: Decimal): string {
  if (value.e > 60) return `a number with ${value.e + 1} digits before the decimal point`;
  if (value.e < -60) return `a number with ${-value.e - 1} zeros after the decimal point`;
  return clip(value.toString());
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
