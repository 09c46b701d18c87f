import { unitFormOf } from './makeUnit.js';
import type { Unit } from './types.js';

// A left operand needs parentheses when it is a quotient (so `(a/b)*c` and `(a/b)/c` read
// unambiguously); a right operand whenever it is not a plain atom. Atoms whose own name holds a
// slash (AE-min/cell-day) are bracketed too, for people: the parser would not need it.

/**
 * Symbol text of `unit` as the left operand of `*` or `/`.
 *
 * @example
 * leftOperandText(parseUnit('t/t')) // '(t/t)'
 */
export function leftOperandText(unit: Unit): string {
  const form = unitFormOf(unit);
  return form === 'quotient' || (form === 'atom' && unit.symbol.includes('/')) ? `(${unit.symbol})` : unit.symbol;
}

/**
 * Symbol text of `unit` as the right operand of `*` or `/`.
 *
 * @example
 * rightOperandText(parseUnit('t/t')) // '(t/t)'
 */
export function rightOperandText(unit: Unit): string {
  const form = unitFormOf(unit);
  return form !== 'atom' || unit.symbol.includes('/') ? `(${unit.symbol})` : unit.symbol;
}
