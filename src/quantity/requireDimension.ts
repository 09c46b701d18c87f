import { UnitMismatchError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { describeDimension } from '../units/convertFactor.js';
import { formatQuantity } from './formatQuantity.js';
import type { Quantity } from './types.js';

/**
 * Narrows a quantity of unknown dimension (parsed text) to `Quantity<D>`, or throws
 * UnitMismatchError naming `path`. Use it where parsed input meets typed code.
 *
 * @example
 * const production = requireDimension(parseQuantity('100000 t'), 'mass'); // Quantity<'mass'>
 * requireDimension(parseQuantity('2 %'), 'mass') // throws UnitMismatchError
 */
export function requireDimension<D extends string>(q: Quantity, dimensionKey: D, path?: DocumentPath): Quantity<D> {
  if (q.unit.dimensionKey !== dimensionKey) {
    throw new UnitMismatchError(
      `expected a quantity of dimension ${dimensionKey === '' ? 'dimensionless' : dimensionKey}, got ${formatQuantity(q)} (${describeDimension(q.unit)})`,
      path === undefined ? {} : { path },
    );
  }
  return q as Quantity<D>;
}
