import type { Unit } from './types.js';

/**
 * True when two units are the same unit: same canonical symbol, factor and dimension.
 *
 * @example
 * unitEquals(parseUnit('t CO2 / MWh'), parseUnit('t CO2/MWh')) // true
 * unitEquals(parseUnit('Gg'), parseUnit('kt')) // false (equal size, different symbol)
 */
export function unitEquals(a: Unit, b: Unit): boolean {
  return a.symbol === b.symbol && a.dimensionKey === b.dimensionKey && a.factor.eq(b.factor);
}
