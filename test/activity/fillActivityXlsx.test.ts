import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import { parseNumericCell } from '../../src/activity/parseNumericCell.js';
import { parseActivityBytes } from '../../src/io/parseActivityBytes.js';

/** A one-sheet workbook (ECMA-376 Part 1 SpreadsheetML) whose amounts are numeric cells. */
function ledger(amounts: readonly string[]): Uint8Array {
  const strings = ['date', 'series', 'amount', 'unit', 'alumina', 't', '2025-01', '2025-02', '2025-03'];
  const row = (r: number, amount: string) =>
    `<row r="${r}"><c r="A${r}" t="s"><v>${5 + r - 1}</v></c><c r="B${r}" t="s"><v>4</v></c><c r="C${r}"><v>${amount}</v></c><c r="D${r}" t="s"><v>5</v></c></row>`;
  const sheet = `<worksheet><sheetData><row r="1">${[0, 1, 2, 3].map((i) => `<c r="${'ABCD'[i]}1" t="s"><v>${i}</v></c>`).join('')}</row>${amounts.map((a, i) => row(i + 2, a)).join('')}</sheetData></worksheet>`;
  return zipSync({
    'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="L" sheetId="1"/></sheets></workbook>'),
    'xl/sharedStrings.xml': strToU8(`<sst>${strings.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`),
    'xl/worksheets/sheet1.xml': strToU8(sheet),
  });
}

const document = {
  smeltprint: 1,
  id: 'xlsx',
  period: { start: '2025-01-01', end: '2025-03-31' },
  gwp: 'AR5',
  processes: [{ id: 'p', outputs: [{ flow: 'aluminium', amount: '100', unit: 't' }], inputs: [{ flow: 'alumina', amount: { activity: 'alumina' }, unit: 't' }] }],
};

describe('fillActivity with XLSX numeric cells', () => {
  it('reads numeric cells as plain decimals whatever the mapping number style, exponent allowed, digits kept', () => {
    const table = parseActivityBytes(ledger(['123.456', '1.5E2', '150.30000000000001']), 'ledger.xlsx');
    const mapping = { smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' }, numbers: { decimal: ',', thousands: '.' } };
    const { document: filled, report } = fillActivity(document, table, mapping);
    expect(report.rejected).toEqual([]);
    expect(report.series[0]?.periods.map((p) => p.amount.toFixed())).toEqual(['123.456', '150', '150.30000000000001']);
    // 123.456 + 150 + 150.30000000000001 = 423.75600000000001.
    expect((filled as typeof document).processes[0]?.inputs[0]?.amount).toBe('423.75600000000001');
  });

  it('refuses text that is no plain decimal, and magnitudes outside 1e-30..1e24', () => {
    expect(parseNumericCell('1.234,5').ok).toBe(false);
    const small = parseNumericCell('-2.5e-3');
    expect(small.ok && small.value.toFixed()).toBe('-0.0025');
    expect(parseNumericCell('1e-99999999999').ok).toBe(false);
  });
});
