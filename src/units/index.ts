export type { Dimension, Unit } from './types.js';
export { parseUnit, MAX_UNIT_NESTING } from './parseUnit.js';
export { MAX_UNIT_TEXT_LENGTH } from './tokenizeUnit.js';
export { convertFactor, describeDimension } from './convertFactor.js';
export { convertAmount } from './convertAmount.js';
export { isConvertible } from './isConvertible.js';
export { multiplyUnits } from './multiplyUnits.js';
export { divideUnits } from './divideUnits.js';
export { gasOfUnit } from './gasOfUnit.js';
export { unitEquals } from './unitEquals.js';
export { dimensionKey } from './dimensionKey.js';
export { DIMENSIONLESS } from './dimensionless.js';
export {
  ATOMIC_UNITS,
  ENERGY_UNITS,
  MASS_UNITS,
  GAS_NAMES,
  isEnergyUnitSymbol,
  isMassUnitSymbol,
  type AtomicUnitSymbol,
  type EnergyUnitSymbol,
  type MassUnitSymbol,
} from './registry.js';
