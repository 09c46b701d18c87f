import { InvalidNumberError, UnitParseError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { toDecimal } from '../decimal/decimal.js';
import { DIMENSIONLESS } from '../units/dimensionless.js';
import { parseUnit } from '../units/parseUnit.js';
import { MAX_UNIT_TEXT_LENGTH } from '../units/tokenizeUnit.js';
import type { Unit } from '../units/types.js';
import { makeQuantity } from './quantity.js';
import type { Quantity } from './types.js';

/**
 * Longest quantity text accepted: a 400-character number, a space and a unit.
 *
 * @example
 * parseQuantity('1 ' + 't*'.repeat(400)) // throws InvalidNumberError
 */
export const MAX_QUANTITY_TEXT_LENGTH = 400 + 1 + MAX_UNIT_TEXT_LENGTH;

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9';
}

// Length of the decimal literal at the start of `text` (sign, digits, fraction, exponent), found
// by a single forward scan; 0 when there is no digit.
function numberLength(text: string): number {
  let position = 0;
  if (text.charAt(0) === '+' || text.charAt(0) === '-') position = 1;
  let digits = 0;
  while (isDigit(text.charAt(position))) { position += 1; digits += 1; }
  if (text.charAt(position) === '.') {
    position += 1;
    while (isDigit(text.charAt(position))) { position += 1; digits += 1; }
  }
  if (digits === 0) return 0;
  const mark = text.charAt(position);
  if (mark === 'e' || mark === 'E') {
    const signed = text.charAt(position + 1) === '+' || text.charAt(position + 1) === '-';
    let exponentEnd = position + 1 + (signed ? 1 : 0);
    const exponentStart = exponentEnd;
    while (isDigit(text.charAt(exponentEnd))) exponentEnd += 1;
    // `3 EUR` or `2e` is not an exponent: the letter then belongs to the unit.
    if (exponentEnd > exponentStart) position = exponentEnd;
  }
  return position;
}

/**
 * Reads a quantity: a decimal number, optionally followed by a unit (`"0.42 t/t"`, `"2 %"`,
 * `"1350000 MWh"`, `"-3 t"`). A bare number, or a JS number, takes `defaultUnit` (or is
 * dimensionless). Amounts go through toDecimal: finite decimals only, never float arithmetic.
 * Signs and magnitudes are not checked here — callers decide what they accept (checkMagnitude).
 * Throws InvalidNumberError for a missing or malformed number and UnitParseError for a unit that
 * cannot be read, each with `path` when given.
 *
 * @example
 * formatQuantity(parseQuantity('0.42 t/t')) // '0.42 t/t'
 * parseQuantity('1800', ['processes', 0, 'inputs', 3, 'amount'], 't').unit.symbol // 't'
 */
export function parseQuantity(text: string | number, path?: DocumentPath, defaultUnit?: string | Unit): Quantity {
  const where = path === undefined ? {} : { path };
  const fallbackUnit = (): Unit => (defaultUnit === undefined ? DIMENSIONLESS : readUnit(defaultUnit, where));
  if (typeof text === 'number') return makeQuantity(toDecimal(text, path), fallbackUnit());
  if (typeof text !== 'string') throw new InvalidNumberError(`expected a quantity, got ${text === null ? 'null' : typeof text}`, where);
  if (text.length > MAX_QUANTITY_TEXT_LENGTH) {
    throw new InvalidNumberError(`quantity text is longer than ${MAX_QUANTITY_TEXT_LENGTH} characters`, where);
  }
  const trimmed = text.trim();
  if (trimmed === '') throw new InvalidNumberError('empty quantity: expected a number and a unit, e.g. "12.5 t"', where);
  const length = numberLength(trimmed);
  if (length === 0) {
    throw new InvalidNumberError(`"${clip(trimmed)}" does not start with a number (expected e.g. "12.5 t")`, where);
  }
  const next = trimmed.charAt(length);
  if (next === '.' || isDigit(next)) throw new InvalidNumberError(`"${clip(trimmed)}" is not a decimal number`, where);
  const amount = toDecimal(trimmed.slice(0, length), path);
  const unitText = trimmed.slice(length).trim();
  return makeQuantity(amount, unitText === '' ? fallbackUnit() : readUnit(unitText, where));
}

function readUnit(unit: string | Unit, where: { path?: DocumentPath }): Unit {
  if (typeof unit !== 'string') return unit;
  try {
    return parseUnit(unit);
  } catch (error) {
    if (error instanceof UnitParseError && where.path !== undefined) throw new UnitParseError(error.message, where);
    throw error;
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
