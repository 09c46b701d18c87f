import type { GasId } from '../gases/types.js';
import { gasOfUnit, parseUnit } from '../units/index.js';
import type { Unit } from '../units/types.js';
import { readUnit, type FieldReading } from './fields.js';

/**
 * The gas-mass unit of a declared emission. A plain mass unit means a mass of the declared gas
 * (`t` with gas CH4 is `t CH4`); a gas-mass unit must name the declared gas (`t CO2` with gas CH4
 * is a `gas_mismatch`); anything else is an `invalid_unit`.
 *
 * @example
 * emissionUnitOf('t', 'CF4') // { ok: true, value: <unit t CF4> }
 * emissionUnitOf('t CO2', 'CH4') // { ok: false, code: 'gas_mismatch', ... }
 */
export function emissionUnitOf(unitText: string, gas: GasId): FieldReading<Unit> {
  const reading = readUnit(unitText);
  if (!reading.ok) return reading;
  const unit = reading.value;
  if (unit.dimensionKey === 'mass') {
    try {
      return { ok: true, value: parseUnit(`${unit.symbol} ${gas}`) };
    } catch {
      return { ok: false, code: 'invalid_unit', message: `write the unit of this emission as a gas mass such as "t ${gas}"` };
    }
  }
  const unitGas = gasOfUnit(unit);
  if (unitGas === undefined) {
    return { ok: false, code: 'invalid_unit', message: `an emission is a mass of gas ("t" or "t ${gas}"), not ${unit.symbol}` };
  }
  if (unitGas !== gas) {
    return { ok: false, code: 'gas_mismatch', message: `unit ${unit.symbol} is a mass of ${unitGas}, but the emission's gas is ${gas}` };
  }
  return { ok: true, value: unit };
}
