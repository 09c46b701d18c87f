// Hostile ledgers through the whole activity path: bytes read as CSV (UTF-8, GBK) or XLSX, rows
// filled into a model, the model computed by month. Each step answers or throws a SmeltprintError;
// nothing else may escape (no TypeError, no RangeError), and what is filled adds up.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityFiller, fillActivity } from '../../src/activity/fillActivity.js';
import { monthlyFootprints } from '../../src/activity/monthlyFootprints.js';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { SmeltprintError } from '../../src/core/errors.js';
import { sum } from '../../src/decimal/decimal.js';
import { parseActivityBytes } from '../../src/io/parseActivityBytes.js';

const TOKENS = ['2025-01', '2025-02', '2025-03', '2025-02-30', '2025年1月', '2025/1/31', '2024-12', '1e5', '-3', '1,000', '1.000,5', '12.5', '0', 'NaN', 'Infinity', '0x10', '', ' ', 'al', 'power', 'coke', 'water', 't', 'kg', 'MWh', '万千瓦时', '吨', 'zz', '"', '""', '"a,b"', '\u0000', '\uFEFF', '🙂', 'north', 'south'];
const noise = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 6 }));
// Mostly rows a ledger would have (a month, a plant, a series, an amount in the series' unit),
// some cells replaced by noise, some rows of noise alone; one delimiter per ledger.
const UNITS: Record<string, readonly string[]> = { al: ['t', 't', 'kg', 'MWh'], power: ['MWh', 'MWh', '万千瓦时', 't'], coke: ['t', 'kg', '吨', ''], water: ['t'] };
const goodRow = fc.constantFrom('al', 'power', 'coke', 'water').chain((series) =>
  fc.tuple(
    fc.constantFrom('2025-01', '2025-02', '2025-03', '2025-01-01', '2025/2/1', '2024-12'),
    fc.constantFrom('north', 'north', 'south', ''),
    fc.constant(series),
    fc.constantFrom('12.5', '1,000', '7', '0', '3.25', '100'),
    fc.constantFrom(...UNITS[series]!),
  ),
);
const row = fc.oneof(
  { weight: 6, arbitrary: goodRow.map((cells) => cells as string[]) },
  { weight: 1, arbitrary: fc.tuple(goodRow, fc.nat({ max: 4 }), noise).map(([cells, i, cell]) => cells.map((c, k) => (k === i ? cell : c))) },
  { weight: 1, arbitrary: fc.array(noise, { maxLength: 7 }) },
);
const ledgerText = fc
  .tuple(fc.array(row, { minLength: 8, maxLength: 30, size: 'max' }), fc.constantFrom(',', ',', ';', '\t'), fc.constantFrom('date,plant,series,amount,unit', 'date,plant,series,amount,unit', 'Datum,Item,Qty,Unit', ''), fc.constantFrom('\n', '\r\n', '\r'))
  .map(([rows, d, header, newline]) =>
    [header.replaceAll(',', d), ...rows.map((cells) => cells.map((c) => (c.includes(d) || c.includes('"') ? `"${c.replaceAll('"', '""')}"` : c)).join(d))].join(newline),
  );
const mappingArb = fc.record({
  smeltprintMapping: fc.constant(1),
  columns: fc.constantFrom(
    { date: 'date', plant: 'plant', series: 'series', amount: 'amount', unit: 'unit' },
    { date: 'date', plant: 'plant', series: 'series', amount: 'amount', unit: 'unit' },
    { date: 'date', plant: 'plant', series: 'series', amount: 'amount', unit: 'unit' },
    { date: 'Datum', series: 'Item', amount: 'Qty', unit: 'Unit' },
    { period: 'date', series: 'series', amount: 'amount' },
  ),
  numbers: fc.constantFrom({ decimal: '.', thousands: ',' }, { decimal: '.', thousands: ',' }, { decimal: ',', thousands: '.' }, { decimal: '.', thousands: '' }),
  allowGaps: fc.constantFrom(true, true, false),
  units: fc.constantFrom(undefined, { 万千瓦时: '10^4 kWh', 吨: 't' }, { 万千瓦时: '10^4 kWh', 吨: 't' }),
  ignore: fc.constantFrom(undefined, ['water']),
  series: fc.constantFrom(undefined, undefined, { coke: { unit: 't' }, al: { match: 'al', plant: 'north' } }, { coke: { from: '2025-02-01', unit: 't' } }),
}).map((m) => JSON.parse(JSON.stringify(m)) as Record<string, unknown>);

const model = {
  smeltprint: 1,
  id: 'fuzz',
  period: { start: '2025-01-01', end: '2025-03-31' },
  gwp: 'AR5',
  processes: [
    {
      id: 'potline',
      outputs: [{ flow: 'aluminium', amount: { activity: 'al' }, unit: 't' }],
      inputs: [
        { flow: 'electricity', amount: { activity: 'power' }, unit: 'MWh', factor: 'cn-mee/grid/national/2023' },
        { flow: 'coke', amount: { activity: 'coke' }, unit: 't', factor: 'test/coke' },
      ],
    },
  ],
  factors: [{ id: 'test/coke', value: '3', unit: 't CO2/t', source: { title: 'test factor' } }],
};

/** Runs `step`; a SmeltprintError is an answer (undefined), anything else fails the test. */
function answered<T>(step: () => T): T | undefined {
  try {
    return step();
  } catch (error) {
    if (error instanceof SmeltprintError) return undefined;
    throw error;
  }
}

describe('hostile ledgers through the activity path (property)', () => {
  it('reads, fills and computes by month, or says what is wrong', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(ledgerText, mappingArb, fc.constantFrom('utf-8', 'gbk'), (text, mapping, encoding) => {
        const table = answered(() => parseActivityBytes(encoder.encode(text), 'ledger.csv', { encoding: encoding as 'utf-8' | 'gbk' }));
        if (table === undefined) return;
        const filled = answered(() => fillActivity(model, table, mapping));
        if (filled === undefined) return;
        // The same report from a filler made once.
        expect(JSON.stringify(activityFiller(table, mapping)(model))).toBe(JSON.stringify(filled));
        const { report } = filled;
        // Every row read is used, skipped or rejected.
        const skipped = Object.values(report.skipped).reduce((a, b) => a + b, 0);
        const dropped = report.rejected.length;
        expect(report.used + skipped + dropped).toBe(report.read);
        for (const series of report.series) expect(sum(series.periods.map((p) => p.amount)).eq(series.total)).toBe(true);
        if (report.errors.length > 0 || report.series.some((s) => s.rows === 0)) return;
        const result = answered(() => computeFootprints(filled.document));
        if (result === undefined) return;
        answered(() => monthlyFootprints(filled.document, report));
      }),
      { numRuns: 400, seed: 20261203 },
    );
  });

  it('refuses bytes that are no spreadsheet with a SmeltprintError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), new Uint8Array()), (bytes, prefix) => {
        const joined = new Uint8Array([...prefix, ...bytes]);
        answered(() => parseActivityBytes(joined, 'ledger.xlsx'));
        answered(() => parseActivityBytes(joined, 'ledger.csv', { encoding: 'gbk' }));
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });
});
