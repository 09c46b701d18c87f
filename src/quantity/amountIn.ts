import type { Decimal } from '../decimal/decimal.js';
import { convertAmount } from '../units/convertAmount.js';
import { parseUnit } from '../units/parseUnit.js';
import type { Unit } from '../units/types.js';
import type { Quantity } from './types.js';

/**
 * The amount of `q` expressed in `unit` (exact when the result terminates within 34 digits).
 * Throws UnitMismatchError when the dimensions differ.
 *
 * @example
 * amountIn(quantity('1', 'tce'), 'MWh').toFixed() // '8.141'
 */
export function amountIn(q: Quantity, unit: string | Unit): Decimal {
  return convertAmount(q.amount, q.unit, typeof unit === 'string' ? parseUnit(unit) : unit);
}
