import { ONE } from '../decimal/decimal.js';
import { makeUnit } from './makeUnit.js';
import type { Unit } from './types.js';

/**
 * The unit of a pure number, written `1`: factor 1, empty dimension, dimensionKey ''.
 *
 * @example
 * DIMENSIONLESS.dimensionKey // ''
 */
export const DIMENSIONLESS: Unit = makeUnit('1', { numerator: ONE, denominator: ONE }, {}, 'atom');
