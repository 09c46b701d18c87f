import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fillActivity } from '../../src/activity/fillActivity.js';
import { monthlyFootprints } from '../../src/activity/monthlyFootprints.js';
import { activityPeriodsOf } from '../../src/activity/activityPeriods.js';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { Decimal, sum } from '../../src/decimal/decimal.js';
import type { ExplainNode } from '../../src/graph/explain.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';

const d = (value: string | number) => new Decimal(value);
const twoYears = (electricity: unknown) => ({
  smeltprint: 1,
  id: 'two-years',
  region: 'CN',
  period: { start: '2022-01-01', end: '2023-12-31' },
  gwp: 'AR5',
  processes: [{ id: 'potline', outputs: [{ flow: 'aluminium', amount: '1000', unit: 't' }], inputs: [{ flow: 'electricity', amount: electricity, unit: 'MWh', factor: 'cn-mee/grid/national' }] }],
});
const electricityNodes = (tree: ExplainNode): ExplainNode[] => tree.children.filter((child) => child.kind === 'factor-input');
// cn-mee/grid/national: 2022 0.5366 and 2023 0.5306 t CO2/MWh (src/factors/datasets/cn-mee-grid.json).

describe('time-varying factors', () => {
  it('splits an amount without activity rows pro rata by days, and explain says so', () => {
    const result = computeFootprints(twoYears('730'));
    // 2022 and 2023 have 365 days each: 365 MWh × 0.5366 + 365 MWh × 0.5306 = 195.859 + 193.669 = 389.528 t per 1000 t.
    expect(result.products[0]?.total.toFixed()).toBe('0.389528');
    const nodes = electricityNodes(result.explain('aluminium'));
    expect(nodes.map((node) => node.detail?.factors?.[0]?.id)).toEqual(['cn-mee/grid/national/2022', 'cn-mee/grid/national/2023']);
    expect(nodes[0]?.detail?.factors?.[0]?.selection).toMatch(/2022-01-01..2022-12-31 \(365 of 730 days.*pro rata by days/);
    expect(result.warnings.map((w) => w.code)).toContain('time_varying_factor');
  });

  it("applies each year's factor to that year's rows when the amount comes from activity data", () => {
    // 2022: 12 × 100 MWh; 2023: 12 × 50 MWh.
    const rows = ['date,series,amount,unit'];
    for (const [year, amount] of [[2022, 100], [2023, 50]] as const) for (let m = 1; m <= 12; m += 1) rows.push(`${year}-${String(m).padStart(2, '0')},power,${amount},MWh`);
    const { document, report } = fillActivity(twoYears({ activity: 'power' }), { file: 'l.csv', records: parseCsv(rows.join('\n'), ',') }, {
      smeltprintMapping: 1,
      columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' },
    });
    const result = computeFootprints(document, { activityPeriods: activityPeriodsOf(report) });
    // (1200 × 0.5366 + 600 × 0.5306) / 1000 = (643.92 + 318.36) / 1000 = 0.96228; pro rata would give 900 × (0.5366 + 0.5306) / 1000 = 0.96048.
    expect(result.products[0]?.total.toFixed()).toBe('0.96228');
    expect(electricityNodes(result.explain('aluminium'))[1]?.detail?.factors?.[0]?.selection).toMatch(/600 MWh of 1800 MWh split by its 24 activity rows/);
  });

  it('leaves an exact factor id or an explicit vintage alone', () => {
    const exact = twoYears('730');
    exact.processes[0]!.inputs[0]!.factor = 'cn-mee/grid/national/2023';
    // 730 × 0.5306 / 1000 = 0.387338.
    expect(computeFootprints(exact).products[0]?.total.toFixed()).toBe('0.387338');
  });
});

describe('monthly footprints', () => {
  const example = (name: string) => fileURLToPath(new URL(`../../examples/erp/${name}`, import.meta.url));

  it('gives one result per month whose absolute emissions sum exactly to the period total', async () => {
    const { parseModelText } = await import('../../src/io/parseModelText.js');
    const { parseActivityBytes } = await import('../../src/io/readActivityTable.js');
    const document = parseModelText(await readFile(example('smelter-2022-2023.yaml'), 'utf8'), 'yaml');
    const mapping = parseModelText(await readFile(example('mapping-utf8.yaml'), 'utf8'), 'yaml');
    const table = parseActivityBytes(await readFile(example('ledger-utf8.csv')), 'ledger-utf8.csv', { delimiter: ',' });
    const { document: filled, report } = fillActivity(document, table, mapping);
    const monthly = monthlyFootprints(filled, report);
    expect(monthly.months).toHaveLength(24);
    const total = monthly.total.products[0]!;
    const months = monthly.months.map((month) => month.products[0]!);
    // Absolute t CO2e: the months add up to the total exactly; so does production.
    expect(sum(months.map((m) => m.emissions)).eq(total.emissions)).toBe(true);
    expect(sum(months.map((m) => m.production)).eq(total.production)).toBe(true);
    // Production 8300 + 10 m t for m = 1..24: 24 × 8300 + 10 × 300 = 202200 t (examples/erp ledger).
    expect(total.production.toFixed()).toBe('202200');
    // Per-unit: each month is 13.4 MWh × grid + 1.93 × 1.2 + 1.55; a 2022 month 7.19044 + 2.316 + 1.55 = 11.05644,
    // a 2023 month 7.11004 + 2.316 + 1.55 = 10.97604 t CO2e/t.
    // (Equal to 30 places: the solver divides by production at 34 significant digits.)
    expect(months[0]!.perUnit!.toDecimalPlaces(30).toFixed()).toBe('11.05644');
    expect(months[23]!.perUnit!.toDecimalPlaces(30).toFixed()).toBe('10.97604');
    // The period per-unit is the production-weighted mean: emissions ÷ production.
    expect(total.perUnit!.eq(total.emissions.div(total.production))).toBe(true);
    // Here intermediate footprints do not vary, so it equals one computation over the whole period.
    const whole = computeFootprints(filled, { activityPeriods: activityPeriodsOf(report) }).products[0]!;
    expect(whole.total.minus(total.perUnit!).abs().lt(d('1e-28'))).toBe(true);
    expect(monthly.split.byActivityRows).toHaveLength(4);
  });

  it('splits amounts without activity rows pro rata by days, the last month taking the remainder', () => {
    const document = { ...twoYears('1000'), period: { start: '2025-01-01', end: '2025-12-31' } };
    document.processes[0]!.inputs[0]!.factor = 'cn-mee/grid/national/2023';
    const monthly = monthlyFootprints(document, undefined);
    const productions = monthly.months.map((m) => m.products[0]!.production);
    // January: 1000 t × 31/365.
    expect(productions[0]!.eq(d(1000).times(31).div(365))).toBe(true);
    expect(sum(productions).toFixed()).toBe('1000');
    expect(sum(monthly.months.map((m) => m.products[0]!.emissions)).eq(monthly.total.products[0]!.emissions)).toBe(true);
    expect(monthly.split.proRataByDays).toEqual(['processes[0].inputs[0]', 'processes[0].outputs[0]']);
  });
});
