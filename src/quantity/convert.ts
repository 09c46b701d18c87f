import { convertAmount } from '../units/convertAmount.js';
import { parseUnit } from '../units/parseUnit.js';
import type { Unit } from '../units/types.js';
import { makeQuantity } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * `q` expressed in another unit of the same dimension. Throws UnitMismatchError otherwise.
 *
 * @example
 * formatQuantity(convert(quantity('2500', 'kg'), 't')) // '2.5 t'
 */
export function convert<D extends string>(q: Quantity<D>, to: string | Unit): Quantity<D> {
  const unit = typeof to === 'string' ? parseUnit(to) : to;
  return makeQuantity(convertAmount(q.amount, q.unit, unit), unit as Unit & { readonly dimensionKey: D });
}
