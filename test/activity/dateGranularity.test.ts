import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import { ModelValidationError } from '../../src/core/errors.js';
import { parseRowDate } from '../../src/activity/parseRowPeriod.js';
import { parseActivityBytes } from '../../src/io/parseActivityBytes.js';

/**
 * A one-sheet workbook (ECMA-376 Part 1 SpreadsheetML) whose date column holds real date cells:
 * serial numbers styled with built-in number format 14 (m/d/yyyy), as Excel saves a date.
 */
function ledger(dateSerials: readonly number[]): Uint8Array {
  const strings = ['date', 'series', 'amount', 'unit', 'alumina', 't'];
  const row = (r: number, serial: number) =>
    `<row r="${r}"><c r="A${r}" s="1"><v>${serial}</v></c><c r="B${r}" t="s"><v>4</v></c><c r="C${r}"><v>${r * 10}</v></c><c r="D${r}" t="s"><v>5</v></c></row>`;
  const sheet = `<worksheet><sheetData><row r="1">${[0, 1, 2, 3].map((i) => `<c r="${'ABCD'[i]}1" t="s"><v>${i}</v></c>`).join('')}</row>${dateSerials.map((s, i) => row(i + 2, s)).join('')}</sheetData></worksheet>`;
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="L" sheetId="1"/></sheets></workbook>'),
    'xl/sharedStrings.xml': strToU8(`<sst>${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`),
    'xl/styles.xml': strToU8('<styleSheet><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

// Excel serials count days from 1899-12-30: 2025-01-01 is 45658, 2025-02-01 is 45658 + 31 = 45689,
// 2025-03-01 is 45689 + 28 = 45717; 2025-03-31 (a month-end date) is 45717 + 30 = 45747.
const FIRST_OF_MONTHS = [45658, 45689, 45717];

const document = {
  smeltprint: 1,
  id: 'xlsx-dates',
  period: { start: '2025-01-01', end: '2025-03-31' },
  gwp: 'AR5',
  processes: [{ id: 'p', outputs: [{ flow: 'aluminium', amount: '100', unit: 't' }], inputs: [{ flow: 'alumina', amount: { activity: 'alumina' }, unit: 't' }] }],
};
const columns = { date: 'date', series: 'series', amount: 'amount', unit: 'unit' };

describe('dates.granularity', () => {
  it('reads XLSX date cells of a monthly ledger as whole calendar months with granularity month', () => {
    const table = parseActivityBytes(ledger(FIRST_OF_MONTHS), 'ledger.xlsx');
    expect(table.records.slice(1).map((r) => r.fields[0])).toEqual(['2025-01-01', '2025-02-01', '2025-03-01']);
    const { document: filled, report } = fillActivity(document, table, { smeltprintMapping: 1, columns, dates: { granularity: 'month' } });
    expect(report.rejected).toEqual([]);
    expect(report.errors).toEqual([]);
    expect(report.series[0]?.periods.map((p) => `${p.start}..${p.end}`)).toEqual(['2025-01-01..2025-01-31', '2025-02-01..2025-02-28', '2025-03-01..2025-03-31']);
    // Amounts are row number × 10 (rows 2, 3, 4): 20 + 30 + 40 = 90 t.
    expect((filled as typeof document).processes[0]?.inputs[0]?.amount).toBe('90');
  });

  it('keeps day as the default: the same cells are single days, and the rest of each month is a gap', () => {
    const table = parseActivityBytes(ledger(FIRST_OF_MONTHS), 'ledger.xlsx');
    const { report } = fillActivity(document, table, { smeltprintMapping: 1, columns });
    expect(report.errors.map((e) => e.code)).toEqual(['series_gap']);
    expect(report.series[0]?.gaps[0]).toEqual({ start: '2025-01-02', end: '2025-01-31' });
  });

  it('reads a month-end date as its month, and two dates of one month as a duplicate', () => {
    const table = parseActivityBytes(ledger([45658, 45747, 45689, 45717]), 'ledger.xlsx');
    const { report } = fillActivity(document, table, { smeltprintMapping: 1, columns, dates: { formats: ['yyyy-MM-dd'], granularity: 'month' } });
    expect(report.errors).toEqual([]);
    // Row 3 (2025-03-31) comes first in the file and keeps March; row 5 (2025-03-01) is rejected.
    expect(report.rejected.map((r) => [r.row, r.code])).toEqual([[5, 'duplicate_row']]);
  });

  it('parseRowDate widens a day to its month and leaves month and year formats as they are', () => {
    expect(parseRowDate('2024-02-10', ['yyyy-MM-dd'], 'month')).toEqual({ ok: true, value: { start: '2024-02-01', end: '2024-02-29' } });
    expect(parseRowDate('2024-02', ['yyyy-MM'], 'month')).toEqual({ ok: true, value: { start: '2024-02-01', end: '2024-02-29' } });
    expect(parseRowDate('2024', ['yyyy'], 'month')).toEqual({ ok: true, value: { start: '2024-01-01', end: '2024-12-31' } });
  });

  it('refuses an unknown granularity in the mapping', () => {
    const table = parseActivityBytes(ledger(FIRST_OF_MONTHS), 'ledger.xlsx');
    expect(() => fillActivity(document, table, { smeltprintMapping: 1, columns, dates: { granularity: 'week' } })).toThrowError(ModelValidationError);
  });
});
