import type { GasOrCO2e } from '../gases/types.js';
import type { MassUnitSymbol } from '../units/registry.js';
import { quantity, type AmountInput } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * A mass of one greenhouse gas (or of CO2e), typed by its gas: `Quantity<'gas:CF4'>` cannot be
 * added to `Quantity<'gas:CO2'>` or to product mass.
 *
 * @example
 * gasMass('CF4', '12.5', 't') // 12.5 t CF4
 */
export function gasMass<G extends GasOrCO2e>(gas: G, amount: AmountInput, unit: MassUnitSymbol): Quantity<`gas:${G}`> {
  return quantity(amount, `${unit} ${gas}`) as Quantity<`gas:${G}`>;
}
