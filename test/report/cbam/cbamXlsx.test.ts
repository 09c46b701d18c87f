import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cbamEmbeddedEmissions } from '../../../src/report/cbam/cbamEmbeddedEmissions.js';
import { CBAM_SHEETS, cbamToXlsx } from '../../../src/report/cbam/cbamToXlsx.js';
import { cellReference, xlsxWorkbook } from '../../../src/report/cbam/xlsxWorkbook.js';
import { InternalError } from '../../../src/core/errors.js';
import { INSTALLATION, smelterDocument } from './smelterModel.js';

const report = cbamEmbeddedEmissions(smelterDocument(), {
  period: 'transitional-2023/1773',
  installation: INSTALLATION,
  installationName: 'Smelter <North> & Co',
  goods: [{ flow: 'aluminium-ingot', cn: '7601' }, { flow: 'aluminium-sheet', cn: '7606' }],
  precursors: [{ flow: 'aluminium-ingot' }, { flow: 'purchased-ingot', see: { direct: '1.8', indirect: '0.9' } }],
});
const bytes = cbamToXlsx(report);
const files = unzipSync(bytes);
const text = (name: string) => strFromU8(files[name]!);

/** Cells of a worksheet as reference → { type, value }, read with a regular expression over our own simple XML. */
function cells(sheetXml: string): Map<string, { type: string; value: string }> {
  const out = new Map<string, { type: string; value: string }>();
  for (const m of sheetXml.matchAll(/<c r="([A-Z]+\d+)"(?: s="\d+")?(?: t="(\w+)")?>(.*?)<\/c>/g)) {
    const body = m[3]!;
    const value = m[2] === 'inlineStr' ? /<t[^>]*>(.*?)<\/t>/.exec(body)![1]! : /<v>(.*?)<\/v>/.exec(body)![1]!;
    out.set(m[1]!, { type: m[2] ?? 'n', value });
  }
  return out;
}

describe('cbamToXlsx', () => {
  it('is a zip with the SpreadsheetML parts', () => {
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
      'xl/worksheets/sheet4.xml',
    ]);
    expect(text('[Content_Types].xml')).toContain('/xl/worksheets/sheet4.xml');
    expect(text('xl/_rels/workbook.xml.rels')).toContain('Target="worksheets/sheet1.xml"');
  });
  it('names the sheets after the template summary sheets', () => {
    const names = [...text('xl/workbook.xml').matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([...CBAM_SHEETS]);
  });
  it('writes SEE as numeric cells from the exact decimal text', () => {
    const summary = cells(text('xl/worksheets/sheet1.xml'));
    // Row 11 holds the headings, rows 12–13 the goods; column J is the direct SEE, L the total.
    expect(summary.get('J11')).toEqual({ type: 'inlineStr', value: 'Specific direct embedded emissions (t CO2e/t)' });
    expect(summary.get('F12')).toEqual({ type: 'inlineStr', value: '7601' });
    expect(summary.get('J12')).toEqual({ type: 'n', value: '2.419' });
    expect(summary.get('L12')).toEqual({ type: 'n', value: '9.219' });
    expect(summary.get('J13')).toEqual({ type: 'n', value: '2.1033' });
    expect(summary.get('Q13')).toEqual({ type: 'n', value: '66.66666666666666666666666666666667' });
  });
  it('escapes text for XML', () => {
    expect(cells(text('xl/worksheets/sheet1.xml')).get('B2')?.value).toBe('Smelter &lt;North&gt; &amp; Co');
  });
  it('lays out the breakdown and precursor sheets', () => {
    const products = cells(text('xl/worksheets/sheet2.xml'));
    expect(products.get('A2')?.value).toBe('aluminium-ingot');
    expect(products.get('G2')).toEqual({ type: 'n', value: '2.419' });
    // PFC = 0.663 + 0.111 = 0.774 t CO2e/t
    expect(products.get('K2')).toEqual({ type: 'n', value: '0.774' });
    const precursors = cells(text('xl/worksheets/sheet3.xml'));
    expect(precursors.get('C2')?.value).toBe('aluminium-ingot');
    expect(precursors.get('F2')).toEqual({ type: 'n', value: '0.7' });
  });
  it('gives identical bytes for the same report (fixed zip time)', () => {
    expect(Buffer.from(cbamToXlsx(report)).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('xlsxWorkbook', () => {
  it('rejects number cells that are not fixed-point decimal text', () => {
    expect(() => xlsxWorkbook([{ name: 'S', rows: [[{ kind: 'number', text: '1e-7' }]] }])).toThrow(InternalError);
  });
  it('rejects bad or duplicate sheet names', () => {
    expect(() => xlsxWorkbook([{ name: 'a/b', rows: [] }])).toThrow(InternalError);
    expect(() => xlsxWorkbook([{ name: 'S', rows: [] }, { name: 's', rows: [] }])).toThrow(InternalError);
  });
  it('names cells A1-style: column 26 is AA, 701 is ZZ, 702 is AAA', () => {
    expect([cellReference(0, 0), cellReference(0, 25), cellReference(4, 26), cellReference(0, 701), cellReference(0, 702)]).toEqual(['A1', 'Z1', 'AA5', 'ZZ1', 'AAA1']);
  });
});

const hasOpenpyxl = spawnSync('python3', ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0;

describe('cbamToXlsx read by openpyxl', () => {
  const title = hasOpenpyxl
    ? 'opens in openpyxl with the sheets and values'
    : 'opens in openpyxl — SKIPPED: python3 cannot import openpyxl on this machine';
  it.skipIf(!hasOpenpyxl)(title, () => {
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-cbam-'));
    try {
      const file = join(dir, 'cbam.xlsx');
      writeFileSync(file, bytes);
      const script = [
        'import json, sys, openpyxl',
        'wb = openpyxl.load_workbook(sys.argv[1])',
        'ws = wb["Summary_Communication"]',
        'print(json.dumps({"sheets": wb.sheetnames, "J12": ws["J12"].value, "F12": ws["F12"].value}))',
      ].join('\n');
      const out = JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' })) as { sheets: string[]; J12: number; F12: string };
      expect(out.sheets).toEqual([...CBAM_SHEETS]);
      expect(out.F12).toBe('7601');
      expect(String(out.J12)).toBe('2.419');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
