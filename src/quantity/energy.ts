import type { EnergyUnitSymbol } from '../units/registry.js';
import { quantity, type AmountInput } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * An amount of energy, typed as `Quantity<'energy'>`.
 *
 * @example
 * energy('1350000', 'MWh') // 1350000 MWh
 */
export function energy(amount: AmountInput, unit: EnergyUnitSymbol): Quantity<'energy'> {
  return quantity(amount, unit) as Quantity<'energy'>;
}
