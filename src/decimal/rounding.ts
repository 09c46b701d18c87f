import { InvalidNumberError } from '../core/errors.js';
import { Decimal } from './decimal.js';
import { fixedText } from './kernel.js';

/** Rounding modes as values, named as people say them. */
export const RoundingModes = {
  HALF_EVEN: Decimal.ROUND_HALF_EVEN,
  HALF_UP: Decimal.ROUND_HALF_UP,
  HALF_DOWN: Decimal.ROUND_HALF_DOWN,
  UP: Decimal.ROUND_UP,
  DOWN: Decimal.ROUND_DOWN,
  CEIL: Decimal.ROUND_CEIL,
  FLOOR: Decimal.ROUND_FLOOR,
} as const;
export type RoundingMode = keyof typeof RoundingModes;

/** How a number was rounded for output: kept next to the rounded value so reports can say so. */
export interface Rounding {
  readonly places: number;
  readonly mode: RoundingMode;
}

/**
 * Fixed-point text, never exponent notation. Without `rounding` the value is written in full.
 *
 * @example
 * toFixedString(new Decimal('1e-7')) // '0.0000001'
 * toFixedString(new Decimal('2.345'), { places: 2, mode: 'HALF_EVEN' }) // '2.34'
 */
export function toFixedString(value: Decimal, rounding?: Rounding): string {
  // Unrounded: every digit, never "-0" (the common case, and the fast one).
  if (rounding === undefined) return fixedText(value);
  checkRounding(rounding);
  const text = value.toFixed(rounding.places, RoundingModes[rounding.mode]);
  // toFixed keeps a sign on zero ("-0.00"); a report should not.
  return /^-0(?:\.0*)?$/.test(text) ? text.slice(1) : text;
}

/** Rounds to `places` decimal places with the given mode, as a Decimal. */
export function roundTo(value: Decimal, rounding: Rounding): Decimal {
  checkRounding(rounding);
  return value.toDecimalPlaces(rounding.places, RoundingModes[rounding.mode]);
}

function checkRounding(rounding: Rounding): void {
  if (!Number.isInteger(rounding.places) || rounding.places < 0 || rounding.places > 99) {
    throw new InvalidNumberError(`rounding places must be a whole number from 0 to 99, got ${String(rounding.places)}`);
  }
  if (!Object.hasOwn(RoundingModes, rounding.mode)) {
    throw new InvalidNumberError(`unknown rounding mode "${String(rounding.mode)}" (${Object.keys(RoundingModes).join(', ')})`);
  }
}
