import type { Decimal } from '../decimal/decimal.js';
import { convertFactor } from './convertFactor.js';
import { exactFactorOf } from './makeUnit.js';
import type { Unit } from './types.js';

/**
 * `amount` in `from`, expressed in `to`. Multiplies before it divides, so the result is exact
 * whenever it terminates within 34 significant digits (1 kWh is exactly 0.001 MWh; 7 min is
 * 0.1166… h, rounded half-even at the 34th digit). Throws UnitMismatchError when the dimensions
 * differ.
 *
 * @example
 * convertAmount(new Decimal('1500'), parseUnit('kWh'), parseUnit('MWh')).toFixed() // '1.5'
 */
export function convertAmount(amount: Decimal, from: Unit, to: Unit): Decimal {
  // Units are frozen and memoized by text, so the same unit is most often the same object.
  if (from === to || (from.symbol === to.symbol && from.dimensionKey === to.dimensionKey && from.factor.eq(to.factor))) return amount;
  convertFactor(from, to); // checks the dimensions, with the standard message
  const source = exactFactorOf(from);
  const target = exactFactorOf(to);
  return amount
    .times(source.numerator)
    .times(target.denominator)
    .div(source.denominator.times(target.numerator));
}
