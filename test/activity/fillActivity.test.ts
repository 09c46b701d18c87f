import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import type { ActivityTable } from '../../src/activity/types.js';
import { ModelValidationError } from '../../src/core/errors.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';
import { isReadAsData } from '../../src/core/readAsData.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { parseModel } from '../../src/model/parse.js';
import { safeParseModel } from '../../src/model/parse.js';

const table = (text: string, file = 'ledger.csv'): ActivityTable => ({ file, records: parseCsv(text, ',') });
const mapping = (extra: Record<string, unknown> = {}) => ({ smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' }, ...extra });
const document = (period = { start: '2025-01-01', end: '2025-03-31' }) => ({
  smeltprint: 1,
  id: 'fill',
  period,
  gwp: 'AR5',
  processes: [
    {
      id: 'electrolysis',
      outputs: [{ flow: 'aluminium', amount: { activity: 'aluminium' }, unit: 't' }],
      inputs: [{ flow: 'electricity', amount: { activity: 'power' }, unit: 'MWh', factor: 'cn-mee/grid/national/2023' }],
    },
  ],
});
const QUARTER = 'date,series,amount,unit\n2025-01,aluminium,100,t\n2025-02,aluminium,90,t\n2025-03,aluminium,110,t\n2025-01,power,1350,MWh\n2025-02,power,1215000,kWh\n2025-03,power,148.5,10^4 kWh\n';

describe('fillActivity', () => {
  it('fills { activity } amounts with the exact sum of their rows, converted to the document unit', () => {
    const { document: filled, report } = fillActivity(document(), table(QUARTER), mapping());
    const model = parseModel(filled);
    // 100 + 90 + 110 = 300 t; 1350 MWh + 1215000 kWh (1215 MWh) + 148.5 × 10^4 kWh (1485 MWh) = 4050 MWh.
    expect(model.processes[0]?.outputs[0]?.quantity.amount.toFixed()).toBe('300');
    expect(model.processes[0]?.inputs[0]?.quantity.amount.toFixed()).toBe('4050');
    expect(report).toMatchObject({ read: 6, used: 6, rejected: [], errors: [] });
    expect(report.series.find((s) => s.id === 'power')?.periods.map((p) => [p.start, p.amount.toFixed()])).toEqual([
      ['2025-01-01', '1350'],
      ['2025-02-01', '1215'],
      ['2025-03-01', '1485'],
    ]);
  });

  it('a document the reader made stays one after filling (read without zod’s copy); a caller’s own does not', () => {
    const read = parseModelText(JSON.stringify(document()), 'json');
    const { document: filledRead } = fillActivity(read, table(QUARTER), mapping());
    expect(isReadAsData(filledRead)).toBe(true);
    const { document: filledOwn } = fillActivity(document(), table(QUARTER), mapping());
    expect(isReadAsData(filledOwn)).toBe(false);
    // The same Model either way.
    expect(JSON.stringify(parseModel(filledRead))).toBe(JSON.stringify(parseModel(filledOwn)));
  });

  it('does not change the input document, and an unfilled reference is an issue at its path', () => {
    const original = document();
    const snapshot = JSON.stringify(original);
    fillActivity(original, table(QUARTER), mapping());
    expect(JSON.stringify(original)).toBe(snapshot);
    const result = safeParseModel(original);
    // Every unfilled amount is reported, not only the first the conversion met.
    expect(result.success === false && result.issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['activity_not_filled', 'processes.0.inputs.0.amount'],
      ['activity_not_filled', 'processes.0.outputs.0.amount'],
    ]);
    expect(result.success === false && result.issues[0]?.message).toContain('"power"');
  });

  it('rejects each bad row with file, row and column', () => {
    const text =
      QUARTER +
      '2025-04-31,aluminium,1,t\n' + // line 8: no such day
      '2025-02,cobalt,1,t\n' + // line 9: unknown series
      '2025-02,aluminium,1.0.0,t\n' + // line 10: not a number
      '2025-02,power,5,t\n' + // line 11: t does not convert to MWh
      '2025-01,aluminium,100,t\n' + // line 12: duplicate of line 2
      '2025-02,aluminium,-3,t\n' + // line 13: negative
      '2025-02,aluminium,3,furlong\n'; // line 14: no such unit
    const { report } = fillActivity(document(), table(text), mapping());
    expect(report.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [8, 'date', 'invalid_date'],
      [9, 'series', 'unknown_series'],
      [10, 'amount', 'invalid_amount'],
      [11, 'unit', 'unit_mismatch'],
      [12, undefined, 'duplicate_row'],
      [13, 'amount', 'negative_amount'],
      [14, 'unit', 'invalid_unit'],
    ]);
    expect(report.rejected.every((r) => r.file === 'ledger.csv')).toBe(true);
    expect(report.rejected.find((r) => r.code === 'duplicate_row')?.message).toMatch(/ledger.csv row 2/);
    expect(report.read).toBe(13);
    expect(report.used).toBe(6);
  });

  it('treats a daily row inside a month that has a monthly row as a duplicate', () => {
    const { report } = fillActivity(document(), table(`${QUARTER}2025-03-15,power,1,MWh\n`), mapping({ dates: { formats: ['yyyy-MM-dd', 'yyyy-MM'] } }));
    expect(report.rejected.map((r) => [r.row, r.code])).toEqual([[8, 'duplicate_row']]);
  });

  it('aggregates daily rows and reports a missing day as a gap unless gaps are allowed', () => {
    const days = ['date,series,amount,unit'];
    for (let day = 1; day <= 28; day += 1) if (day !== 14) days.push(`2025-02-${String(day).padStart(2, '0')},power,10,MWh`);
    const doc = document({ start: '2025-02-01', end: '2025-02-28' });
    doc.processes[0]!.outputs[0]!.amount = '100' as never;
    const strict = fillActivity(doc, table(days.join('\n')), mapping());
    expect(strict.report.errors).toEqual([expect.objectContaining({ code: 'series_gap', series: 'power', message: expect.stringContaining('2025-02-14..2025-02-14') })]);
    const lenient = fillActivity(doc, table(days.join('\n')), mapping({ allowGaps: true }));
    expect(lenient.report.errors).toEqual([]);
    // 27 days × 10 MWh.
    expect(parseModel(lenient.document).processes[0]?.inputs[0]?.quantity.amount.toFixed()).toBe('270');
  });

  it('reports a plant commissioned mid-period as partial, not as a gap', () => {
    const text = 'date,series,amount,unit\n2025-03,aluminium,50,t\n2025-03,power,700,MWh\n';
    const map = mapping({ series: { aluminium: { from: '2025-03-01' }, power: { from: '2025-03-01' } } });
    const { report } = fillActivity(document(), table(text), map);
    expect(report.errors).toEqual([]);
    expect(report.series.map((s) => [s.id, s.partial, s.expected.start])).toEqual([
      ['aluminium', true, '2025-03-01'],
      ['power', true, '2025-03-01'],
    ]);
  });

  it('skips other plants, ignored series and rows outside the period, and counts them', () => {
    const text = 'date,plant,series,amount,unit\n2025-01,A,aluminium,1,t\n2025-01,B,aluminium,1,t\n2025-01,A,water,5,m3\n2024-12,A,aluminium,1,t\n';
    const map = { ...mapping({ plant: 'A', ignore: ['water'], allowGaps: true }), columns: { date: 'date', plant: 'plant', series: 'series', amount: 'amount', unit: 'unit' } };
    const { report } = fillActivity(document(), table(text), map);
    expect(report.skipped).toEqual({ otherPlant: 1, ignoredSeries: 1, unusedSeries: 0, outsidePeriod: 1 });
    expect(report.used).toBe(1);
    // power has no rows at all: an error even with allowGaps.
    expect(report.errors.map((e) => e.code)).toEqual(['series_without_rows']);
  });

  it('reads fiscal periods of a year starting in April (fiscal 2024/010 is January 2025)', () => {
    const doc = document({ start: '2024-04-01', end: '2025-03-31' });
    const rows = ['period,series,amount,unit'];
    for (let p = 1; p <= 12; p += 1) rows.push(`2024/${String(p).padStart(3, '0')},aluminium,${p},t`, `2024/${String(p).padStart(3, '0')},power,1,MWh`);
    const map = { ...mapping({ fiscalYear: { startMonth: 4 } }), columns: { period: 'period', series: 'series', amount: 'amount', unit: 'unit' } };
    const { document: filled, report } = fillActivity(doc, table(rows.join('\n')), map);
    expect(report.errors).toEqual([]);
    // 1 + 2 + … + 12 = 78.
    expect(parseModel(filled).processes[0]?.outputs[0]?.quantity.amount.toFixed()).toBe('78');
    expect(report.series[0]?.periods[9]).toMatchObject({ start: '2025-01-01', end: '2025-01-31' });
  });

  it('fills amounts named by the mapping instead of the document, with decimal commas', () => {
    const doc = document();
    doc.processes[0]!.outputs[0]!.amount = '300' as never;
    doc.processes[0]!.inputs[0]!.amount = '0' as never;
    const text = 'date;series;amount;unit\n2025-01;Strom;1.350,5;MWh\n2025-02;Strom;1.000;MWh\n2025-03;Strom;0,5;MWh\n';
    const map = { ...mapping({ numbers: { decimal: ',', thousands: '.' }, fill: [{ process: 'electrolysis', input: 'electricity', series: 'power' }], series: { power: { match: 'Strom' } } }) };
    const { document: filled, report } = fillActivity(doc, { file: 'de.csv', records: parseCsv(text, ';') }, map);
    expect(report.errors).toEqual([]);
    // 1350.5 + 1000 + 0.5 = 2351.
    expect(parseModel(filled).processes[0]?.inputs[0]?.quantity.amount.toFixed()).toBe('2351');
  });

  it('throws ModelValidationError for an invalid mapping', () => {
    expect(() => fillActivity(document(), table(QUARTER), { smeltprintMapping: 1, columns: { series: 's', amount: 'a' } })).toThrowError(ModelValidationError);
  });

  it('refuses date patterns date-fns refuses (YYYY, D: an internal error at the first row) and unit aliases naming no unit, at their paths', () => {
    const mapping = (extra: Record<string, unknown>) => ({ smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' }, ...extra });
    const issuesOf = (extra: Record<string, unknown>) => {
      try {
        fillActivity(document(), table(QUARTER), mapping(extra));
      } catch (error) {
        return (error as ModelValidationError).issues.map((issue) => [issue.code, issue.path.join('.')]);
      }
      return [];
    };
    expect(issuesOf({ dates: { formats: ['YYYY/M/D'] } })).toEqual([['invalid_mapping', 'dates.formats.0']]);
    expect(issuesOf({ dates: { formats: ['yyyy-MM-dd', 'yyyy/M/D'] } })).toEqual([['invalid_mapping', 'dates.formats.1']]);
    expect(issuesOf({ units: { 万千瓦时: '10^4 kwh' } })).toEqual([['invalid_mapping', 'units.万千瓦时']]);
    expect(issuesOf({ units: { 万千瓦时: '10^4 kWh' } })).toEqual([]);
    // tokens date-fns refuses together only when it parses (RRRR with MM)
    expect(issuesOf({ dates: { formats: ['RRRR-MM'] } })).toEqual([['invalid_mapping', 'dates.formats.0']]);
    // encodings as people write them
    expect(issuesOf({ encoding: 'GBK' })).toEqual([]);
    expect(issuesOf({ encoding: 'UTF8' })).toEqual([]);
  });
});

describe('fillActivity fill entries', () => {
  // Targets are kept by path in order: a fill entry for an amount already targeted (by an
  // { activity } reference or an earlier entry) replaces it and comes last.
  const twoProcesses = {
    ...document(),
    processes: [
      ...document().processes,
      { id: 'casting', outputs: [{ flow: 'ingot', amount: '290', unit: 't' }], inputs: [{ flow: 'aluminium', amount: '295', unit: 't', from: 'electrolysis' }] },
    ],
  };
  const rows = 'date,series,amount,unit\n' + ['aluminium', 'meter', 'cast', 'cast2'].flatMap((s) => ['2025-01', '2025-02', '2025-03'].map((m) => `${m},${s},10,t`)).join('\n').replaceAll(',meter,10,t', ',meter,10,MWh') + '\n';

  it('replaces a reference, lets the last of two entries for one amount win, and reports unknown targets', () => {
    const fill = [
      { process: 'electrolysis', input: 'electricity', series: 'meter' },
      { process: 'casting', output: 'ingot', series: 'cast' },
      { process: 'casting', output: 'ingot', series: 'cast2' },
      { process: 'no-such-process', input: 'coal', series: 'coal' },
    ];
    const { document: filled, report } = fillActivity(twoProcesses, table(rows), mapping({ fill, ignore: ['cast'] }));
    // The electricity reference 'power' is replaced by 'meter'; of the two ingot entries, cast2 (the
    // later) fills the amount, and cast's rows are ignored. Series are reported by id.
    expect(report.series.map((s) => s.id)).toEqual(['aluminium', 'cast2', 'meter']);
    expect(report.series.find((s) => s.id === 'cast2')?.targets).toEqual([['processes', 1, 'outputs', 0]]);
    expect(report.errors).toEqual([expect.objectContaining({ code: 'unknown_fill_target', series: 'coal', path: ['fill', 3] })]);
    const model = parseModel(filled);
    expect(model.processes[0]!.inputs[0]!.quantity.amount.toFixed()).toBe('30');
    expect(model.processes[1]!.outputs[0]!.quantity.amount.toFixed()).toBe('30');
  });
});
