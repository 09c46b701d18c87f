import { Decimal, ONE } from '../decimal/decimal.js';
import type { GasOrCO2e } from '../gases/types.js';
import { exactFactorOf, makeUnit } from './makeUnit.js';
import { CARBON_MARK, lookupAtomicUnit } from './registry.js';
import type { Unit } from './types.js';

/**
 * The Unit of one registry entry (by symbol or alias), or undefined when the name is unknown.
 *
 * @example
 * atomicUnit('MWh')?.factor.toFixed() // '3600000000'
 */
export function atomicUnit(name: string): Unit | undefined {
  const entry = lookupAtomicUnit(name);
  if (entry === undefined) return undefined;
  return makeUnit(
    entry.symbol,
    { numerator: new Decimal(entry.factor), denominator: ONE },
    entry.base === '' ? {} : { [entry.base]: 1 },
    'atom',
  );
}

/**
 * A mass of a greenhouse gas (`t CO2`: dimension `gas:CO2`) or, with `C`, of carbon (`t C`: plain
 * mass, as in the carbon-content column t C/TJ of fuel tables).
 *
 * @example
 * gasMassUnit(atomicUnit('kg')!, 'CF4').dimensionKey // 'gas:CF4'
 */
export function gasMassUnit(mass: Unit, gas: GasOrCO2e | typeof CARBON_MARK): Unit {
  return makeUnit(
    `${mass.symbol} ${gas}`,
    { numerator: mass.factor, denominator: ONE },
    gas === CARBON_MARK ? mass.dimension : { [`gas:${gas}`]: 1 },
    'atom',
  );
}

/**
 * `unit` scaled by 10^exponent, written `10^4 Nm3` (Chinese practice for gas volumes).
 *
 * @example
 * scaledUnit(4, atomicUnit('Nm3')!).factor.toFixed() // '10000'
 */
export function scaledUnit(exponent: number, unit: Unit): Unit {
  const exact = exactFactorOf(unit);
  return makeUnit(
    `10^${exponent} ${unit.symbol}`,
    // Powers of ten are exact decimals both ways (10^-3 is 0.001), so scaling never rounds.
    { numerator: exact.numerator.times(new Decimal(10).pow(exponent)), denominator: exact.denominator },
    unit.dimension,
    'atom',
  );
}
