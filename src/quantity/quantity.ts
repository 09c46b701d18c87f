import type { DocumentPath } from '../core/issues.js';
import { toDecimal, type Decimal } from '../decimal/decimal.js';
import { parseUnit } from '../units/parseUnit.js';
import type { Unit } from '../units/types.js';
import type { Quantity } from './types.js';

/**
 * What an amount may be given as: a Decimal, decimal text, or a JS number (read via its text).
 *
 * @example
 * const amounts: AmountInput[] = [new Decimal('0.42'), '0.42', 0.42];
 */
export type AmountInput = Decimal | string | number;

/**
 * An immutable quantity. The amount goes through toDecimal (finite decimals only; a number is read
 * through its shortest decimal text), unit text through parseUnit. When the unit's dimension is
 * known to the type system, so is the quantity's.
 *
 * @example
 * quantity('1350000', 'MWh') // { amount: 1350000, unit: MWh }
 * quantity(0.42, parseUnit('t/t')).amount.toFixed() // '0.42'
 */
export function quantity<D extends string>(amount: AmountInput, unit: Unit & { readonly dimensionKey: D }, path?: DocumentPath): Quantity<D>;
export function quantity(amount: AmountInput, unit: string | Unit, path?: DocumentPath): Quantity;
export function quantity(amount: AmountInput, unit: string | Unit, path?: DocumentPath): Quantity {
  return makeQuantity(toDecimal(amount, path), typeof unit === 'string' ? parseUnit(unit) : unit);
}

/**
 * The frozen `{ amount, unit }` record, without re-checking the amount (already a library Decimal).
 *
 * @example
 * makeQuantity(ONE, DIMENSIONLESS)
 */
export function makeQuantity<D extends string>(amount: Decimal, unit: Unit & { readonly dimensionKey: D }): Quantity<D> {
  return Object.freeze({ amount, unit });
}
