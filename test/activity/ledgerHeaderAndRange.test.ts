import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import type { ActivityTable } from '../../src/activity/types.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';
import { runCapturing } from '../cliRun.js';

const table = (text: string, file = 'ledger.csv'): ActivityTable => ({ file, records: parseCsv(text, ',') });
const mapping = { smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' } };
const document = {
  smeltprint: 1,
  id: 'rows',
  period: { start: '2023-01-01', end: '2023-01-31' },
  gwp: 'AR5',
  processes: [{ id: 'potline', outputs: [{ flow: 'aluminium', amount: '100', unit: 't' }], inputs: [{ flow: 'electricity', amount: { activity: 'el' }, unit: 'MWh', factor: 'cn-mee/grid/national' }] }],
};

async function runIn(cwd: string, ...argv: string[]) {
  return runCapturing(argv, cwd);
}

describe('a header with a duplicated column name', () => {
  it('is refused when the mapping reads that column, naming the file, header row and both positions', () => {
    const { report } = fillActivity(document, table('date,series,amount,unit,amount\n2023-01,el,5,MWh,7\n'), mapping);
    // The ledger is not read, so the series then has no rows either.
    expect(report.errors.map((e) => e.code)).toEqual(['duplicate_column', 'series_without_rows']);
    expect(report.errors[0]!.message).toBe('ledger.csv: the header at line/row 1 has column "amount" (the amount column) twice, at columns 3 and 5; rename one');
    expect(report.used).toBe(0);
  });

  it('is allowed when the mapping does not use the duplicated name', () => {
    const { document: filled, report } = fillActivity(document, table('date,series,amount,unit,note,note\n2023-01,el,5,MWh,a,b\n'), mapping);
    expect(report.errors).toEqual([]);
    expect((filled as { processes: { inputs: { amount: unknown }[] }[] }).processes[0]!.inputs[0]!.amount).toBe('5');
  });

  it('fails the CLI run with exit 1 and the message on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-dupcol-'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify(document));
    writeFileSync(join(dir, 'ledger.csv'), 'date,series,amount,unit,amount\n2023-01,el,5,MWh,7\n');
    const { code, stdout, stderr } = await runIn(dir, 'footprint', 'model.json', '--activity', 'ledger.csv');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('ledger.csv: the header at line/row 1 has column "amount" (the amount column) twice, at columns 3 and 5; rename one [duplicate_column]');
  });
});

describe('an amount outside the accepted range (1e-30 to 1e24)', () => {
  it('rejects the row as file:row [amount], as other bad cells are', () => {
    const text = 'date,series,amount,unit\n2023-01,el,99999999999999999999999999999999999,MWh\n';
    const { report } = fillActivity(document, table(text), mapping);
    expect(report.rejected.map((r) => [r.file, r.row, r.column, r.code])).toEqual([['ledger.csv', 2, 'amount', 'invalid_amount']]);
    expect(report.rejected[0]!.message).toBe('"99999999999999999999999999999999999" is outside the accepted range of amounts (1e-30 to 1e24)');
  });

  it('rejects a row in range as written but out of range in the unit the series is kept in', () => {
    const up = fillActivity(document, table('date,series,amount,unit\n2023-01,el,100000000000000000000000,GWh\n2023-01,el,5,MWh\n'), mapping).report;
    // 1e23 GWh is in range; in MWh, the unit of the series, it is 1e26, which is not.
    expect(up.rejected.map((r) => [r.row, r.column, r.code])).toEqual([[2, 'amount', 'invalid_amount']]);
    expect(up.rejected[0]!.message).toMatch(/^100000000000000000000000 GWh is 1\.000e\+26 MWh, outside the accepted range of amounts/);
  });

  it('is reported by the CLI as rejected ledger.csv:2 [amount], exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-range-'));
    writeFileSync(join(dir, 'model.json'), JSON.stringify(document));
    writeFileSync(join(dir, 'ledger.csv'), 'date,series,amount,unit\n2023-01,el,99999999999999999999999999999999999,MWh\n');
    const { code, stdout, stderr } = await runIn(dir, 'footprint', 'model.json', '--activity', 'ledger.csv');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('rejected ledger.csv:2 [amount]: "99999999999999999999999999999999999" is outside the accepted range of amounts (1e-30 to 1e24) [invalid_amount]');
  });
});
