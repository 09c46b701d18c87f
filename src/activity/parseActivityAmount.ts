import { isWithinMagnitude, toDecimal, type Decimal } from '../decimal/decimal.js';

/** How a ledger writes numbers (the mapping's `numbers`). */
export interface NumberStyle {
  readonly decimal: '.' | ',';
  readonly thousands: string;
}

/** A parsed cell: the value, or why it could not be read. */
export type CellReading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

/**
 * Reads an amount cell exactly as a Decimal (never through a float): optional sign, digits with
 * the declared thousands separator only between groups of three, the declared decimal separator.
 * `1.234.567,5` with `{ decimal: ',', thousands: '.' }` is 1234567.5; a separator that was not
 * declared, or a misplaced one (`12,34` with thousands `,`), is an error rather than a guess.
 *
 * @example
 * parseActivityAmount('1 234,5', { decimal: ',', thousands: ' ' }) // { ok: true, value: 1234.5 }
 * parseActivityAmount('1,234.5', { decimal: '.', thousands: '' }).ok // false
 */
export function parseActivityAmount(text: string, style: NumberStyle): CellReading<Decimal> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'the amount is empty' };
  // [\s\S] and not `.`: a quoted CSV field may hold a line break, which is then no number.
  const match = /^([+-]?)([\s\S]*)$/.exec(trimmed)!;
  const sign = match[1]!;
  const body = match[2]!;
  const decimalAt = body.indexOf(style.decimal);
  const integerPart = decimalAt === -1 ? body : body.slice(0, decimalAt);
  const fractionPart = decimalAt === -1 ? '' : body.slice(decimalAt + 1);
  const clipped = trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed;
  const shown = `"${clipped.replace(/\r?\n|\r/g, '\\n')}"`;
  if (decimalAt !== -1 && !/^\d+$/.test(fractionPart)) return { ok: false, message: `${shown} is not a number (decimal separator "${style.decimal}")` };
  let digits = integerPart;
  if (style.thousands !== '' && integerPart.includes(style.thousands)) {
    const groups = integerPart.split(style.thousands);
    const wellGrouped = /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((group) => /^\d{3}$/.test(group));
    if (!wellGrouped) return { ok: false, message: `${shown} has misplaced thousands separators "${style.thousands}"` };
    digits = groups.join('');
  }
  if (!/^\d+$/.test(digits)) {
    const declared = `decimal "${style.decimal}"${style.thousands === '' ? ', no thousands separator' : `, thousands "${style.thousands}"`}`;
    return { ok: false, message: `${shown} is not a number as the mapping declares them (${declared})` };
  }
  if (digits.length + fractionPart.length > 60) return { ok: false, message: `${shown} has too many digits` };
  const value = toDecimal(`${sign}${digits}${fractionPart === '' ? '' : `.${fractionPart}`}`);
  // Checked here, per row, as a numeric XLSX cell is (parseNumericCell): otherwise the amount
  // fails later against the model path, as a rounded sum that appears nowhere in the ledger.
  if (!isWithinMagnitude(value)) return { ok: false, message: `${shown} is outside the accepted range of amounts (1e-30 to 1e24)` };
  return { ok: true, value };
}
