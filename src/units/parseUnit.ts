import { UnitParseError } from '../core/errors.js';
import { atomicUnit, gasMassUnit, scaledUnit } from './atomicUnit.js';
import { divideUnits } from './divideUnits.js';
import { multiplyUnits } from './multiplyUnits.js';
import { ATOMIC_UNITS, CARBON_MARK, GAS_NAMES, isGasName, isMassUnitSymbol, UNIT_ALIASES } from './registry.js';
import { suggestField } from '../core/suggestField.js';
import { tokenizeUnit, type UnitToken } from './tokenizeUnit.js';
import type { Unit } from './types.js';
import { memoizeText } from '../core/memo.js';

/**
 * Deepest parenthesis nesting accepted; real units need two levels.
 *
 * @example
 * parseUnit('(((((((((t)))))))))') // throws UnitParseError: nested deeper than 8 levels
 */
export const MAX_UNIT_NESTING = 8;

/**
 * Reads unit text into a Unit. Grammar (hand-written recursive descent over tokenizeUnit):
 *
 *     expression := term (("*" | "·" | "/") term)*      left-associative: a/b/c = (a/b)/c
 *     term       := "(" expression ")" | atom
 *     atom       := ["10^" integer] name [gas | "C"]    a gas or C only after a mass unit
 *
 * A gas name after a mass unit makes a gas mass (`t CO2`: dimension `gas:CO2`); `C` after one
 * means carbon mass and is plain mass. Text longer than 200 characters is refused before it is
 * read, and nesting is limited, so no input makes parsing slow or deep.
 *
 * @example
 * parseUnit('t CO2/MWh').dimensionKey // 'energy^-1*gas:CO2'
 * parseUnit('10^4 Nm3').factor.toFixed() // '10000'
 * parseUnit('(kg CF4/t)/(AE-min/cell-day)').symbol // '(kg CF4/t)/(AE-min/cell-day)'
 */
export function parseUnit(text: string): Unit {
  if (typeof text !== 'string') throw new UnitParseError(`expected unit text, got ${typeof text}`);
  return parseUnitText(text);
}

// A memo, not state: units are frozen and parsing is a pure function of the text, so handing out
// the same object for the same text changes nothing anyone can observe. (A large model repeats a
// handful of units hundreds of thousands of times; parsing was a measurable part of loading it.)
const parseUnitText = memoizeText(512, (text: string): Unit => {
  const tokens = tokenizeUnit(text);
  if (tokens.length === 0) throw new UnitParseError('empty unit text');
  return parseTokens(text, tokens);
});

// One parse: the cursor lives in this call only, so parsing is a pure function of the text.
function parseTokens(text: string, tokens: readonly UnitToken[]): Unit {
  let index = 0;

  function fail(message: string, token?: UnitToken): UnitParseError {
    const where = token === undefined ? '' : ` at position ${token.position + 1}`;
    return new UnitParseError(`cannot read unit "${text}": ${message}${where}`);
  }

  function expression(depth: number): Unit {
    let unit = term(depth);
    for (;;) {
      const next = tokens[index];
      if (next === undefined || (next.kind !== 'times' && next.kind !== 'divide')) return unit;
      index += 1;
      const right = term(depth);
      unit = next.kind === 'times' ? multiplyUnits(unit, right) : divideUnits(unit, right);
    }
  }

  function term(depth: number): Unit {
    const token = tokens[index];
    if (token === undefined) throw fail('expected a unit at the end');
    if (token.kind === 'open') {
      if (depth >= MAX_UNIT_NESTING) throw fail(`parentheses nested deeper than ${MAX_UNIT_NESTING} levels`, token);
      index += 1;
      const inner = expression(depth + 1);
      const close = tokens[index];
      if (close === undefined || close.kind !== 'close') {
        throw fail(`expected ")" to close the "(" at position ${token.position + 1}`, close);
      }
      index += 1;
      return inner;
    }
    return atom();
  }

  function atom(): Unit {
    let token = tokens[index];
    let exponent: number | undefined;
    if (token?.kind === 'scale') {
      exponent = token.exponent;
      index += 1;
      token = tokens[index];
      if (token?.kind !== 'word') throw fail(`expected a unit after "10^${exponent}"`, token);
    }
    if (token === undefined || token.kind !== 'word') throw fail('expected a unit', token);
    index += 1;
    let unit = atomicUnit(token.text);
    if (unit === undefined) {
      if (isGasName(token.text) || token.text === CARBON_MARK) {
        throw fail(`"${token.text}" must follow a mass unit, as in "t ${token.text}"`, token);
      }
      // Symbols are case-sensitive (Mt is not mt); a near miss such as kwh names the unit meant.
      // Only for symbols of three letters or more (kwh → kWh): among one- and two-letter symbols a
      // near miss is often another quantity (MT is no megatonne, Mg no gram).
      const guess = token.text.length < 3 ? undefined : suggestField(token.text, [...Object.keys(ATOMIC_UNITS), ...Object.keys(UNIT_ALIASES)].filter((symbol) => symbol.length >= 3));
      throw fail(`unknown unit "${token.text}"${guess === undefined ? '' : ` (did you mean "${guess}"? unit symbols are case-sensitive)`}`, token);
    }
    const after = tokens[index];
    if (after?.kind === 'word') {
      if (!isMassUnitSymbol(unit.symbol)) {
        throw fail(`unexpected "${after.text}" after "${unit.symbol}"; join units with * or /`, after);
      }
      if (!isGasName(after.text) && after.text !== CARBON_MARK) {
        throw fail(`"${after.text}" after "${unit.symbol}" is not a gas (${GAS_NAMES.join(', ')}) or C (carbon)`, after);
      }
      index += 1;
      unit = gasMassUnit(unit, after.text);
    }
    return exponent === undefined ? unit : scaledUnit(exponent, unit);
  }

  const unit = expression(0);
  const extra = tokens[index];
  if (extra !== undefined) {
    throw fail(extra.kind === 'close' ? 'unmatched ")"' : `unexpected ${describeToken(extra)}; join units with * or /`, extra);
  }
  return unit;
}

function describeToken(token: UnitToken): string {
  switch (token.kind) {
    case 'word':
      return `"${token.text}"`;
    case 'scale':
      return `"10^${token.exponent}"`;
    case 'times':
      return '"*"';
    case 'divide':
      return '"/"';
    case 'open':
      return '"("';
    case 'close':
      return '")"';
  }
}
