import { InvalidNumberError } from '../core/errors.js';
import { toDecimal } from '../decimal/decimal.js';
import { divideUnits } from '../units/divideUnits.js';
import { formatQuantity } from './formatQuantity.js';
import { makeQuantity } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * a ÷ b: amounts divide (34 significant digits, half-even), units divide. Dividing by zero throws
 * InvalidNumberError rather than producing Infinity.
 *
 * @example
 * formatQuantity(divide(quantity('1200', 't CO2'), quantity('100000', 't'))) // '0.012 t CO2/t'
 */
export function divide(a: Quantity, b: Quantity): Quantity {
  if (b.amount.isZero()) throw new InvalidNumberError(`cannot divide ${formatQuantity(a)} by ${formatQuantity(b)}: division by zero`);
  return makeQuantity(toDecimal(a.amount.div(b.amount)), divideUnits(a.unit, b.unit));
}
