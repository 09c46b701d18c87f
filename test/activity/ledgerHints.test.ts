import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';
import { parseActivityBytes } from '../../src/io/parseActivityBytes.js';

// Errors that name the likely cause of a common ledger mistake, not only its symptom.
const document = () => ({
  smeltprint: 1,
  id: 'hints',
  period: { start: '2025-01-01', end: '2025-03-31' },
  gwp: 'AR5',
  processes: [{ id: 'p', outputs: [{ flow: 'al', amount: { activity: 'al' }, unit: 't' }], emissions: [{ gas: 'CO2', amount: '1', unit: 't', category: 'process' }] }],
});
const mapping = (extra: Record<string, unknown> = {}) => ({ smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' }, ...extra });
const errorsOf = (csv: string, extra: Record<string, unknown> = {}) => fillActivity(document(), { file: 'l.csv', records: parseCsv(csv, ',') }, mapping(extra)).report.errors.map((e) => e.message);

describe('ledger hints', () => {
  it('a title row above the column names: says which row holds them', () => {
    const errors = errorsOf('2025年一季度生产台账,,,\ndate,series,amount,unit\n2025-01,al,1,t\n2025-02,al,1,t\n2025-03,al,1,t\n');
    expect(errors).toContain('l.csv: the column names are at line/row 2: set headerRow: 2 in the mapping');
  });

  it('a monthly ledger dated by a day: points to the granularity, not to allowGaps', () => {
    const errors = errorsOf('date,series,amount,unit\n2025-01-01,al,1,t\n2025-02-01,al,1,t\n2025-03-01,al,1,t\n');
    expect(errors[0]).toContain('set dates: { granularity: month } in the mapping');
    expect(errorsOf('date,series,amount,unit\n2025-01-01,al,1,t\n2025-02-01,al,1,t\n2025-03-01,al,1,t\n', { dates: { granularity: 'month' } })).toEqual([]);
  });

  it('an .xls workbook or a zip read as CSV says so (the advice was to declare gbk)', () => {
    const xls = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect(() => parseActivityBytes(xls, 'ledger.xls')).toThrow(expect.objectContaining({ code: 'invalid_encoding', message: expect.stringContaining('Excel 97–2003 workbook (.xls)') }));
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]);
    expect(() => parseActivityBytes(zip, 'ledger.csv')).toThrow(expect.objectContaining({ message: expect.stringContaining('name it .xlsx or give format: xlsx') }));
  });
});
