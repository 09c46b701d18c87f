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
 * One field, quoted only when RFC 4180 needs it.
 *
 * @example
 * csvField('say "hi"') // '"say ""hi"""'
 */
export function csvField(value: string): string {
  return /[",\r\n]|^ | $/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
