import { toDecimal } from '../decimal/decimal.js';
import { makeQuantity } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * −q, in q's unit (a credit, e.g. avoided production under system expansion). −0 is 0.
 *
 * @example
 * formatQuantity(negate(quantity('3', 't'))) // '-3 t'
 */
export function negate<D extends string>(q: Quantity<D>): Quantity<D> {
  return makeQuantity(toDecimal(q.amount.negated()), q.unit);
}
