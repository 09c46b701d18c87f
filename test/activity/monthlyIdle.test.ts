import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import { activityPeriodsOf, activityWarnings } from '../../src/activity/activityPeriods.js';
import { monthlyFootprints, monthlyFootprintsJsonParts, monthlyFootprintsToJson } from '../../src/activity/monthlyFootprints.js';
import { sum } from '../../src/decimal/decimal.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';
import { parseModel } from '../../src/model/parse.js';

// A plant commissioned in February of a quarter (2025-01-01..2025-03-31, 90 days).
const document = (fixedDiesel?: string) => ({
  smeltprint: 1,
  id: 'idle',
  period: { start: '2025-01-01', end: '2025-03-31' },
  gwp: 'AR5',
  factors: [{ id: 'x/f', value: '1', unit: 't CO2e/t', gwp: 'AR5', source: { title: 'test factor' } }],
  processes: [
    {
      id: 'p',
      outputs: [{ flow: 'al', amount: { activity: 'al' }, unit: 't' }],
      inputs: [
        { flow: 'alumina', amount: { activity: 'ao' }, unit: 't', factor: 'x/f' },
        ...(fixedDiesel === undefined ? [] : [{ flow: 'diesel', amount: fixedDiesel, unit: 't', factor: 'x/f' }]),
      ],
    },
  ],
});
const ledger = 'date,series,amount,unit\n2025-02,al,100,t\n2025-03,al,100,t\n2025-02,ao,200,t\n2025-03,ao,150,t\n';
const mapping = { smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' }, series: { al: { from: '2025-02-01' }, ao: { from: '2025-02-01' } } };

describe('monthlyFootprints for a series that starts mid-period', () => {
  it('reports a month without production as not operating with zero emissions, the months summing to the total', () => {
    const { document: filled, report } = fillActivity(document(), { file: 'l.csv', records: parseCsv(ledger, ',') }, mapping);
    const monthly = monthlyFootprints(filled, report);
    const january = monthly.months[0]!.products[0]!;
    expect(january).toMatchObject({ status: 'not-operating', idleEmissions: 'zero' });
    expect(january.perUnit).toBeUndefined();
    expect(january.emissions.isZero()).toBe(true);
    // February 200 t alumina × 1 t CO2e/t for 100 t: 2 per t; March 150 / 100 = 1.5; total 350 t CO2e over 200 t.
    expect(monthly.months.map((m) => m.products[0]!.perUnit?.toFixed())).toEqual([undefined, '2', '1.5']);
    const total = monthly.total.products[0]!;
    expect([total.production.toFixed(), total.emissions.toFixed(), total.perUnit?.toFixed()]).toEqual(['200', '350', '1.75']);
    expect(monthlyFootprintsToJson(monthly).months[0]!.products[0]).toMatchObject({ status: 'not-operating', note: expect.stringContaining('no emissions') });
  });

  it('counts the fixed burdens of a month without production, and the months still add up to the total', () => {
    const { document: filled, report } = fillActivity(document('90'), { file: 'l.csv', records: parseCsv(ledger, ',') }, mapping);
    const monthly = monthlyFootprints(filled, report);
    const january = monthly.months[0]!.products[0]!;
    // 90 t diesel pro rata by days: January 90 × 31/90 = 31 t, × 1 t CO2e/t.
    expect(january).toMatchObject({ status: 'not-operating', idleEmissions: 'fixed-burdens' });
    expect(january.emissions.toFixed()).toBe('31');
    const total = monthly.total.products[0]!;
    // 350 t CO2e from alumina + 90 t CO2e from diesel.
    expect(total.emissions.toFixed()).toBe('440');
    expect(sum(monthly.months.map((m) => m.products[0]!.emissions)).eq(total.emissions)).toBe(true);
  });
});

describe('monthlyFootprints for a co-product not made in a month', () => {
  const coProducts = {
    smeltprint: 1,
    id: 'co',
    period: { start: '2025-01-01', end: '2025-02-28' },
    gwp: 'AR5',
    factors: [{ id: 'x/f', value: '1', unit: 't CO2e/t', gwp: 'AR5', source: { title: 'test factor' } }],
    processes: [
      {
        id: 'p',
        outputs: [
          { flow: 'a', amount: { activity: 'a' }, unit: 't' },
          { flow: 'b', amount: { activity: 'b' }, unit: 't' },
        ],
        inputs: [{ flow: 'ore', amount: { activity: 'ore' }, unit: 't', factor: 'x/f' }],
        allocation: 'mass',
      },
    ],
  };
  const rows = 'date,series,amount,unit\n2025-01,a,100,t\n2025-01,b,100,t\n2025-01,ore,200,t\n2025-02,a,100,t\n2025-02,b,0,t\n2025-02,ore,150,t\n';

  it('gives the burdens of a month to what was made: the idle co-product takes no share by a placeholder amount', () => {
    const { document: filled, report } = fillActivity(coProducts, { file: 'l.csv', records: parseCsv(rows, ',') }, { smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' } });
    const monthly = monthlyFootprints(filled, report);
    const [january, february] = monthly.months.map((month) => Object.fromEntries(month.products.map((p) => [p.flow, p])));
    // January: 200 t ore × 1 t CO2e/t split by mass 100 : 100 → 1 t CO2e per t of each.
    expect([january!['a']!.perUnit?.toFixed(), january!['b']!.perUnit?.toFixed()]).toEqual(['1', '1']);
    // February: b is not made, so all 150 t CO2e go to the 100 t of a (not 150 × 100/101).
    expect(february!['a']!.perUnit?.toFixed()).toBe('1.5');
    expect(february!['b']).toMatchObject({ status: 'not-operating', idleEmissions: 'zero' });
    expect(february!['b']!.emissions.isZero()).toBe(true);
    // The months add up: a 100 + 150 = 250 t CO2e over 200 t, b 100 over 100; 350 in all, the ore's.
    const total = Object.fromEntries(monthly.total.products.map((p) => [p.flow, p]));
    expect([total['a']!.emissions.toFixed(), total['a']!.production.toFixed(), total['b']!.emissions.toFixed()]).toEqual(['250', '200', '100']);
  });
});

describe('monthlyFootprints of an activity report filled for another period', () => {
  it('is refused rather than reporting the uncovered months as not operating', () => {
    const quarterLedger = `${ledger}2025-01,al,100,t\n2025-01,ao,200,t\n`;
    const wholePeriod = { ...mapping, series: {} };
    const { document: filled, report } = fillActivity(document(), { file: 'l.csv', records: parseCsv(quarterLedger, ',') }, wholePeriod);
    expect(report.errors).toEqual([]);
    // Filled for 2025-01..03; asked for 2024-10..2025-03, October to December would have no rows.
    expect(() => monthlyFootprints(filled, report, { period: { start: '2024-10-01', end: '2025-03-31' } })).toThrow(
      expect.objectContaining({ code: 'period_invalid', message: expect.stringContaining('series "al" was filled for 2025-01-01..2025-03-31, not for the period 2024-10-01..2025-03-31') }),
    );
    // Commissioned in February (partial): inside the longer period, it is the plant's own start.
    const partial = fillActivity(document(), { file: 'l.csv', records: parseCsv(ledger, ',') }, mapping);
    expect(monthlyFootprints(partial.document, partial.report, { period: { start: '2024-10-01', end: '2025-03-31' } }).months).toHaveLength(6);
  });
});

describe('monthlyFootprints and fillActivity refuse the wrong arguments', () => {
  const table = { file: 'l.csv', records: parseCsv(ledger, ',') };
  const filled = fillActivity(document(), table, mapping);

  it('a report that is not an activity report (the whole fill result, {}, null) — it silently split every ledger amount by days', () => {
    for (const report of [filled, {}, null]) {
      expect(() => monthlyFootprints(filled.document, report as never)).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining('report is the activity report') }));
    }
    expect(() => monthlyFootprints(filled.document, filled as never)).toThrow(/result\.report/);
    expect(monthlyFootprints(filled.document, filled.report).months).toHaveLength(3);
  });

  it('a report with only some of its lists (review): refused before any month is made, streamed or not', () => {
    // Its warnings are read from the rejected rows and each series' gaps and targets: without
    // them the months were all computed (and, streamed, written) before a TypeError.
    const { rejected: _rejected, ...withoutRejected } = filled.report;
    const seriesWithoutGaps = { ...filled.report, series: filled.report.series.map(({ gaps: _gaps, ...rest }) => rest) };
    for (const report of [{ series: [] }, withoutRejected, seriesWithoutGaps]) {
      expect(() => monthlyFootprints(filled.document, report as never)).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining('as it returned it') }));
      const parts = monthlyFootprintsJsonParts(filled.document, report as never);
      expect(() => parts.next()).toThrow(expect.objectContaining({ code: 'invalid_option' }));
      // The report's other readers say the same, where they threw a TypeError.
      for (const read of [activityWarnings, activityPeriodsOf]) {
        expect(() => read(report as never)).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining('as it returned it') }));
      }
    }
    expect(activityWarnings(filled.report)).toEqual([]);
  });

  it('a parsed Model where the document belongs', () => {
    const model = parseModel(filled.document);
    expect(() => monthlyFootprints(model, filled.report)).toThrow(expect.objectContaining({ code: 'model_invalid', message: expect.stringContaining('not a parsed Model') }));
    expect(() => fillActivity(model, table, mapping)).toThrow(expect.objectContaining({ code: 'model_invalid', message: expect.stringContaining('not a parsed Model') }));
  });

  it('records where tables belong', () => {
    expect(() => fillActivity(document(), table.records as never, mapping)).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining('tables is an activity table') }));
  });
});
