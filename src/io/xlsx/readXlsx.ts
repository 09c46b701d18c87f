import { unzipSync, strFromU8 } from 'fflate';
import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { SmeltprintError } from '../../core/errors.js';
import type { CsvRecord } from '../csv/parseCsv.js';

/** A worksheet read as text: its name and its rows (`line` is the spreadsheet row number). */
export interface XlsxSheet {
  readonly name: string;
  readonly rows: readonly CsvRecord[];
}

const PREFIX = '(?:[A-Za-z_][\\w.-]*:)?';

/**
 * Reads one worksheet of an .xlsx workbook (ECMA-376 Part 1, SpreadsheetML) as rows of text:
 * the first sheet, or the one named `sheet`. Numeric cells keep the exact text of their `<v>`
 * element (never read through a float) and their indices are listed in the row's `numeric`, so
 * that they are read as plain decimals rather than with a ledger's number style; shared and inline strings are resolved; booleans are
 * `TRUE`/`FALSE`; cells with a date number format become ISO dates (`2025-01-31`), counting
 * serial days from 1899-12-30 as Excel's 1900 date system does for serials from 61 on
 * (ECMA-376 Part 1 §18.17.4.1), or from 1904-01-01 when the workbook says `date1904`.
 * Errors name the file and the part of the archive at fault (`xlsx_invalid`).
 *
 * @example
 * const sheet = readXlsx(await readFile('ledger.xlsx'), 'Ledger');
 * sheet.rows[0]?.fields // ['date', 'series', 'amount']
 */
export function readXlsx(bytes: Uint8Array, sheet?: string, file?: string): XlsxSheet {
  const where = file === undefined ? '' : `${file}: `;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, { filter: (entry) => entry.name.startsWith('xl/') });
  } catch (error) {
    throw new SmeltprintError('xlsx_invalid', `${where}not an .xlsx workbook (cannot unzip)`, { cause: error });
  }
  const part = (name: string): string | undefined => {
    const data = entries[name];
    return data === undefined ? undefined : strFromU8(data);
  };
  const workbook = part('xl/workbook.xml');
  if (workbook === undefined) throw new SmeltprintError('xlsx_invalid', `${where}no xl/workbook.xml in the archive`);
  const sheets = [...workbook.matchAll(new RegExp(`<${PREFIX}sheet\\b([^>]*)/?>`, 'g'))].map((match) => attributes(match[1] ?? ''));
  if (sheets.length === 0) throw new SmeltprintError('xlsx_invalid', `${where}the workbook has no sheets`);
  const chosen = sheet === undefined ? sheets[0]! : sheets.find((attrs) => attrs.get('name') === sheet);
  if (chosen === undefined) {
    throw new SmeltprintError('xlsx_invalid', `${where}no sheet "${sheet ?? ''}" (the workbook has ${sheets.map((attrs) => `"${attrs.get('name') ?? ''}"`).join(', ')})`);
  }
  const relationId = [...chosen.entries()].find(([key]) => key === 'r:id' || key.endsWith(':id'))?.[1];
  const target = relationId === undefined ? undefined : relationTarget(part('xl/_rels/workbook.xml.rels') ?? '', relationId);
  const sheetPath = target === undefined ? 'xl/worksheets/sheet1.xml' : target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
  const sheetXml = part(sheetPath);
  if (sheetXml === undefined) throw new SmeltprintError('xlsx_invalid', `${where}the sheet's part ${sheetPath} is missing`);
  const date1904 = /date1904\s*=\s*"(?:1|true)"/.test(workbook);
  const context = { sharedStrings: sharedStrings(part('xl/sharedStrings.xml') ?? ''), dateStyles: dateStyles(part('xl/styles.xml') ?? ''), date1904, where };
  return Object.freeze({ name: chosen.get('name') ?? '', rows: Object.freeze(readRows(sheetXml, context)) });
}

interface SheetContext {
  readonly sharedStrings: readonly string[];
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
  readonly where: string;
}

function readRows(xml: string, context: SheetContext): CsvRecord[] {
  const rows: CsvRecord[] = [];
  const rowPattern = new RegExp(`<${PREFIX}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${PREFIX}row>)`, 'g');
  const cellPattern = new RegExp(`<${PREFIX}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${PREFIX}c>)`, 'g');
  let previousRow = 0;
  for (const rowMatch of xml.matchAll(rowPattern)) {
    const rowNumber = Number.parseInt(attributes(rowMatch[1] ?? '').get('r') ?? String(previousRow + 1), 10);
    previousRow = rowNumber;
    const fields: string[] = [];
    const numeric: number[] = [];
    let previousColumn = -1;
    for (const cellMatch of (rowMatch[2] ?? '').matchAll(cellPattern)) {
      const attrs = attributes(cellMatch[1] ?? '');
      const reference = attrs.get('r');
      const column = reference === undefined ? previousColumn + 1 : columnIndex(reference);
      previousColumn = column;
      while (fields.length < column) fields.push('');
      const cell = cellText(attrs, cellMatch[2] ?? '', context, reference ?? `row ${rowNumber}`);
      fields[column] = cell.text;
      if (cell.numeric && cell.text !== '') numeric.push(column);
    }
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
    if (fields.length > 0) rows.push(Object.freeze({ line: rowNumber, fields: Object.freeze(fields), ...(numeric.length === 0 ? {} : { numeric: Object.freeze(numeric) }) }));
  }
  return rows;
}

/** A cell's text, and whether it is a number (not a date) as the file stores it. */
function cellText(attrs: ReadonlyMap<string, string>, body: string, context: SheetContext, reference: string): { readonly text: string; readonly numeric: boolean } {
  const type = attrs.get('t') ?? 'n';
  if (type === 'inlineStr') return { text: stringItem(firstElement(body, 'is') ?? ''), numeric: false };
  const value = firstElement(body, 'v');
  if (value === undefined) return { text: '', numeric: false };
  const text = decodeEntities(value);
  switch (type) {
    case 's': {
      const index = Number.parseInt(text, 10);
      const shared = context.sharedStrings[index];
      if (shared === undefined) throw new SmeltprintError('xlsx_invalid', `${context.where}cell ${reference} points at shared string ${text}, which does not exist`);
      return { text: shared, numeric: false };
    }
    case 'b':
      return { text: text === '1' ? 'TRUE' : 'FALSE', numeric: false };
    case 'n': {
      const style = Number.parseInt(attrs.get('s') ?? '0', 10);
      const date = context.dateStyles.has(style) ? serialToIsoDate(text, context.date1904) : undefined;
      return date === undefined ? { text, numeric: true } : { text: date, numeric: false };
    }
    default:
      return { text, numeric: false }; // str (formula text), e (error value), d (ISO date text)
  }
}

/** The ISO date of an Excel serial date (the time of day, the fraction, is dropped). */
function serialToIsoDate(serial: string, date1904: boolean): string | undefined {
  const match = /^(\d{1,6})(?:\.\d+)?$/.exec(serial);
  if (match === null) return undefined;
  const days = Number.parseInt(match[1]!, 10);
  // 1900 system: serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was
  // (serial 60), so from serial 61 on the day is 1899-12-30 + serial.
  if (!date1904 && days < 61) return undefined;
  const epoch = date1904 ? new Date(1904, 0, 1) : new Date(1899, 11, 30);
  return format(addDays(epoch, days), 'yyyy-MM-dd');
}

function sharedStrings(xml: string): string[] {
  const pattern = new RegExp(`<${PREFIX}si\\b[^>]*?(?:/>|>([\\s\\S]*?)</${PREFIX}si>)`, 'g');
  return [...xml.matchAll(pattern)].map((match) => stringItem(match[1] ?? ''));
}

/** The text of a string item: its `<t>` runs, without phonetic (`<rPh>`) runs. */
function stringItem(body: string): string {
  const withoutPhonetic = body.replace(new RegExp(`<${PREFIX}rPh\\b[\\s\\S]*?</${PREFIX}rPh>`, 'g'), '');
  const pattern = new RegExp(`<${PREFIX}t\\b[^>]*?(?:/>|>([\\s\\S]*?)</${PREFIX}t>)`, 'g');
  return [...withoutPhonetic.matchAll(pattern)].map((match) => decodeEntities(match[1] ?? '')).join('');
}

// Built-in number formats that show dates (ECMA-376 Part 1 §18.8.30): 14–22, 45–47.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Indices of cell styles (`cellXfs`) whose number format shows a date. */
function dateStyles(xml: string): Set<number> {
  const customDate = new Set<number>();
  for (const match of xml.matchAll(new RegExp(`<${PREFIX}numFmt\\b([^>]*)/?>`, 'g'))) {
    const attrs = attributes(match[1] ?? '');
    // A custom format is a date when it has a day or year token outside quotes and brackets.
    const code = decodeEntities(attrs.get('formatCode') ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
    if (/[dy]/i.test(code)) customDate.add(Number.parseInt(attrs.get('numFmtId') ?? '-1', 10));
  }
  const styles = new Set<number>();
  const cellXfs = new RegExp(`<${PREFIX}cellXfs\\b[^>]*>([\\s\\S]*?)</${PREFIX}cellXfs>`).exec(xml)?.[1] ?? '';
  [...cellXfs.matchAll(new RegExp(`<${PREFIX}xf\\b([^>]*)`, 'g'))].forEach((match, index) => {
    const id = Number.parseInt(attributes(match[1] ?? '').get('numFmtId') ?? '0', 10);
    if (BUILTIN_DATE_FORMATS.has(id) || customDate.has(id)) styles.add(index);
  });
  return styles;
}

function relationTarget(xml: string, id: string): string | undefined {
  for (const match of xml.matchAll(new RegExp(`<${PREFIX}Relationship\\b([^>]*)/?>`, 'g'))) {
    const attrs = attributes(match[1] ?? '');
    if (attrs.get('Id') === id) return attrs.get('Target');
  }
  return undefined;
}

function firstElement(body: string, name: string): string | undefined {
  const match = new RegExp(`<${PREFIX}${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${PREFIX}${name}>)`).exec(body);
  return match === null ? undefined : match[1] ?? '';
}

function attributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const match of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(match[1]!, decodeEntities(match[2] ?? match[3] ?? ''));
  return attrs;
}

/** `A1` → 0, `AB7` → 27. */
function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (decimal !== undefined) return String.fromCodePoint(Number.parseInt(decimal, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[name as 'amp'] ?? whole;
  });
}
