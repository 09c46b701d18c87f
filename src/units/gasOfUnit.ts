import type { GasOrCO2e } from '../gases/types.js';
import { isGasName } from './registry.js';
import type { Unit } from './types.js';

/**
 * The gas a unit measures when its dimension is exactly one gas mass (`t CO2`, `kg CF4`,
 * `10^4 t CO2e`); undefined otherwise, including for ratios such as `t CO2/MWh`.
 *
 * @example
 * gasOfUnit(parseUnit('kt CH4')) // 'CH4'
 * gasOfUnit(parseUnit('t CO2/MWh')) // undefined
 */
export function gasOfUnit(unit: Unit): GasOrCO2e | undefined {
  const key = unit.dimensionKey;
  if (!key.startsWith('gas:') || key.includes('*') || key.includes('^')) return undefined;
  const gas = key.slice('gas:'.length);
  return isGasName(gas) ? gas : undefined;
}
