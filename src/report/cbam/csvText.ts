import { isDecimalText } from '../../decimal/decimal.js';

/**
 * RFC 4180 CSV text: fields separated by commas, records ended by CRLF (also the last one), a field
 * quoted when it contains a comma, a double quote, CR or LF (or starts or ends with a space, which
 * some readers would trim), with inner quotes doubled.
 *
 * @example
 * csvText([['CN code', 'Route'], ['7601', 'Primary (electrolytic) smelting, prebake']])
 * // 'CN code,Route\r\n7601,"Primary (electrolytic) smelting, prebake"\r\n'
 */
export function csvText(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
}

/**
 * One field, quoted only when RFC 4180 needs it. Text a spreadsheet would run as a formula —
 * starting with =, +, -, @, tab or CR, and not a plain number such as -0.5 — gets a leading
 * apostrophe (OWASP "CSV injection"): a model id or installation name such as `=HYPERLINK(…)`
 * taken from a supplier's document must not run when the file is opened in a spreadsheet.
 *
 * @example
 * csvField('say "hi"') // '"say ""hi"""'
 * csvField('=1+1') // "'=1+1"
 * csvField('-0.5') // '-0.5'
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !isDecimalText(value) ? `'${value}` : value;
  return /[",\r\n]|^ | $/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
