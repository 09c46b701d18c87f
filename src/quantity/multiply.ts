import { toDecimal } from '../decimal/decimal.js';
import { multiplyUnits } from '../units/multiplyUnits.js';
import { makeQuantity } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * a × b: amounts multiply (34 significant digits, half-even), units multiply (`GJ/t` × `t` is
 * `GJ/t*t`, dimension energy). Convert the result to a simpler unit with `convert`.
 *
 * @example
 * formatQuantity(convert(multiply(quantity('29.3', 'GJ/t'), quantity('2', 't')), 'GJ')) // '58.6 GJ'
 */
export function multiply(a: Quantity, b: Quantity): Quantity {
  return makeQuantity(toDecimal(a.amount.times(b.amount)), multiplyUnits(a.unit, b.unit));
}
