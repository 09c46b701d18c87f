import type { Unit } from './types.js';

/**
 * True when amounts in `a` can be expressed in `b`: the dimensions are equal.
 *
 * @example
 * isConvertible(parseUnit('kg/t'), parseUnit('%')) // true
 * isConvertible(parseUnit('m3'), parseUnit('Nm3')) // false
 */
export function isConvertible(a: Unit, b: Unit): boolean {
  return a.dimensionKey === b.dimensionKey;
}
