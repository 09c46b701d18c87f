import { toDecimal, type Decimal } from '../decimal/decimal.js';
import { makeQuantity } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * q × k for a pure number k, in q's unit (34 significant digits, half-even).
 *
 * @example
 * formatQuantity(scale(quantity('0.42', 't'), '100000')) // '42000 t'
 */
export function scale<D extends string>(q: Quantity<D>, k: Decimal | string): Quantity<D> {
  return makeQuantity(toDecimal(q.amount.times(toDecimal(k))), q.unit);
}
