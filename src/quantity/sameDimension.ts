import { UnitMismatchError } from '../core/errors.js';
import { describeDimension } from '../units/convertFactor.js';
import { formatQuantity } from './formatQuantity.js';
import type { Quantity } from './types.js';

/**
 * Throws UnitMismatchError unless `a` and `b` have the same dimension; `verb` names the operation
 * in the message ("add", "compare"…).
 *
 * @example
 * assertSameDimension('add', mass('1', 't'), gasMass('CO2', '2', 't')) // throws UnitMismatchError
 */
export function assertSameDimension(verb: string, a: Quantity, b: Quantity): void {
  if (a.unit.dimensionKey !== b.unit.dimensionKey) {
    throw new UnitMismatchError(
      `cannot ${verb} ${formatQuantity(a)} (${describeDimension(a.unit)}) and ${formatQuantity(b)} (${describeDimension(b.unit)}): different dimensions`,
    );
  }
}
