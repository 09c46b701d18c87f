import { parseCsv, type CsvRecord } from './csv/parseCsv.js';
import { sniffDelimiter } from './csv/sniffDelimiter.js';
import { decodeText, TEXT_ENCODINGS, type TextEncodingName } from './decodeText.js';
import { InvalidEncodingError, InvalidOptionError } from '../core/errors.js';
import { optionsObject } from '../core/options.js';
import { readXlsx } from './xlsx/readXlsx.js';

/** How to read an activity file: the parts of an activity mapping that concern the file. */
export interface ActivityFileOptions {
  /** `csv` or `xlsx`; by default from the extension (`.xlsx` is XLSX, anything else CSV). */
  readonly format?: 'csv' | 'xlsx';
  readonly encoding?: TextEncodingName;
  /** CSV delimiter; guessed from the first lines when absent. */
  readonly delimiter?: string;
  /** XLSX sheet name; the first sheet when absent. */
  readonly sheet?: string;
}

/**
 * A workbook read as CSV was "not valid utf-8 … declare encoding: gbk" — advice that cannot help.
 * Old Excel files (.xls, an OLE2 compound file) are not read at all; an XLSX (a zip) under another
 * name is, given format xlsx.
 */
function refuseWorkbookAsText(bytes: Uint8Array, file: string): void {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw new InvalidEncodingError(`${file} is an Excel 97–2003 workbook (.xls), which smeltprint does not read: save it as .xlsx or as CSV`);
  }
  if (starts(0x50, 0x4b, 0x03, 0x04)) throw new InvalidEncodingError(`${file} is a zip file, as an .xlsx workbook is: name it .xlsx or give format: xlsx`);
}

/** The encoding option, as people write it ("GBK", "utf8"): one of TEXT_ENCODINGS, else an error naming them. */
function encodingOf(given: string | undefined): TextEncodingName {
  if (given === undefined) return 'utf-8';
  const name = typeof given === 'string' ? given.trim().toLowerCase().replace(/^utf8$/, 'utf-8') : given;
  if (!(TEXT_ENCODINGS as readonly unknown[]).includes(name)) throw new InvalidOptionError(`encoding is ${TEXT_ENCODINGS.join(' or ')}, not ${JSON.stringify(given)}`);
  return name as TextEncodingName;
}

/**
 * Parses the bytes of an activity export (CSV in UTF-8 or GBK, or an XLSX sheet) into records.
 * Pure: `readActivityTable` does the file reading.
 *
 * @example
 * parseActivityBytes(bytes, 'ledger.csv', { encoding: 'gbk' }).records[0]?.fields // ['日期', '项目', ...]
 */
export function parseActivityBytes(bytes: Uint8Array, file: string, given: ActivityFileOptions = {}): { readonly file: string; readonly format: 'csv' | 'xlsx'; readonly records: readonly CsvRecord[] } {
  const options = optionsObject(given, 'parseActivityBytes', ['format', 'encoding', 'delimiter', 'sheet']);
  if (!(bytes instanceof Uint8Array)) throw new InvalidOptionError('parseActivityBytes takes the file\'s bytes (a Uint8Array or Buffer)');
  const encoding = encodingOf(options.encoding);
  // An unknown format was ignored ('xls' read as CSV).
  if (options.format !== undefined && options.format !== 'csv' && options.format !== 'xlsx') throw new InvalidOptionError(`format is csv or xlsx, not ${JSON.stringify(options.format)}`);
  const format = options.format ?? (/\.xlsx$/i.test(file) ? 'xlsx' : 'csv');
  if (format === 'xlsx') return Object.freeze({ file, format, records: readXlsx(bytes, options.sheet, file).rows });
  refuseWorkbookAsText(bytes, file);
  const text = decodeText(bytes, encoding, file);
  return Object.freeze({ file, format, records: Object.freeze(parseCsv(text, options.delimiter ?? sniffDelimiter(text), file)) });
}
