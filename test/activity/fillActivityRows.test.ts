import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import type { ActivityTable } from '../../src/activity/types.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';

const table = (text: string, file = 'ledger.csv'): ActivityTable => ({ file, records: parseCsv(text, ',') });
const mapping = (extra: Record<string, unknown> = {}) => ({ smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' }, ...extra });
const amountOf = (filled: unknown, index = 0): unknown => (filled as { processes: { inputs: { amount: unknown }[] }[] }).processes[0]?.inputs[index]?.amount;
const document = (inputs: unknown[] = [{ flow: 'alumina', amount: { activity: 'alumina' }, unit: 't' }]) => ({
  smeltprint: 1,
  id: 'rows',
  period: { start: '2025-01-01', end: '2025-02-28' },
  gwp: 'AR5',
  processes: [{ id: 'electrolysis', outputs: [{ flow: 'aluminium', amount: '100', unit: 't' }], inputs }],
});

describe('fillActivity row checks', () => {
  it('rejects a record with more or fewer fields than the header (field_count), ignoring trailing empty fields', () => {
    const text =
      'date,series,amount,unit\n' +
      '2025-01,alumina,"2,000",t\n' + // line 2: quoted, 4 fields
      '2025-02,alumina,2,000,t\n' + // line 3: unquoted 2,000 is two fields: 5 fields
      '2025-02,alumina,1900,t,,\n' + // line 4: trailing empty fields are padding
      '2025-02,alumina,5\n'; // line 5: 3 fields
    const { document: filled, report } = fillActivity(document(), table(text), mapping({ numbers: { decimal: '.', thousands: ',' } }));
    expect(report.rejected.map((r) => [r.file, r.row, r.column, r.code])).toEqual([
      ['ledger.csv', 3, 'unit', 'field_count'],
      ['ledger.csv', 5, 'unit', 'field_count'],
    ]);
    // 2000 (line 2) + 1900 (line 4).
    expect(amountOf(filled)).toBe('3900');
  });

  it('lets an XLSX row end at its last non-empty cell (the unit comes from the series)', () => {
    const records = [
      { line: 1, fields: ['date', 'series', 'amount', 'unit'] },
      { line: 2, fields: ['2025-01', 'alumina', '10'] },
      { line: 3, fields: ['2025-02', 'alumina', '20', 't', 'note'] },
    ];
    const { report } = fillActivity(document(), { file: 'l.xlsx', format: 'xlsx', records }, mapping({ series: { alumina: { unit: 't' } } }));
    expect(report.rejected.map((r) => [r.row, r.code])).toEqual([[3, 'field_count']]);
  });
});

describe('fillActivity with one series in several units', () => {
  it('fills each amount in its own unit, and gives the rows in that unit for monthly and time-varying use', () => {
    const doc = document([
      { flow: 'alumina', amount: { activity: 'alumina' }, unit: 't' },
      { flow: 'alumina2', amount: { activity: 'alumina' }, unit: 'kg' },
    ]);
    const { document: filled, report } = fillActivity(doc, table('date,series,amount,unit\n2025-01,alumina,10,t\n2025-02,alumina,20.5,t\n'), mapping());
    expect(report.errors).toEqual([]);
    // 10 + 20.5 = 30.5 t = 30 500 kg (1 t = 1000 kg).
    expect([amountOf(filled, 0), amountOf(filled, 1)]).toEqual(['30.5', '30500']);
    const byTarget = report.series[0]!.byTarget;
    expect(byTarget.map((t) => [t.path.join('.'), t.unit, t.total.toFixed(), t.periods.map((p) => p.amount.toFixed())])).toEqual([
      ['processes.0.inputs.0', 't', '30.5', ['10', '20.5']],
      ['processes.0.inputs.1', 'kg', '30500', ['10000', '20500']],
    ]);
  });
});

describe('fillActivity amount cells', () => {
  it('rejects an amount holding a line break (invalid_amount) instead of failing', () => {
    const text = 'date,series,amount,unit\n2025-01,alumina,"1,000",t\n2025-02,alumina,"a,b ""x""\nmultiline",t\n';
    const { report } = fillActivity(document(), table(text), mapping({ numbers: { decimal: '.', thousands: ',' } }));
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([[3, 'amount', 'invalid_amount']]);
    expect(report.rejected[0]?.message).toContain('\\n');
  });
});

describe('fillActivity dates', () => {
  it('rejects a two-digit year under yyyy with file, row and column instead of skipping the row as outside the period', () => {
    const text = 'date,series,amount,unit\n2025-01,alumina,1,t\n25-02,alumina,2,t\n0025-02,alumina,2,t\n2025-02,alumina,3,t\n';
    const { report } = fillActivity(document(), table(text), mapping({ dates: { formats: ['yyyy-MM'] } }));
    expect(report.rejected.map((r) => [r.file, r.row, r.column, r.code])).toEqual([
      ['ledger.csv', 3, 'date', 'invalid_date'],
      ['ledger.csv', 4, 'date', 'invalid_date'],
    ]);
    expect(report.rejected[0]?.message).toMatch(/four-digit year/);
    expect(report.skipped.outsidePeriod).toBe(0);
  });
});

describe('fillActivity blank rows', () => {
  it('treats a row of empty fields (,,, as spreadsheets save empty rows) as a blank line', () => {
    const text = 'date,series,amount,unit\n2025-01,alumina,1,t\n,,,\n2025-02,alumina,2,t\n,,,\n';
    const { report } = fillActivity(document(), table(text), mapping());
    expect(report).toMatchObject({ read: 2, used: 2, rejected: [], errors: [] });
  });
});
