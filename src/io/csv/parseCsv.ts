import { SmeltprintError } from '../../core/errors.js';

/** A record of a delimited file: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly fields: readonly string[];
  /**
   * Spreadsheet rows only: indices of the fields that were numeric cells. Their text is the
   * cell's stored value (`123.456`, `1.5E2`), a plain decimal that no ledger number style applies to.
   */
  readonly numeric?: readonly number[];
}

/**
 * Parses delimited text after RFC 4180 §2: fields separated by `delimiter`, records by CRLF or
 * LF (a lone CR too), a field in double quotes may hold the delimiter, line breaks and `""` for
 * one quote. One pass over the text, so the time is linear in its length. Blank lines are
 * skipped; a quote inside an unquoted field is kept as text (as spreadsheets write it); an
 * unterminated quoted field or text after a closing quote is a `csv_syntax` error with its line.
 *
 * @example
 * parseCsv('a;"b;c"\n1;"say ""hi"""\n', ';')
 * // [{ line: 1, fields: ['a', 'b;c'] }, { line: 2, fields: ['1', 'say "hi"'] }]
 */
export function parseCsv(text: string, delimiter: string, file?: string): CsvRecord[] {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw new SmeltprintError('csv_syntax', `a delimiter is one character other than a quote or line break, got ${JSON.stringify(delimiter)}`);
  }
  const where = file === undefined ? '' : `${file}: `;
  const records: CsvRecord[] = [];
  const length = text.length;
  let fields: string[] = [];
  let field = '';
  let quotedInRecord = false; // tells `""` alone on a line (one empty field) from a blank line
  let line = 1;
  let recordLine = 1;
  let index = 0;

  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !quotedInRecord;
    if (!blank) records.push(Object.freeze({ line: recordLine, fields: Object.freeze(fields) }));
    fields = [];
    field = '';
    quotedInRecord = false;
  };

  while (index < length) {
    const char = text[index]!;
    if (char === '"' && field === '') {
      // Quoted field: read to the closing quote; "" stands for one quote.
      const openedOn = line;
      quotedInRecord = true;
      index += 1;
      let chunkStart = index;
      let closed = false;
      while (index < length) {
        const inner = text[index]!;
        if (inner === '"') {
          field += text.slice(chunkStart, index);
          if (text[index + 1] === '"') {
            field += '"';
            index += 2;
            chunkStart = index;
            continue;
          }
          index += 1;
          closed = true;
          break;
        }
        if (inner === '\n' || (inner === '\r' && text[index + 1] !== '\n')) line += 1;
        index += 1;
      }
      if (!closed) throw new SmeltprintError('csv_syntax', `${where}line ${openedOn}: a quoted field is never closed`);
      const after = text[index];
      if (after !== undefined && after !== delimiter && after !== '\n' && after !== '\r') {
        throw new SmeltprintError('csv_syntax', `${where}line ${line}: text after the closing quote of a field (${JSON.stringify(after)})`);
      }
      continue;
    }
    if (char === delimiter) {
      fields.push(field);
      field = '';
      index += 1;
      continue;
    }
    if (char === '\n' || char === '\r') {
      endRecord();
      index += char === '\r' && text[index + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    // A plain run up to the next delimiter or line break, taken in one slice.
    let end = index + 1;
    while (end < length) {
      const next = text[end]!;
      if (next === delimiter || next === '\n' || next === '\r') break;
      end += 1;
    }
    field += text.slice(index, end);
    index = end;
  }
  if (field !== '' || fields.length > 0 || quotedInRecord) endRecord();
  return records;
}
