import { toFixedString } from '../decimal/rounding.js';
import { isPlainOne } from '../units/isPlainOne.js';
import type { Quantity } from './types.js';

/**
 * The quantity as text that parseQuantity reads back: fixed-point amount (never an exponent),
 * a space, the canonical unit symbol. A pure number is written without a unit.
 *
 * @example
 * formatQuantity(quantity('0.42', 't/t')) // '0.42 t/t'
 * formatQuantity(quantity('1e-7', 'fraction')) // '0.0000001 fraction'
 */
export function formatQuantity(q: Quantity): string {
  const amount = toFixedString(q.amount);
  return isPlainOne(q.unit) ? amount : `${amount} ${q.unit.symbol}`;
}
