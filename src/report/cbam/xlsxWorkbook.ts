import { strToU8, zipSync, type Zippable } from 'fflate';
import { InternalError, InvalidOptionError } from '../../core/errors.js';

/** A spreadsheet cell: a number (exact decimal text, written as is), a text, or nothing. */
export type XlsxCell =
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'text'; readonly text: string; readonly bold?: boolean }
  | null;

export interface XlsxSheet {
  /** Sheet name: 1–31 characters, none of : \ / ? * [ ] (ECMA-376 Part 1, §18.2.19 and Excel's limits). */
  readonly name: string;
  readonly rows: readonly (readonly XlsxCell[])[];
}

// A fixed local date, so the zip's DOS timestamps — which fflate writes from local-time fields —
// are the same bytes on every machine and in every time zone.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * An Office Open XML workbook (.xlsx, ECMA-376 SpreadsheetML), written by hand and zipped with
 * fflate: content types, package and workbook relationships, workbook, one worksheet per sheet and
 * a minimal style sheet (normal and bold). Numbers go into `<v>` exactly as their decimal text —
 * never through a JS number — and texts are inline strings. The same sheets give the same bytes.
 *
 * @example
 * const bytes = xlsxWorkbook([{ name: 'Summary', rows: [[{ kind: 'text', text: 'SEE' }, { kind: 'number', text: '2.419' }]] }]);
 */
export function xlsxWorkbook(sheets: readonly XlsxSheet[]): Uint8Array {
  if (sheets.length === 0) throw new InternalError('a workbook needs at least one sheet');
  const names = new Set<string>();
  for (const sheet of sheets) {
    if (!/^[^:\\/?*[\]]{1,31}$/.test(sheet.name) || sheet.name.startsWith("'") || names.has(sheet.name.toLowerCase())) {
      throw new InternalError(`invalid or duplicate sheet name ${JSON.stringify(sheet.name)}`);
    }
    names.add(sheet.name.toLowerCase());
  }
  const files: Zippable = {
    '[Content_Types].xml': strToU8(contentTypes(sheets.length)),
    '_rels/.rels': strToU8(
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(workbook(sheets)),
    'xl/_rels/workbook.xml.rels': strToU8(workbookRels(sheets.length)),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((sheet, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(worksheet(sheet));
  });
  return zipSync(files, { level: 6, mtime: FIXED_MTIME });
}

/**
 * The A1-style reference of a cell (0-based row and column).
 *
 * @example
 * cellReference(0, 27) // 'AB1'
 */
export function cellReference(row: number, column: number): string {
  // Sheet limits (1,048,576 rows, 16,384 columns): an Infinity column looped without end.
  if (!Number.isInteger(row) || !Number.isInteger(column) || row < 0 || column < 0 || row >= 1_048_576 || column >= 16_384) {
    throw new InvalidOptionError(`a cell is at row 0 to 1048575 and column 0 to 16383, not (${String(row)}, ${String(column)})`);
  }
  let letters = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

function contentTypes(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) =>
    `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheets}</Types>`
  );
}

function workbook(sheets: readonly XlsxSheet[]): string {
  const entries = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${entries}</sheets></workbook>`;
}

function workbookRels(sheetCount: number): string {
  const sheets = Array.from({ length: sheetCount }, (_, i) =>
    `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets}` +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`
  );
}

// Style 0 normal, style 1 bold (header cells). Two fills are mandatory: none and gray125.
const STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

function worksheet(sheet: XlsxSheet): string {
  const rows = sheet.rows
    .map((row, r) => {
      const cells = row
        .map((cell, c) => {
          if (cell === null) return '';
          const ref = cellReference(r, c);
          if (cell.kind === 'number') {
            if (!NUMBER_TEXT.test(cell.text)) throw new InternalError(`"${cell.text}" is not fixed-point decimal text for cell ${ref}`);
            return `<c r="${ref}"><v>${cell.text}</v></c>`;
          }
          const space = /^\s|\s$/.test(cell.text) ? ' xml:space="preserve"' : '';
          return `<c r="${ref}"${cell.bold === true ? ' s="1"' : ''} t="inlineStr"><is><t${space}>${escapeXml(cell.text)}</t></is></c>`;
        })
        .join('');
      return cells === '' ? '' : `<row r="${r + 1}">${cells}</row>`;
    })
    .join('');
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>${rows}</sheetData></worksheet>`;
}

/** XML text and attribute escaping; characters XML 1.0 forbids are dropped. */
function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
