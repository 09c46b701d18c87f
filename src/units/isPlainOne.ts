import type { Unit } from './types.js';

/**
 * True for the unit `1` of a bare number (not for `fraction` or `%`, which keep their names).
 *
 * @example
 * isPlainOne(DIMENSIONLESS) // true
 */
export function isPlainOne(unit: Unit): boolean {
  return unit.symbol === '1' && unit.dimensionKey === '' && unit.factor.eq(1);
}
