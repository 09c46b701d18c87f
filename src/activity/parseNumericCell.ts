import { checkMagnitude, isDecimalText, toDecimal, type Decimal } from '../decimal/decimal.js';
import type { CellReading } from './parseActivityAmount.js';

/**
 * Reads the stored value of a numeric spreadsheet cell exactly (never through a float). An XLSX
 * file stores a number as plain decimal text in the cell's `<v>` element (ECMA-376 Part 1
 * §18.3.1.96), possibly with an exponent (`1.5E2`) and never with thousands separators, so the
 * ledger's number style does not apply. The digits are kept as the file holds them: a value
 * Excel stored as `150.30000000000001` stays that, digit for digit.
 *
 * @example
 * parseNumericCell('1.5E2') // { ok: true, value: 150 }
 * parseNumericCell('123.456') // { ok: true, value: 123.456 }, whatever the mapping's numbers say
 */
export function parseNumericCell(text: string): CellReading<Decimal> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'the amount is empty' };
  const shown = `"${trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed}"`;
  if (!isDecimalText(trimmed)) return { ok: false, message: `${shown} is not a number, though the cell is numeric` };
  try {
    // The accepted range (1e-30 to 1e24) keeps an exponent such as 1E-99999 from becoming a
    // number too long to print.
    return { ok: true, value: checkMagnitude(toDecimal(trimmed)) };
  } catch {
    return { ok: false, message: `${shown} is outside the accepted range of amounts (1e-30 to 1e24)` };
  }
}
