import { describe, expect, it } from 'vitest';
import { activityFiller, fillActivity } from '../../src/activity/fillActivity.js';
import type { ActivityTable } from '../../src/activity/types.js';
import { ModelValidationError } from '../../src/core/errors.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';

const table = (text: string, file: string): ActivityTable => ({ file, records: parseCsv(text, ',') });
const mapping = {
  smeltprintMapping: 1,
  columns: { date: 'date', plant: 'plant', series: 'series', amount: 'amount', unit: 'unit' },
  ignore: ['water'],
  series: { 'north.power': { match: 'power', plant: 'north' }, 'south.power': { match: 'power', plant: 'south' }, 'north.al': { match: 'al', plant: 'north' } },
};
const plantMonth = (plant: string, month: string, series: readonly string[]) => ({
  smeltprint: 1,
  id: `${plant}-${month}`,
  period: { start: `2025-${month}-01`, end: month === '02' ? '2025-02-28' : `2025-${month}-31` },
  gwp: 'AR5',
  processes: [{ id: 'potline', outputs: [{ flow: 'al', amount: '1', unit: 't' }], inputs: series.map((id) => ({ flow: id, amount: { activity: id }, unit: 'MWh', factor: 'cn-mee/grid/national/2023' })) }],
});
// Two files; a row of another layout (field_count), an unknown series, a duplicate, a bad date,
// an ignored series and rows of two plants for three months.
const LEDGER_A = 'date,plant,series,amount,unit\n2025-01,north,power,10,MWh\n2025-01,south,power,20,MWh\n2025-02,north,power,11,MWh\n2025-02,south,power,21,MWh\n2025-01,north,water,5,t\n2025-01,north,coke,1,t\n2025-03,north,power,12,MWh,extra\n';
const LEDGER_B = 'date,plant,series,amount,unit\n2025-03,north,power,12,MWh\n2025-03,south,power,22000,kWh\n2025-03,north,power,13,MWh\nMarch,south,power,1,MWh\n2025-01,north,al,1,t\n';

describe('activityFiller', () => {
  it('gives every document what fillActivity gives it, reading the ledgers once', () => {
    const tables = [table(LEDGER_A, 'a.csv'), table(LEDGER_B, 'b.csv')];
    const fill = activityFiller(tables, mapping);
    const documents = ['01', '02', '03'].flatMap((month) => [plantMonth('north', month, ['north.power']), plantMonth('south', month, ['south.power']), plantMonth('north', month, ['north.power', 'north.al'])]);
    for (const document of documents) expect(JSON.stringify(fill(document))).toBe(JSON.stringify(fillActivity(document, tables, mapping)));
    // North in March: b.csv row 2 (12 MWh) kept, row 4 (13 MWh, the same month) a duplicate; a.csv
    // row 8 has six fields under a five-column header; b.csv row 5 ("March") has no date format.
    const { report } = fill(plantMonth('north', '03', ['north.power']));
    expect(report.series.map((s) => [s.id, s.total.toFixed()])).toEqual([['north.power', '12']]);
    expect(report.rejected.map((r) => [r.file, r.row, r.code])).toEqual([
      ['a.csv', 7, 'unknown_series'],
      ['a.csv', 8, 'field_count'],
      ['b.csv', 4, 'duplicate_row'],
    ]);
    // 12 data rows (7 + 5): 1 ignored (water), 1 of another layout, 1 unknown (coke); the four
    // south rows and north.al are defined series this document does not use (5); of the four
    // north power rows, January and February are outside its period (2), one used, one duplicate.
    expect(report).toMatchObject({ read: 12, used: 1, skipped: { otherPlant: 0, ignoredSeries: 1, unusedSeries: 5, outsidePeriod: 2 } });
    // South in March: 22,000 kWh = 22 MWh; the "March" row is rejected for its date.
    const south = fill(plantMonth('south', '03', ['south.power'])).report;
    expect(south.series[0]?.total.toFixed()).toBe('22');
    expect(south.rejected.map((r) => [r.file, r.row, r.code])).toEqual([
      ['a.csv', 7, 'unknown_series'],
      ['a.csv', 8, 'field_count'],
      ['b.csv', 5, 'invalid_date'],
    ]);
  });

  it('refuses an invalid mapping when made, before any document', () => {
    expect(() => activityFiller([], { smeltprintMapping: 1, columns: { series: 'x', amount: 'y' } })).toThrow(ModelValidationError);
  });
});
