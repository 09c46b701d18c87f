import type { MassUnitSymbol } from '../units/registry.js';
import { quantity, type AmountInput } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * A product (or carbon) mass, typed as `Quantity<'mass'>` so that adding a gas mass to it is a
 * compile-time error.
 *
 * @example
 * mass('100000', 't') // 100000 t
 */
export function mass(amount: AmountInput, unit: MassUnitSymbol): Quantity<'mass'> {
  return quantity(amount, unit) as Quantity<'mass'>;
}
