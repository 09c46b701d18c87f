import { UnitMismatchError } from '../core/errors.js';
import type { Decimal } from '../decimal/decimal.js';
import { exactFactorOf } from './makeUnit.js';
import type { Unit } from './types.js';

/**
 * The number to multiply an amount in `from` by to express it in `to`. Both units' exact factor
 * parts are cross-multiplied and divided once, so the result is exact whenever it terminates
 * within 34 significant digits (kWh to MWh is exactly 0.001; 1 min to h is 1/60, rounded).
 * Throws UnitMismatchError when the dimensions differ.
 *
 * @example
 * convertFactor(parseUnit('kWh'), parseUnit('MWh')).toFixed() // '0.001'
 * convertFactor(parseUnit('t'), parseUnit('t CO2')) // throws UnitMismatchError
 */
export function convertFactor(from: Unit, to: Unit): Decimal {
  if (from.dimensionKey !== to.dimensionKey) {
    throw new UnitMismatchError(
      `cannot convert ${from.symbol} (${describeDimension(from)}) to ${to.symbol} (${describeDimension(to)})`,
    );
  }
  const source = exactFactorOf(from);
  const target = exactFactorOf(to);
  return source.numerator.times(target.denominator).div(source.denominator.times(target.numerator));
}

/**
 * A unit's dimension for messages: its dimensionKey, or "dimensionless".
 *
 * @example
 * describeDimension(parseUnit('%')) // 'dimensionless'
 */
export function describeDimension(unit: Unit): string {
  return unit.dimensionKey === '' ? 'dimensionless' : unit.dimensionKey;
}
