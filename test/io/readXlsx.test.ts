import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../src/io/xlsx/readXlsx.js';
import { parseActivityBytes } from '../../src/io/readActivityTable.js';

/** A minimal SpreadsheetML workbook (ECMA-376 Part 1) with two sheets, written by hand. */
function workbook(): Uint8Array {
  const sheet1 = `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>amount</t></is></c></row>
<row r="3"><c r="A3" s="1"><v>44957</v></c><c r="B3" t="s"><v>2</v></c><c r="C3"><v>123456789012345678.123456789</v></c></row>
<row r="4"><c r="A4" t="str"><v>2023-02</v></c><c r="C4"><v>1E-3</v></c><c r="D4" t="b"><v>1</v></c></row>
</sheetData></worksheet>`;
  const sheet2 = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="B1" t="s"><v>3</v></c></row></sheetData></worksheet>`;
  const files = {
    '[Content_Types].xml': strToU8('<Types/>'),
    'xl/workbook.xml': strToU8(
      `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Summary" sheetId="1" r:id="rId2"/><sheet name="Ledger" sheetId="2" r:id="rId1"/></sheets></workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml" Type="ws"/><Relationship Id="rId2" Target="worksheets/sheet2.xml" Type="ws"/></Relationships>`,
    ),
    'xl/sharedStrings.xml': strToU8(
      `<sst><si><t>date</t></si><si><t>series</t></si><si><r><t>电解</t></r><r><t xml:space="preserve">用电 &amp; more</t></r><rPh><t>でんかい</t></rPh></si><si><t>other</t></si></sst>`,
    ),
    'xl/styles.xml': strToU8(`<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`),
    'xl/worksheets/sheet1.xml': strToU8(sheet1),
    'xl/worksheets/sheet2.xml': strToU8(sheet2),
  };
  return zipSync(files);
}

describe('readXlsx', () => {
  it('reads the named sheet: shared and inline strings, exact numeric text, dates, booleans, row numbers', () => {
    const sheet = readXlsx(workbook(), 'Ledger');
    expect(sheet.name).toBe('Ledger');
    expect(sheet.rows.map((row) => row.line)).toEqual([1, 3, 4]);
    expect(sheet.rows[0]?.fields).toEqual(['date', 'series', 'amount']);
    // Serial 44957 with built-in date format 14: 1899-12-30 + 44957 days = 2023-01-31.
    // The amount keeps all 27 digits a float would lose.
    expect(sheet.rows[1]?.fields).toEqual(['2023-01-31', '电解用电 & more', '123456789012345678.123456789']);
    expect(sheet.rows[2]?.fields).toEqual(['2023-02', '', '1E-3', 'TRUE']);
    // Numeric cells (not the date cell A3, not strings or booleans) are marked.
    expect(sheet.rows.map((row) => row.numeric)).toEqual([undefined, [2], [2]]);
  });
  it('reads the first sheet by default and names the sheets when one is missing', () => {
    expect(readXlsx(workbook()).name).toBe('Summary');
    expect(readXlsx(workbook()).rows[0]?.fields).toEqual(['', 'other']);
    expect(() => readXlsx(workbook(), 'Nope', 'book.xlsx')).toThrowError(/book.xlsx: no sheet "Nope" \(the workbook has "Summary", "Ledger"\)/);
  });
  it('refuses bytes that are not a workbook', () => {
    expect(() => readXlsx(new Uint8Array([1, 2, 3]))).toThrowError(/not an .xlsx workbook/);
  });
  it('is chosen by the .xlsx extension in parseActivityBytes', () => {
    expect(parseActivityBytes(workbook(), 'ledger.xlsx', { sheet: 'Ledger' }).records).toHaveLength(3);
  });
});
