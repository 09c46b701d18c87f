import { markedLike } from '../core/readAsData.js';
import { addMonths } from 'date-fns/addMonths';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { endOfMonth } from 'date-fns/endOfMonth';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { startOfMonth } from 'date-fns/startOfMonth';
import { InvalidOptionError, ModelValidationError, PeriodError, SmeltprintError } from '../core/errors.js';
import { groupBy } from '../core/lists.js';
import { formatPath, makeIssue, type DocumentPath, type Issue } from '../core/issues.js';
import { Decimal, sum, toDecimal } from '../decimal/decimal.js';
import { toFixedString, type Rounding } from '../decimal/rounding.js';
import { computeFootprints, defaultComputeContext, type ComputeOptions } from '../compute/computeFootprints.js';
import type { FootprintResult } from '../graph/results.js';
import { isPlainRecord } from '../model/fields.js';
import { isParsedModel } from '../model/toModel.js';
import { optionsObject } from '../core/options.js';
import { parseModel } from '../model/parse.js';
import { processesById } from '../model/processesById.js';
import { amountIn, formatQuantity, parseQuantity } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import type { ParameterSpec } from '../methods/types.js';
import type { Unit } from '../units/types.js';
import { canonicalJson } from '../report/canonical.js';
import { footprintJsonParts, footprintToJson, indentedParts, issueToJson, type FootprintJson, type IssueJson } from '../report/json.js';
import { activityWarnings, requireReportLists } from './activityPeriods.js';
import { isActivityReference } from './fillActivity.js';
import type { DayInterval } from './parseRowPeriod.js';
import type { ActivityReport } from './types.js';

/** A product's production and absolute emissions over one month or the whole period. */
export interface ProductEmissions {
  readonly flow: string;
  /** Production in declared units (e.g. 8450 for 8450 t when the declared unit is 1 t). */
  readonly production: Decimal;
  /** Absolute emissions attributed to the production, t CO2e: per-unit footprint × production. */
  readonly emissions: Decimal;
  /**
   * t CO2e per declared unit. For the period total, emissions ÷ production: the production-weighted
   * mean of the months. Absent for a month without production (and a total without any).
   */
  readonly perUnit?: Decimal;
  /**
   * Months only: `not-operating` when the product was not made that month (a plant commissioned
   * mid-period); its `emissions` are then the month's burdens without production — `zero` when
   * there are none, `fixed-burdens` otherwise — and still add up into the total.
   */
  readonly status?: 'operating' | 'not-operating';
  readonly idleEmissions?: 'zero' | 'fixed-burdens';
}

/** One result per month and the period total whose absolute emissions are the months' sum. */
export interface MonthlyFootprints {
  readonly period: DayInterval;
  readonly months: readonly { readonly period: DayInterval; readonly result: FootprintResult; readonly products: readonly ProductEmissions[] }[];
  readonly total: { readonly period: DayInterval; readonly products: readonly ProductEmissions[] };
  /** How each amount of the document was divided among the months. */
  readonly split: { readonly byActivityRows: readonly string[]; readonly proRataByDays: readonly string[] };
  /**
   * What the activity data lack, for the whole period: gaps the mapping allowed and rejected rows
   * (`activityWarnings(report)`; none without a report). Each month's result has its own warnings.
   */
  readonly warnings: readonly Issue[];
}

const AMOUNT_LISTS = ['inputs', 'outputs', 'emissions'] as const;

/**
 * Footprints month by month and for the whole period. Amounts filled from activity data take
 * each month's rows; every other amount (and every amount when there is no activity report) is
 * divided pro rata by days, the last month taking the remainder so the months add up to the
 * amount exactly. Each month is computed as a model of its own. The period total's absolute
 * emissions per product are the exact sum of the months' (per-unit footprint × production), and
 * its per-unit footprint is that sum over the total production — the production-weighted mean of
 * the months, as a plant's emissions of a year are the sum of its months'. It can differ from one
 * computation over the whole period when intermediate products' footprints vary month to month.
 * Method parameters (`with`) that are amounts — a mass, energy, volume, count or time, such as a
 * fuel burnt or green anodes made — are divided pro rata by days like other amounts without rows;
 * intensities and properties (t C/t, %, AE-min/cell-day, mV) hold for every month as they are.
 * A month in which a product has no production (a plant commissioned mid-period) is reported as
 * not operating: no per-unit footprint, and emissions that are zero or the month's fixed burdens.
 *
 * @example
 * const monthly = monthlyFootprints(filled, report, { period: { start: '2025-01-01', end: '2025-12-31' } });
 * monthly.months.length // 12
 * sumDecimals(monthly.months.map((m) => m.products[0].emissions)).eq(monthly.total.products[0].emissions) // true
 */
export function monthlyFootprints(
  document: unknown,
  report: ActivityReport | undefined,
  options: { readonly period?: DayInterval; readonly compute?: ComputeOptions } = {},
): MonthlyFootprints {
  const plan = monthlyPlan(document, report, options);
  const months = plan.months.map((_, m) => computeMonth(plan, m));
  return Object.freeze({
    period: plan.period,
    months: Object.freeze(months),
    total: totalOf(plan.period, months.map((month) => month.products)),
    split: plan.split,
    warnings: plan.warnings,
  });
}

/**
 * The text `canonicalJson(monthlyFootprintsToJson(monthlyFootprints(document, report, options),
 * rounding), 2)` and a newline, in pieces, a month at a time: each month is computed when its
 * turn comes and let go once written (only its products' production and emissions are kept, for
 * the total), so a large model's months are never all held. Errors in the document or the
 * activity report are thrown before the first piece; a month that cannot be computed throws
 * when its turn comes.
 *
 * @example
 * await writeFileAtomic('monthly.json', monthlyFootprintsJsonParts(filled, report));
 */
export function* monthlyFootprintsJsonParts(
  document: unknown,
  report: ActivityReport | undefined,
  options: { readonly period?: DayInterval; readonly compute?: ComputeOptions } = {},
  rounding?: Rounding,
): Generator<string> {
  const plan = monthlyPlan(document, report, options);
  const monthProducts: (readonly ProductEmissions[])[] = [];
  // Keys in code-unit order: months, period, split, total — the months first, the total last.
  yield '{\n  "months": [';
  for (let m = 0; m < plan.months.length; m++) {
    const month = computeMonth(plan, m);
    monthProducts.push(month.products);
    const outline = canonicalJson({ period: month.period, products: month.products.map((p) => productEmissionsJson(p, rounding)), result: null }, 2);
    const marker = ',\n  "result": null\n}';
    const head = outline.slice(0, outline.length - marker.length);
    yield `${m === 0 ? '' : ','}\n    ${head.replaceAll('\n', '\n    ')},\n      "result": `;
    yield* indentedParts(footprintJsonParts(month.result, rounding), 6);
    yield '\n    }';
  }
  yield plan.months.length === 0 ? ']' : '\n  ]';
  const rest = canonicalJson({ period: plan.period, split: plan.split, total: totalJson(totalOf(plan.period, monthProducts), rounding), warnings: plan.warnings.map(issueToJson) }, 2);
  yield `,${rest.slice(1)}\n`;
}

/** The activity data's warnings for the whole period, frozen (none without a report). */
function ledgerWarnings(report: ActivityReport | undefined): readonly Issue[] {
  return Object.freeze(report === undefined ? [] : activityWarnings(report));
}

/** An amount of the document and its part in each month (a method parameter keeps its unit). */
interface MonthlyAmount {
  readonly path: DocumentPath;
  readonly amounts: readonly Decimal[];
  readonly unit?: Unit;
}

/** What every month needs: the period, its months, each amount's part in each month. */
interface MonthlyPlan {
  readonly document: Record<string, unknown>;
  readonly period: DayInterval;
  readonly months: readonly DayInterval[];
  /** Per amount path: its amount in each month. */
  readonly monthly: ReadonlyMap<string, MonthlyAmount>;
  readonly split: MonthlyFootprints['split'];
  /** The ledger's warnings, made with the plan: before any month is computed or written. */
  readonly warnings: readonly Issue[];
  readonly context: ReturnType<typeof defaultComputeContext>;
  readonly computeOptions: ComputeOptions;
}

/**
 * Only `undefined` means "no activity report": anything else that is not one (the whole result of
 * fillActivity, `{}`, `null`) silently replaced every ledger amount by a split by days.
 */
function checkReport(report: unknown): void {
  if (report === undefined) return;
  const series = isPlainRecord(report) ? report['series'] : undefined;
  if (!Array.isArray(series)) {
    const hint = isPlainRecord(report) && isPlainRecord(report['report']) ? ' (pass the report of fillActivity\'s result, result.report)' : '';
    throw new InvalidOptionError(`report is the activity report of fillActivity, or undefined when there is none${hint}`);
  }
  // The lists read from it (the months' rows, the warnings), checked before any month is made.
  requireReportLists(report as object, 'monthlyFootprints');
}

function monthlyPlan(document: unknown, report: ActivityReport | undefined, given: { readonly period?: DayInterval; readonly compute?: ComputeOptions }): MonthlyPlan {
  const options = optionsObject(given, 'monthlyFootprints', ['period', 'compute']);
  // The code callers test for an invalid model, with its issues, as parseModel throws it.
  if (isParsedModel(document)) {
    throw new ModelValidationError([makeIssue('not_a_document', [], 'monthlyFootprints takes the model document (as fillActivity returned it), not a parsed Model: each month is a document of its own')]);
  }
  checkReport(report);
  const warnings = ledgerWarnings(report);
  if (!isPlainRecord(document)) throw new ModelValidationError([makeIssue('not_a_document', [], 'not a model document: expected a mapping of fields')]);
  if (!Array.isArray(document['processes'])) throw new ModelValidationError([makeIssue('missing_field', ['processes'], 'a model document lists its processes')]);
  const documentPeriod = document['period'];
  const period = options.period ?? (isPlainRecord(documentPeriod) ? { start: String(documentPeriod['start']), end: String(documentPeriod['end']) } : undefined);
  if (period === undefined) throw new ModelValidationError([makeIssue('missing_field', ['period'], 'the model document has no period')]);
  checkPeriod(period, options.period === undefined ? ['period'] : undefined);
  checkReportPeriod(report, period);
  const months = monthsOf(period);
  const days = dayCounts(months, period);
  const rowsByPath = new Map<string, readonly { start: string; end: string; amount: Decimal }[]>();
  for (const series of report?.series ?? []) for (const target of series.byTarget) rowsByPath.set(formatPath(target.path), target.periods);

  const context = defaultComputeContext(options.compute ?? {});
  const byActivityRows: string[] = [];
  const proRataByDays: string[] = [];
  // Per amount path: its amount in each month.
  const monthly = new Map<string, MonthlyAmount>();
  (document['processes'] as unknown[]).forEach((process, pi) => {
    if (!isPlainRecord(process)) return;
    for (const list of AMOUNT_LISTS) {
      const elements = process[list];
      if (!Array.isArray(elements)) continue;
      elements.forEach((element: unknown, index) => {
        if (!isPlainRecord(element) || !('amount' in element)) return;
        const path: DocumentPath = ['processes', pi, list, index];
        const key = formatPath(path);
        if (isActivityReference(element['amount'])) throw new SmeltprintError('activity_not_filled', `${key}.amount comes from activity series "${element['amount'].activity}"; fill it first`);
        const rows = rowsByPath.get(key);
        if (rows !== undefined) {
          byActivityRows.push(key);
          monthly.set(key, { path, amounts: months.map((month) => sumWithin(rows, month, key)) });
        } else {
          proRataByDays.push(key);
          monthly.set(key, { path, amounts: proRata(toDecimal(element['amount'], [...path, 'amount']), days) });
        }
      });
    }
    if (!Array.isArray(process['emissions'])) return;
    process['emissions'].forEach((element: unknown, index) => {
      if (!isPlainRecord(element) || typeof element['method'] !== 'string') return;
      const method = context.methods.get(element['method']);
      if (method === undefined) return;
      for (const { path, quantity } of methodAmounts(method.parameters, element['with'], ['processes', pi, 'emissions', index, 'with'])) {
        const key = formatPath(path);
        proRataByDays.push(key);
        monthly.set(key, { path, amounts: proRata(quantity.amount, days), unit: quantity.unit });
      }
    });
  });

  const computeOptions: ComputeOptions = { ...options.compute, ...context };
  return {
    document,
    period,
    months,
    monthly,
    split: Object.freeze({ byActivityRows: Object.freeze(byActivityRows), proRataByDays: Object.freeze(proRataByDays) }),
    warnings,
    context,
    computeOptions,
  };
}

/** Month `m` of the plan computed as a model of its own. */
function computeMonth(plan: MonthlyPlan, m: number): MonthlyFootprints['months'][number] {
  const { document, monthly, context, computeOptions } = plan;
  const month = plan.months[m]!;
  // An output with no production this month cannot have a footprint per unit. The month is
  // computed with one unit of it in its place, so that the burdens of the month without
  // production (zero, or fixed amounts) are still counted, and it is reported as not operating.
  const idle = new Set<string>();
  const idleProducts = new Set<string>();
  for (const [key, { path, amounts }] of monthly) {
    if (path[2] !== 'outputs' || !amounts[m]!.isZero()) continue;
    idle.add(key);
    const process = (document['processes'] as unknown[])[path[1] as number];
    const output = isPlainRecord(process) && Array.isArray(process['outputs']) ? (process['outputs'] as unknown[])[path[3] as number] : undefined;
    if (isPlainRecord(process) && isPlainRecord(output)) idleProducts.add(`${String(process['id'])}\u0000${String(output['flow'])}`);
  }
  // A co-product not made this month beside others that were takes no share of the month's
  // burdens: a placeholder unit would take one by its amount (mass, price, property). It is
  // left out of the allocation (as a waste, which carries nothing) and reported with none.
  const unallocated = idleCoProducts(document, idle);
  const sub = markedLike(document, withAmounts({ ...document, period: { start: month.start, end: month.end } }, monthly, m, idle, unallocated));
  let model;
  try {
    model = parseModel(sub, { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) });
  } catch (error) {
    throw new SmeltprintError('month_not_computable', `the month ${month.start}..${month.end} cannot be computed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const result = computeFootprints(model, computeOptions);
  const leftOut = [...unallocated.values()].map(
    (flow): ProductEmissions => Object.freeze({ flow, production: new Decimal(0), emissions: new Decimal(0), status: 'not-operating' as const, idleEmissions: 'zero' as const }),
  );
  const processes = processesById(model);
  const computed = result.products.map((product): ProductEmissions => {
    const output = processes.get(product.process)?.outputs.find((o) => o.flow === product.flow);
    if (output === undefined) throw new SmeltprintError('internal', `no output ${product.flow} of ${product.process}`);
    const production = amountIn(output.quantity, product.declaredUnit.unit).div(product.declaredUnit.amount);
    if (idleProducts.has(`${product.process}\u0000${product.flow}`)) {
      // Footprint per unit × the one placeholder unit: the month's burdens, all of them this product's.
      const emissions = product.total.times(production);
      return Object.freeze({ flow: product.flow, production: new Decimal(0), emissions, status: 'not-operating' as const, idleEmissions: emissions.isZero() ? ('zero' as const) : ('fixed-burdens' as const) });
    }
    return Object.freeze({ flow: product.flow, production, emissions: product.total.times(production), perUnit: product.total, status: 'operating' as const });
  });
  const products = [...computed, ...leftOut].sort((a, b) => (a.flow < b.flow ? -1 : a.flow > b.flow ? 1 : 0));
  return Object.freeze({ period: month, result, products: Object.freeze(products) });
}

/** Per product, the exact sums of the months' production and emissions. */
function totalOf(period: DayInterval, months: readonly (readonly ProductEmissions[])[]): MonthlyFootprints['total'] {
  const entriesOf = groupBy(months.flat(), (p) => p.flow);
  const flows = [...entriesOf.keys()].sort();
  const totals = flows.map((flow): ProductEmissions => {
    const entries = entriesOf.get(flow)!;
    const production = sum(entries.map((p) => p.production));
    const emissions = sum(entries.map((p) => p.emissions));
    return Object.freeze({ flow, production, emissions, ...(production.isZero() ? {} : { perUnit: emissions.div(production) }) });
  });
  return Object.freeze({ period, products: Object.freeze(totals) });
}

/** JSON data of monthly footprints: decimals as fixed-point strings. */
export interface MonthlyFootprintsJson {
  readonly period: DayInterval;
  readonly months: readonly { readonly period: DayInterval; readonly products: readonly ProductEmissionsJson[]; readonly result: FootprintJson }[];
  readonly total: { readonly period: DayInterval; readonly products: readonly ProductEmissionsJson[]; readonly method: string };
  readonly split: MonthlyFootprints['split'];
  readonly warnings: readonly IssueJson[];
}

interface ProductEmissionsJson {
  readonly flow: string;
  readonly production: string;
  readonly emissions: string;
  readonly emissionsUnit: 't CO2e';
  readonly perUnit?: string;
  readonly status?: 'operating' | 'not-operating';
  readonly note?: string;
}

/**
 * Plain JSON of `monthlyFootprints`: for every month its products' production, absolute
 * emissions and per-unit footprint plus the month's full result, then the period total.
 *
 * @example
 * canonicalJson(monthlyFootprintsToJson(monthly), 2)
 */
export function monthlyFootprintsToJson(monthly: MonthlyFootprints, rounding?: Rounding): MonthlyFootprintsJson {
  return {
    period: monthly.period,
    months: monthly.months.map((month) => ({ period: month.period, products: month.products.map((p) => productEmissionsJson(p, rounding)), result: footprintToJson(month.result, rounding) })),
    total: totalJson(monthly.total, rounding),
    split: monthly.split,
    warnings: monthly.warnings.map(issueToJson),
  };
}

function productEmissionsJson(p: ProductEmissions, rounding: Rounding | undefined): ProductEmissionsJson {
  return {
    flow: p.flow,
    production: toFixedString(p.production, rounding),
    emissions: toFixedString(p.emissions, rounding),
    emissionsUnit: 't CO2e',
    ...(p.perUnit === undefined ? {} : { perUnit: toFixedString(p.perUnit, rounding) }),
    ...(p.status === undefined ? {} : { status: p.status }),
    ...(p.idleEmissions === undefined ? {} : { note: idleNote(p.idleEmissions) }),
  };
}

function totalJson(total: MonthlyFootprints['total'], rounding: Rounding | undefined): MonthlyFootprintsJson['total'] {
  return {
    period: total.period,
    products: total.products.map((p) => productEmissionsJson(p, rounding)),
    method: 'emissions: sum of the months; perUnit: emissions ÷ production (production-weighted mean of the months)',
  };
}

/**
 * What the emissions of a month without production are, in words.
 *
 * @example
 * idleNote('zero') // 'not operating: no production and no emissions'
 */
export function idleNote(kind: 'zero' | 'fixed-burdens'): string {
  return kind === 'zero' ? 'not operating: no production and no emissions' : 'not operating: no production; emissions are the fixed burdens of the month';
}

function monthsOf(period: DayInterval): DayInterval[] {
  const months: DayInterval[] = [];
  let cursor = startOfMonth(parseISO(period.start));
  const last = parseISO(period.end);
  while (cursor <= last) {
    const start = format(cursor, 'yyyy-MM-dd');
    const end = format(endOfMonth(cursor), 'yyyy-MM-dd');
    months.push({ start: start < period.start ? period.start : start, end: end > period.end ? period.end : end });
    cursor = addMonths(cursor, 1);
  }
  return months;
}

function sumWithin(rows: readonly { start: string; end: string; amount: Decimal }[], month: DayInterval, key: string): Decimal {
  const inside: Decimal[] = [];
  for (const row of rows) {
    if (row.end < month.start || row.start > month.end) continue;
    if (row.start < month.start || row.end > month.end) {
      throw new SmeltprintError('activity_not_monthly', `${key}: an activity row covers ${row.start}..${row.end}, which does not fit in the month ${month.start}..${month.end}`);
    }
    inside.push(row.amount);
  }
  return sum(inside);
}

/** Days of each month and of the period, counted once: every amount without activity rows is split by them. */
interface DayCounts {
  readonly months: readonly number[];
  readonly period: number;
}

function dayCounts(months: readonly DayInterval[], period: DayInterval): DayCounts {
  const days = (interval: DayInterval) => differenceInCalendarDays(parseISO(interval.end), parseISO(interval.start)) + 1;
  return { months: months.map(days), period: days(period) };
}

function proRata(amount: Decimal, days: DayCounts): Decimal[] {
  const shares = days.months.slice(0, -1).map((monthDays) => amount.times(monthDays).div(days.period));
  return [...shares, amount.minus(sum(shares))];
}

function withAmounts(
  document: Record<string, unknown>,
  monthly: MonthlyPlan['monthly'],
  month: number,
  idle: ReadonlySet<string>,
  unallocated: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const processes = (document['processes'] as Record<string, unknown>[]).map((process) => ({ ...process }));
  for (const [key, { path, amounts, unit }] of monthly) {
    const [, pi, list, index] = path as [string, number, string, number];
    const process = processes[pi]!;
    // A method amount keeps its unit (its path runs into `with`); an element's amount is bare.
    if (unit !== undefined) process[list] = withValueAt(process[list], path.slice(3), formatQuantity({ amount: amounts[month]!, unit }));
    else process[list] = withValueAt(process[list], [index, 'amount'], idle.has(key) ? '1' : amounts[month]!.toFixed());
    if (unallocated.has(key)) process[list] = withValueAt(process[list], [index, 'waste'], true);
  }
  return { ...document, processes };
}

/**
 * Idle outputs (by amount path → flow) that share a process with outputs made this month, where
 * the allocation follows amounts (not manual shares, which do not move).
 */
function idleCoProducts(document: Record<string, unknown>, idle: ReadonlySet<string>): Map<string, string> {
  const out = new Map<string, string>();
  (document['processes'] as unknown[]).forEach((process, pi) => {
    if (!isPlainRecord(process) || !Array.isArray(process['outputs']) || isManualAllocation(process['allocation'])) return;
    const carriers = (process['outputs'] as unknown[])
      .map((output, index) => ({ output, key: formatPath(['processes', pi, 'outputs', index]) }))
      .filter(({ output }) => isPlainRecord(output) && output['waste'] !== true && output['substitutes'] === undefined);
    const made = carriers.filter(({ key }) => !idle.has(key));
    if (made.length === 0) return;
    for (const { output, key } of carriers) if (idle.has(key)) out.set(key, String((output as Record<string, unknown>)['flow']));
  });
  return out;
}

function isManualAllocation(allocation: unknown): boolean {
  return allocation === 'manual' || (isPlainRecord(allocation) && (allocation['method'] === 'manual' || 'manual' in allocation));
}

/** Bases of dimensions whose amounts add up over time: a month has its part of the period's. */
const EXTENSIVE_BASES = new Set(['mass', 'energy', 'volume', 'normal-volume', 'count', 'time']);

/** True for a unit of one such base to the first power (t, GJ, 10^4 Nm3, h; not t/t, %, mV). */
function isExtensive(unit: Unit): boolean {
  const key = unit.dimensionKey;
  return EXTENSIVE_BASES.has(key) || /^gas:[^*^]+$/.test(key) || /^currency:[^*^]+$/.test(key);
}

/**
 * The amounts among a method's `with` values (lists included, e.g. a carbon balance's inputs),
 * read in the parameter's unit when bare. A value that cannot be read is left for the month's
 * validation to report, as it reports it for the whole period.
 */
function methodAmounts(spec: Readonly<Record<string, ParameterSpec>>, raw: unknown, path: DocumentPath): { path: DocumentPath; quantity: Quantity }[] {
  if (!isPlainRecord(raw)) return [];
  const found: { path: DocumentPath; quantity: Quantity }[] = [];
  for (const [name, value] of Object.entries(raw)) {
    const parameter = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (parameter?.kind === 'list' && Array.isArray(value)) {
      value.forEach((item, i) => found.push(...methodAmounts(parameter.item, item, [...path, name, i])));
    } else if (parameter?.kind === 'quantity' && (typeof value === 'string' || typeof value === 'number')) {
      const quantity = readQuantityOrNothing(value, parameter.unit);
      if (quantity !== undefined && isExtensive(quantity.unit)) found.push({ path: [...path, name], quantity });
    }
  }
  return found;
}

function readQuantityOrNothing(value: string | number, unit: string): Quantity | undefined {
  try {
    return parseQuantity(value, undefined, unit);
  } catch {
    return undefined;
  }
}

/** `container` with the value at `path` (keys and indices below it) replaced, copied along the way. */
function withValueAt(container: unknown, path: DocumentPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path;
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[step as number] = withValueAt(copy[step as number], rest, value);
    return copy;
  }
  const record = container as Record<string, unknown>;
  return { ...record, [step as string]: withValueAt(record[step as string], rest, value) };
}

/**
 * Refuses a period that is not two real dates in order: monthsOf would give no month at all for
 * a reversed or unreadable one, and an empty result would read as a plant without emissions.
 */
function checkPeriod(period: DayInterval, path: DocumentPath | undefined): void {
  const where = path === undefined ? 'the period option' : 'the model period';
  for (const date of [period.start, period.end]) {
    if (!isCalendarDate(date)) throw new PeriodError(`${where}: "${String(date).slice(0, 40)}" is not a calendar date (YYYY-MM-DD)`, path === undefined ? {} : { path });
  }
  if (period.start > period.end) throw new PeriodError(`${where} ends (${period.end}) before it starts (${period.start})`, path === undefined ? {} : { path });
}

function isCalendarDate(text: unknown): boolean {
  return typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(parseISO(text)) && format(parseISO(text), 'yyyy-MM-dd') === text;
}

/**
 * An activity report made for another period would leave the months it does not cover without
 * rows (reported as not operating): a series expected over its whole period must have been
 * expected over this one, and one commissioned or shut down within it must lie inside it.
 */
function checkReportPeriod(report: ActivityReport | undefined, period: DayInterval): void {
  for (const series of report?.series ?? []) {
    const { start, end } = series.expected;
    if (series.partial ? start < period.start || end > period.end : start !== period.start || end !== period.end) {
      throw new PeriodError(
        `activity series "${series.id}" was filled for ${start}..${end}, not for the period ${period.start}..${period.end}: fill the document for this period`,
      );
    }
  }
}
