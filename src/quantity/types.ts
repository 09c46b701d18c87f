import type { Decimal } from '../decimal/decimal.js';
import type { Unit } from '../units/types.js';

/**
 * An immutable amount in a unit. `D` is the dimension key when the type system knows it
 * (`'mass'`, `'gas:CO2'`, `'energy'`…), and `string` when it does not (parsed text).
 */
export interface Quantity<D extends string = string> {
  readonly amount: Decimal;
  readonly unit: Unit & { readonly dimensionKey: D };
}
