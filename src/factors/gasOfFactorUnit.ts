import { GAS_IDS, type GasOrCO2e } from '../gases/types.js';
import type { Unit } from '../units/types.js';

const KNOWN_GASES: ReadonlySet<string> = new Set<string>([...GAS_IDS, 'CO2e']);

/**
 * The greenhouse gas a factor yields: the gas of its unit's numerator, when the unit's dimension
 * has exactly one positive gas-mass power and that power is 1 (`t CO2/MWh` → CO2, `kg CF4/t` →
 * CF4, `t CO2e/t` → CO2e). Parameters such as `GJ/t` or `t C/t` (carbon mass) yield none.
 *
 * @example
 * gasOfFactorUnit(parseUnit('t CO2/MWh')) // 'CO2'
 * gasOfFactorUnit(parseUnit('GJ/t'))      // undefined
 */
export function gasOfFactorUnit(unit: Unit): GasOrCO2e | undefined {
  const positiveGases = Object.entries(unit.dimension).filter(([base, power]) => base.startsWith('gas:') && power > 0);
  if (positiveGases.length !== 1) return undefined;
  const [base, power] = positiveGases[0] ?? ['', 0];
  const gas = base.slice('gas:'.length);
  return power === 1 && KNOWN_GASES.has(gas) ? (gas as GasOrCO2e) : undefined;
}
