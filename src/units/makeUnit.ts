import { Decimal, ONE } from '../decimal/decimal.js';
import { dimensionKey } from './dimensionKey.js';
import type { Dimension, Unit } from './types.js';

/**
 * How a unit's symbol is built at its top level. The symbol writer needs it to know where
 * parentheses go (`(kg CF4/t)/(AE-min/cell-day)`).
 *
 * @example
 * const form: UnitForm = 'quotient'; // t CO2/MWh
 */
export type UnitForm = 'atom' | 'product' | 'quotient';

/**
 * The exact factor of a unit as numerator / denominator, each an exact product of the atomic
 * factors (terminating decimals). `Unit.factor` is their quotient, which need not terminate
 * (1/3600); keeping both parts lets conversions divide once, at the end, and stay exact whenever
 * the true result terminates (kg CO2/kWh to t CO2/MWh is exactly 1).
 *
 * @example
 * exactFactorOf(parseUnit('t CO2/MWh')) // { numerator: 1000, denominator: 3600000000 }
 */
export interface ExactFactor {
  readonly numerator: Decimal;
  readonly denominator: Decimal;
}

// Symbol-keyed and non-enumerable: invisible to JSON, spreads and deep equality, so a Unit stays
// the plain four-field record of its contract.
const EXACT = Symbol('smeltprint.unit.exact');
const FORM = Symbol('smeltprint.unit.form');

interface UnitInternals {
  readonly [EXACT]?: ExactFactor;
  readonly [FORM]?: UnitForm;
}

/**
 * Builds a frozen Unit with its exact factor parts and top-level form attached.
 *
 * @example
 * makeUnit('t', { numerator: new Decimal(1000), denominator: ONE }, { mass: 1 }, 'atom').factor.toFixed() // '1000'
 */
export function makeUnit(symbol: string, exact: ExactFactor, dimension: Dimension, form: UnitForm): Unit {
  const unit = {
    symbol,
    factor: exact.numerator.div(exact.denominator),
    dimension: Object.freeze({ ...dimension }),
    dimensionKey: dimensionKey(dimension),
  };
  Object.defineProperty(unit, EXACT, { value: Object.freeze({ ...exact }), enumerable: false });
  Object.defineProperty(unit, FORM, { value: form, enumerable: false });
  return Object.freeze(unit);
}

/**
 * The exact factor parts of a unit; a Unit made elsewhere (e.g. copied from JSON) falls back to
 * its `factor` over 1.
 *
 * @example
 * exactFactorOf(parseUnit('kWh')).numerator.toFixed() // '3600000'
 */
export function exactFactorOf(unit: Unit): ExactFactor {
  return (unit as Unit & UnitInternals)[EXACT] ?? { numerator: new Decimal(unit.factor), denominator: ONE };
}

/**
 * The top-level form of a unit's symbol. For a Unit made elsewhere, a symbol with an operator or
 * a space is treated as compound, which only ever adds harmless parentheses.
 *
 * @example
 * unitFormOf(parseUnit('t CO2/MWh')) // 'quotient'
 */
export function unitFormOf(unit: Unit): UnitForm {
  const form = (unit as Unit & UnitInternals)[FORM];
  if (form !== undefined) return form;
  return /[/*·( ]/.test(unit.symbol) ? 'quotient' : 'atom';
}
