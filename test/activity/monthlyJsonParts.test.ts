import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import { monthlyFootprints, monthlyFootprintsJsonParts, monthlyFootprintsToJson } from '../../src/activity/monthlyFootprints.js';
import { SmeltprintError } from '../../src/core/errors.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { parseActivityBytes } from '../../src/io/readActivityTable.js';
import { canonicalJson } from '../../src/report/canonical.js';
import type { Rounding } from '../../src/decimal/rounding.js';

// The monthly JSON written a month at a time (each month let go once written: a 10,000-process
// model by month held twelve results before) is the text of the whole document made at once.
const whole = (document: unknown, report: Parameters<typeof monthlyFootprints>[1], rounding?: Rounding) =>
  `${canonicalJson(monthlyFootprintsToJson(monthlyFootprints(document, report), rounding), 2)}\n`;
const inParts = (document: unknown, report: Parameters<typeof monthlyFootprints>[1], rounding?: Rounding) =>
  [...monthlyFootprintsJsonParts(document, report, {}, rounding)].join('');

const example = (name: string) => fileURLToPath(new URL(`../../examples/erp/${name}`, import.meta.url));

// A plant commissioned in February (idle January, a co-product not made in March) and an amount
// without activity rows, split pro rata by days.
const plant = {
  smeltprint: 1,
  id: 'plant',
  period: { start: '2025-01-01', end: '2025-03-31' },
  gwp: 'AR5',
  factors: [{ id: 'x/f', value: '1.37', unit: 't CO2e/t', gwp: 'AR5', source: { title: 'test factor' } }],
  processes: [
    {
      id: 'p',
      outputs: [
        { flow: 'al', amount: { activity: 'al' }, unit: 't' },
        { flow: 'dross', amount: { activity: 'dross' }, unit: 't' },
      ],
      inputs: [
        { flow: 'alumina', amount: { activity: 'ao' }, unit: 't', factor: 'x/f' },
        { flow: 'diesel', amount: '91', unit: 't', factor: 'x/f' },
      ],
      allocation: 'mass',
    },
  ],
};
const ledger = 'date,series,amount,unit\n2025-02,al,100,t\n2025-03,al,97,t\n2025-02,dross,3,t\n2025-03,dross,0,t\n2025-02,ao,200,t\n2025-03,ao,151,t\n';
const mapping = { smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' }, series: { al: { from: '2025-02-01' }, dross: { from: '2025-02-01' }, ao: { from: '2025-02-01' } } };

describe('monthlyFootprintsJsonParts', () => {
  it('writes the ERP example (24 months from a ledger) as monthlyFootprintsToJson does, with and without rounding', async () => {
    const document = parseModelText(await readFile(example('smelter-2022-2023.yaml'), 'utf8'), 'yaml');
    const table = parseActivityBytes(await readFile(example('ledger-utf8.csv')), 'ledger-utf8.csv', { delimiter: ',' });
    const { document: filled, report } = fillActivity(document, table, parseModelText(await readFile(example('mapping-utf8.yaml'), 'utf8'), 'yaml'));
    expect(inParts(filled, report)).toBe(whole(filled, report));
    const twoPlaces: Rounding = { places: 2, mode: 'HALF_EVEN' };
    expect(inParts(filled, report, twoPlaces)).toBe(whole(filled, report, twoPlaces));
    expect(JSON.parse(inParts(filled, report)).months).toHaveLength(24);
  });

  it('writes idle months, idle co-products and pro-rata amounts as monthlyFootprintsToJson does', () => {
    const { document: filled, report } = fillActivity(plant, { file: 'l.csv', records: parseCsv(ledger, ',') }, mapping);
    const text = inParts(filled, report);
    expect(text).toBe(whole(filled, report));
    const parsed = JSON.parse(text) as { months: { products: { flow: string; status: string }[] }[]; split: { proRataByDays: string[] } };
    expect(parsed.months[0]!.products.map((p) => p.status)).toEqual(['not-operating', 'not-operating']);
    expect(parsed.split.proRataByDays).toEqual(['processes[0].inputs[1]']);
  });

  it('without an activity report divides every amount by days, as monthlyFootprintsToJson does', () => {
    const constant = { ...plant, processes: [{ ...plant.processes[0]!, outputs: [{ flow: 'al', amount: '300', unit: 't' }], inputs: [{ flow: 'diesel', amount: '91', unit: 't', factor: 'x/f' }] }] };
    expect(inParts(constant, undefined)).toBe(whole(constant, undefined));
  });

  it('throws for a document it cannot split before writing anything', () => {
    const parts = monthlyFootprintsJsonParts(plant, undefined);
    // The amounts still name activity series: nothing is written before the error.
    expect(() => parts.next()).toThrow(SmeltprintError);
  });
});
