import { add as addDecimals } from '../decimal/decimal.js';
import { convertAmount } from '../units/convertAmount.js';
import { makeQuantity } from './quantity.js';
import { assertSameDimension } from './sameDimension.js';
import type { Quantity } from './types.js';

/**
 * a − b in a's unit; same dimension required, as for `add`.
 *
 * @example
 * formatQuantity(subtract(quantity('1', 'MWh'), quantity('250', 'kWh'))) // '0.75 MWh'
 */
export function subtract<D extends string>(a: Quantity<D>, b: Quantity<NoInfer<D>>): Quantity<D> {
  assertSameDimension('subtract', a, b);
  return makeQuantity(addDecimals(a.amount, convertAmount(b.amount, b.unit, a.unit).negated()), a.unit);
}
