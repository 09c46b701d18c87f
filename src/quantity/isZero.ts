import type { Quantity } from './types.js';

/**
 * True when the amount is zero (in any unit).
 *
 * @example
 * isZero(quantity('0', 't CO2')) // true
 */
export function isZero(q: Quantity): boolean {
  return q.amount.isZero();
}
