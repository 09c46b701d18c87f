import { add as addDecimals } from '../decimal/decimal.js';
import { convertAmount } from '../units/convertAmount.js';
import { makeQuantity } from './quantity.js';
import { assertSameDimension } from './sameDimension.js';
import type { Quantity } from './types.js';

/**
 * a + b in a's unit. Both must have the same dimension: a compile-time error when their types
 * know it (`add(mass(...), gasMass('CO2', ...))`), a UnitMismatchError at run time otherwise.
 * The sum itself is exact (decimal `add`); b is converted into a's unit first.
 *
 * @example
 * formatQuantity(add(quantity('1', 't'), quantity('500', 'kg'))) // '1.5 t'
 */
export function add<D extends string>(a: Quantity<D>, b: Quantity<NoInfer<D>>): Quantity<D> {
  assertSameDimension('add', a, b);
  return makeQuantity(addDecimals(a.amount, convertAmount(b.amount, b.unit, a.unit)), a.unit);
}
