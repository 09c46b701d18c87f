import { describe, expect, it } from 'vitest';
import { cbamEmbeddedEmissions } from '../../../src/report/cbam/cbamEmbeddedEmissions.js';
import { cbamPrecursorsToCsv, cbamToCsv } from '../../../src/report/cbam/cbamToCsv.js';
import { csvField, csvText } from '../../../src/report/cbam/csvText.js';
import { GOODS_SUMMARY_HEADINGS } from '../../../src/report/cbam/summaryTable.js';
import { INSTALLATION, smelterDocument } from './smelterModel.js';

/** A strict RFC 4180 reader, written for the test, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"' && field === '') { quoted = true; i++; continue; }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\r' || c === '\n' || c === '"') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    field += c; i++;
  }
  if (field !== '' || row.length > 0) throw new Error('last record not ended by CRLF');
  return rows;
}

describe('csvText (RFC 4180)', () => {
  it('quotes fields with commas, quotes, CR or LF, doubles inner quotes, ends records with CRLF', () => {
    const rows = [['plain', 'a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' padded ']];
    expect(csvText(rows)).toBe('plain,"a,b","say ""hi""","two\nlines","cr\rhere"," padded "\r\n');
    expect(parseCsv(csvText(rows))).toEqual(rows);
  });
  it('leaves plain fields and empty fields unquoted', () => {
    expect(csvField('7601')).toBe('7601');
    expect(csvText([['', 'x', '']])).toBe(',x,\r\n');
  });
  it('neutralizes text a spreadsheet would run as a formula, and leaves numbers alone (OWASP CSV injection)', () => {
    expect(['=1+1', '+aluminium-ingot', '-x', '@SUM(A1)', '\tx'].map(csvField)).toEqual(["'=1+1", "'+aluminium-ingot", "'-x", "'@SUM(A1)", "'\tx"]);
    expect(csvField('=HYPERLINK("http://evil","click")')).toBe(`"'=HYPERLINK(""http://evil"",""click"")"`);
    expect(['-0.5', '+3', '-1.25e-3', '0'].map(csvField)).toEqual(['-0.5', '+3', '-1.25e-3', '0']);
  });
  it('writes nothing for no rows', () => {
    expect(csvText([])).toBe('');
  });
});

describe('cbamToCsv', () => {
  const options = {
    period: 'transitional-2023/1773' as const,
    installation: INSTALLATION,
    installationName: 'Smelter "North", line 2',
    goods: [{ flow: 'aluminium-ingot', cn: '7601' }, { flow: 'aluminium-sheet', cn: '7606' }],
    precursors: [{ flow: 'aluminium-ingot' }, { flow: 'purchased-ingot', see: { direct: '1.8', indirect: '0.9' } }],
  };
  const report = cbamEmbeddedEmissions(smelterDocument(), options);
  const rows = parseCsv(cbamToCsv(report));

  it('has the summary headings and one row per good', () => {
    expect(rows[0]).toEqual([...GOODS_SUMMARY_HEADINGS]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.length === GOODS_SUMMARY_HEADINGS.length)).toBe(true);
  });
  it('quotes the installation name with its comma and quotes, and reads it back', () => {
    expect(cbamToCsv(report).split('\r\n')[1]!.startsWith('"Smelter ""North"", line 2",')).toBe(true);
    expect(rows[1]![0]).toBe('Smelter "North", line 2');
  });
  it('writes exact decimals: ingot 2.419 / 6.8 / 9.219; sheet scrap 0.12 t/t and 66.66…7 % pre-consumer', () => {
    const col = (name: string) => GOODS_SUMMARY_HEADINGS.indexOf(name);
    const ingot = rows[1]!;
    expect(ingot[col('CN code')]).toBe('7601');
    expect(ingot[col('Production route')]).toBe('Primary (electrolytic) smelting');
    expect(ingot[col('Specific direct embedded emissions (t CO2e/t)')]).toBe('2.419');
    expect(ingot[col('Specific indirect embedded emissions (t CO2e/t)')]).toBe('6.8');
    expect(ingot[col('Specific embedded emissions total (t CO2e/t)')]).toBe('9.219');
    expect(ingot[col('Electricity consumption (MWh/t)')]).toBe('13.6');
    // 6.8 t CO2e / 13.6 MWh = 0.5, the one factor used
    expect(ingot[col('Electricity emission factor (t CO2e/MWh)')]).toBe('0.5');
    const sheet = rows[2]!;
    expect(sheet[col('Tonnes scrap used for producing 1 t of the product (t/t)')]).toBe('0.12');
    expect(sheet[col('% of scrap that is pre-consumer scrap')]).toBe('66.66666666666666666666666666666667');
    expect(sheet[col('Precursors (t/t and SEE direct t CO2e/t)')]).toBe('aluminium-ingot: 0.7 t/t × 2.419; purchased-ingot: 0.2 t/t × 1.8');
  });
  it('leaves indirect columns empty in the definitive period', () => {
    const definitive = cbamEmbeddedEmissions(smelterDocument(), {
      ...options,
      period: 'definitive-2025/2547',
      precursors: [{ flow: 'aluminium-ingot' }, { flow: 'purchased-ingot', see: { direct: '1.8' } }],
    });
    const ingot = parseCsv(cbamToCsv(definitive))[1]!;
    expect(ingot[GOODS_SUMMARY_HEADINGS.indexOf('Specific indirect embedded emissions (t CO2e/t)')]).toBe('');
    expect(ingot[GOODS_SUMMARY_HEADINGS.indexOf('Specific embedded emissions total (t CO2e/t)')]).toBe('2.419');
  });
  it('lists precursors one per row', () => {
    const precursorRows = parseCsv(cbamPrecursorsToCsv(report));
    expect(precursorRows.slice(1).map((r) => [r[0], r[2], r[5], r[6], r[8]])).toEqual([
      ['aluminium-sheet', 'aluminium-ingot', '0.7', '2.419', '1.6933'],
      ['aluminium-sheet', 'purchased-ingot', '0.2', '1.8', '0.36'],
    ]);
  });
});
