import { parseArgs } from 'node:util';
import { resolve as resolvePath } from 'node:path';
import { lastDayOfMonth } from 'date-fns/lastDayOfMonth';
import { format } from 'date-fns/format';
import { activityPeriodsOf, activityWarnings } from '../activity/activityPeriods.js';
import { parseISO } from 'date-fns/parseISO';
import { fillActivity, parseActivityMapping, type FillActivityResult } from '../activity/fillActivity.js';
import type { ActivityMapping } from '../activity/mappingSchema.js';
import { idleNote, monthlyFootprints, monthlyFootprintsJsonParts, monthlyFootprintsToJson, type MonthlyFootprints } from '../activity/monthlyFootprints.js';
import type { ActivityReport, ActivityTable } from '../activity/types.js';
import { computeFootprints, defaultComputeContext, resultForProduct, withWarnings, type ComputeOptions } from '../compute/computeFootprints.js';
import type { ActivityPeriods } from '../compute/timeVaryingInputs.js';
import { ModelValidationError, UnknownProductError } from '../core/errors.js';
import { formatPath, makeIssue } from '../core/issues.js';
import { Decimal } from '../decimal/decimal.js';
import { toFixedString } from '../decimal/rounding.js';
import type { GwpSetId } from '../gases/types.js';
import { ACTIVITY_OPTIONS, checkActivityFlags, checkCommonFlags, FOOTPRINT_OPTIONS, footprintMode, roundingOf, singleModel } from './flags.js';
import { parseActivityBytes } from '../io/parseActivityBytes.js';
import { readFileBytes } from '../io/readFileBytes.js';
import { parseDocumentBytes } from '../io/readModelFile.js';
import { readModelFile, writeFileAtomic } from '../io/index.js';
import { isIsoDate, isPlainRecord } from '../model/fields.js';
import { parseModel } from '../model/parse.js';
import { canonicalJson } from '../report/canonical.js';
import { footprintComparisonJsonParts, footprintJsonText } from '../report/json.js';
import { explainText } from '../report/explainText.js';
import { footprintTable, scope2Comparison } from '../report/table.js';
import { auditOutput, selectProduct, UsageError } from './outputs.js';
import type { CliIo } from './run.js';
import { maxOf } from '../core/lists.js';

/** Flags that route `smeltprint footprint` here. */
const ACTIVITY_FLAGS = ['--activity', '--mapping', '--allow-rejects', '--period', '--by'];

/**
 * True when `smeltprint footprint` was given an activity or reporting-period flag.
 *
 * @example
 * usesActivityFlags(['plant.yaml', '--activity', 'ledger.csv']) // true
 */
export function usesActivityFlags(args: readonly string[]): boolean {
  return args.some((arg) => ACTIVITY_FLAGS.some((flag) => arg === flag || arg.startsWith(`${flag}=`)));
}

/** The mapping used when none is given: columns named date, series, amount and unit. */
const DEFAULT_MAPPING = { smeltprintMapping: 1, columns: { date: 'date', series: 'series', amount: 'amount', unit: 'unit' } };

/**
 * `smeltprint footprint MODEL [--activity FILE]... [--mapping MAP] [--allow-rejects]
 * [--period 2025-01..2025-12] [--by month] [--format table|json]`: fills the model's activity
 * amounts from ERP exports, then computes the period (or each month and the total). The account of
 * rows read, used, skipped and rejected goes to stderr; any rejected row fails the run (exit 1,
 * with the list) unless `--allow-rejects`, and series errors (gaps, no rows) always do.
 *
 * @example
 * await footprintWithActivity(['plant.yaml', '--activity', 'ledger.csv', '--mapping', 'map.yaml'], io)
 */
export async function footprintWithActivity(args: readonly string[], io: CliIo): Promise<number> {
  // The same flags as footprint without activity data: one a format does not take is refused by
  // name (footprintMode), not reported as an unknown option.
  const { values, positionals } = parseArgs({ args: [...args], options: FOOTPRINT_OPTIONS, allowPositionals: true, strict: true });
  // Checked before the model is read: a bad flag is a usage error (exit 2) whatever the file holds.
  const file = singleModel(positionals, true);
  const formatName = values.format ?? 'table';
  if (formatName !== 'table' && formatName !== 'json' && formatName !== 'audit') throw new UsageError(`with activity data, --format is table, json, audit, report, html, pact or cbam (with --by month: table or json), got "${formatName}"`);
  if (values.by !== undefined && values.by !== 'month') throw new UsageError(`--by takes month, got "${values.by}"`);
  checkCommonFlags(values);
  checkActivityFlags(values);
  footprintMode(values);
  if (values.by !== undefined && values.scope2 === 'both') throw new UsageError('--scope2 both compares one computation of the period: leave out --by month, or choose market or location');
  const scope2 = (values.scope2 ?? 'market') as 'market' | 'location' | 'both';
  const rounding = roundingOf(values.places);
  const loaded = await loadWithActivity(file, values, io);
  if (loaded === undefined) return 1;
  let { document } = loaded;
  const { report } = loaded;

  const gwp = values.gwp as GwpSetId | undefined;
  const computeOptions = { ...(gwp === undefined ? {} : { gwp }), ...(values.per === undefined ? {} : { per: values.per }), ...(scope2 === 'location' ? { scope2 } : {}) };
  let text: string;
  if (values.by === 'month' && values.product !== undefined) {
    // One product's months: computed whole, then cut to that product (the streamed document
    // below is for all products of a large model; one product's is small).
    const monthly = productMonths(monthlyFootprints(document, report, { compute: computeOptions }), values.product);
    text = formatName === 'json' ? `${canonicalJson(monthlyFootprintsToJson(monthly, rounding), 2)}\n` : monthlyTable(monthly, rounding);
  } else if (values.by === 'month' && formatName === 'json') {
    // A month at a time, each let go once written; to stdout only once all are computed, so a
    // month that cannot be computed leaves no partial document there (a file is written whole or not at all).
    const parts = monthlyFootprintsJsonParts(document, report, { compute: computeOptions }, rounding);
    if (values.output !== undefined) {
      await writeFileAtomic(resolvePath(io.cwd, values.output), parts);
      return 0;
    }
    text = [...parts].join('');
  } else if (values.by === 'month') {
    text = monthlyTable(monthlyFootprints(document, report, { compute: computeOptions }), rounding);
  } else {
    const context = defaultComputeContext();
    const model = parseModel(document, { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) });
    const periods = report === undefined ? {} : { activityPeriods: activityPeriodsOf(report) };
    // Gaps the mapping allowed and rows rejected go into the result's warnings, not only to stderr.
    const ledgerWarnings = report === undefined ? [] : activityWarnings(report);
    const computed = (options: ComputeOptions) => withWarnings(computeFootprints(model, { ...computeOptions, ...periods, ...options }), ledgerWarnings);
    const run = (method: 'market' | 'location') => selectProduct(computed({ scope2: method }), values.product);
    if (formatName === 'audit') {
      const result = computed({});
      if (values.product !== undefined) result.explain(values.product); // UnknownProductError naming the products
      text = auditOutput(document, result, values.product, loaded.files);
    } else if (scope2 === 'both') {
      // Both computed before a byte goes out (as footprint does without activity data).
      const location = run('location');
      const market = run('market');
      text = formatName === 'json' ? [...footprintComparisonJsonParts(() => location, () => market, rounding)].join('') : `${scope2Comparison(location, market, rounding)}\n${footprintTable(market, rounding)}`;
    } else {
      const result = run(scope2);
      text = formatName === 'json' ? footprintJsonText(result, rounding) : footprintTable(result, rounding);
    }
  }
  if (values.output === undefined) io.stdout(text);
  else await writeFileAtomic(resolvePath(io.cwd, values.output), text);
  return 0;
}

/**
 * Reads activity files (CSV or XLSX, paths relative to `cwd`) with a mapping file (or the default
 * mapping: columns date, series, amount, unit) and fills the document's activity amounts. Shared
 * by `footprint`, `explain` and `batch`, so all read a ledger by the same rules.
 *
 * Throws ModelValidationError when the mapping is invalid.
 *
 * @example
 * const { document: filled, report } = await fillFromActivityFiles(document, ['ledger.csv'], 'map.yaml', io.cwd);
 */
export async function fillFromActivityFiles(
  document: unknown,
  files: readonly string[],
  mappingFile: string | undefined,
  cwd: string,
): Promise<FillActivityResult & { readonly files: ActivitySources['files'] }> {
  const sources = await readActivitySources(files, mappingFile, cwd);
  return { ...fillActivity(document, sources.tables, sources.mapping), files: sources.files };
}

/** The ledgers and the mapping of `--activity`/`--mapping`, read once (batch fills every model from them). */
export interface ActivitySources {
  readonly tables: readonly ActivityTable[];
  readonly mapping: ActivityMapping;
  /** The files as read (ledgers, then the mapping file when given), for the audit trail's digests. */
  readonly files: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

/**
 * Reads the mapping (the default one without `--mapping`) and every ledger file.
 *
 * @example
 * const sources = await readActivitySources(['ledger.csv'], 'map.yaml', process.cwd());
 */
export async function readActivitySources(files: readonly string[], mappingFile: string | undefined, cwd: string): Promise<ActivitySources> {
  const mappingPath = mappingFile === undefined ? undefined : resolvePath(cwd, mappingFile);
  const mappingBytes = mappingPath === undefined ? undefined : await readFileBytes(mappingPath);
  const mappingInput = mappingPath === undefined || mappingBytes === undefined ? DEFAULT_MAPPING : parseDocumentBytes(mappingBytes, mappingPath);
  const mapping = parseActivityMapping(mappingInput, mappingFile === undefined ? 'activity mapping' : `activity mapping ${mappingFile}`);
  const fileOptions = {
    ...(mapping.format === undefined ? {} : { format: mapping.format }),
    encoding: mapping.encoding,
    ...(mapping.delimiter === undefined ? {} : { delimiter: mapping.delimiter }),
    ...(mapping.sheet === undefined ? {} : { sheet: mapping.sheet }),
  };
  // Bytes read once: parsed here and digested by the audit trail, so both are of the same bytes.
  const ledgers = await Promise.all(files.map(async (file) => ({ name: file, bytes: await readFileBytes(resolvePath(cwd, file), file) })));
  const tables = ledgers.map((ledger) => parseActivityBytes(ledger.bytes, ledger.name, fileOptions));
  return { tables, mapping, files: [...ledgers, ...(mappingFile === undefined || mappingBytes === undefined ? [] : [{ name: mappingFile, bytes: mappingBytes }])] };
}

/**
 * Whether an activity run must stop: series errors (gaps, no rows) always, rejected rows unless
 * they are allowed (`--allow-rejects`).
 *
 * @example
 * if (activityFailed(report, values['allow-rejects'] === true)) return 1;
 */
export function activityFailed(report: ActivityReport, allowRejects: boolean): boolean {
  return report.errors.length > 0 || (report.rejected.length > 0 && !allowRejects);
}

/**
 * Reads a model, applies `--period`, and fills its activity amounts from the ledgers (the account
 * of rows goes to stderr). Undefined when rows were rejected (without --allow-rejects) or a
 * series failed: the command then exits 1.
 */
export async function loadWithActivity(
  file: string,
  values: { activity?: string[] | undefined; mapping?: string | undefined; 'allow-rejects'?: boolean | undefined; period?: string | undefined },
  io: CliIo,
): Promise<{ document: unknown; report: ActivityReport | undefined; files: ActivitySources['files'] } | undefined> {
  const periodFlag = values.period === undefined ? undefined : parsePeriodFlag(values.period);
  let document = await readModelFile(resolvePath(io.cwd, file));
  if (periodFlag !== undefined) {
    if (!isPlainRecord(document)) throw new ModelValidationError([makeIssue('invalid_type', [], 'the model document is not a mapping')]);
    document = { ...document, period: periodFlag };
  }
  if (values.activity === undefined) return { document, report: undefined, files: [] };
  const filled = await fillFromActivityFiles(document, values.activity, values.mapping, io.cwd);
  io.stderr(activitySummary(filled.report));
  if (activityFailed(filled.report, values['allow-rejects'] === true)) return undefined;
  return { document: filled.document, report: filled.report, files: filled.files };
}

/**
 * `smeltprint explain MODEL --product FLOW --activity FILE... [--mapping MAP] [--allow-rejects]
 * [--period 2025-01..2025-12] [--format text|json]`: the explanation tree of a model whose
 * amounts come from ERP exports, computed as `footprint --activity` does — so an input priced by
 * a factor family shows its split by the activity rows of each factor's validity.
 *
 * @example
 * await explainWithActivity(['plant.yaml', '--product', 'aluminium', '--activity', 'ledger.csv'], io)
 */
export async function explainWithActivity(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      ...ACTIVITY_OPTIONS,
      product: { type: 'string' },
      format: { type: 'string' },
      gwp: { type: 'string' },
      per: { type: 'string' },
      output: { type: 'string', short: 'o' },
    },
    allowPositionals: true,
    strict: true,
  });
  const file = singleModel(positionals, true);
  if (values.product === undefined) throw new UsageError('explain needs --product FLOW');
  const formatName = values.format ?? 'text';
  if (formatName !== 'text' && formatName !== 'json') throw new UsageError(`unknown format "${formatName}" (text, json)`);
  checkCommonFlags(values);
  checkActivityFlags(values);
  const loaded = await loadWithActivity(file, values, io);
  if (loaded === undefined) return 1;
  let { document } = loaded;
  const { report } = loaded;
  const context = defaultComputeContext();
  const model = parseModel(document, { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) });
  const result = computeFootprints(model, {
    ...(values.gwp === undefined ? {} : { gwp: values.gwp as GwpSetId }),
    ...(values.per === undefined ? {} : { per: values.per }),
    ...(report === undefined ? {} : { activityPeriods: activityPeriodsOf(report) }),
  });
  const tree = result.explain(values.product);
  const text = formatName === 'text' ? explainText(tree) : `${canonicalJson(plainDecimals(tree), 2)}\n`;
  if (values.output === undefined) io.stdout(text);
  else await writeFileAtomic(resolvePath(io.cwd, values.output), text);
  return 0;
}

/**
 * The account of an activity run, one line per rejected row and per error.
 *
 * @example
 * activitySummary(report) // 'activity: 24 rows read, 24 used, 0 skipped, 0 rejected\n'
 */
export function activitySummary(report: ActivityReport): string {
  const skipped = report.skipped.otherPlant + report.skipped.ignoredSeries + report.skipped.unusedSeries + report.skipped.outsidePeriod;
  const lines = [`activity: ${report.read} rows read, ${report.used} used, ${skipped} skipped, ${report.rejected.length} rejected`];
  if (skipped > 0) {
    const { otherPlant, ignoredSeries, unusedSeries, outsidePeriod } = report.skipped;
    lines.push(`  skipped: ${otherPlant} of other plants, ${ignoredSeries} ignored series, ${unusedSeries} unused series, ${outsidePeriod} outside the period`);
  }
  for (const series of report.series) {
    if (series.partial) lines.push(`  series ${series.id}: partial period ${series.expected.start}..${series.expected.end}`);
    if (series.gaps.length > 0) lines.push(`  series ${series.id}: no rows for ${series.gaps.map((g) => `${g.start}..${g.end}`).join(', ')}`);
  }
  for (const row of report.rejected) lines.push(`rejected ${row.file}:${row.row}${row.column === undefined ? '' : ` [${row.column}]`}: ${row.message} [${row.code}]`);
  for (const error of report.errors) lines.push(`error ${error.path === undefined ? '' : `${formatPath(error.path)}: `}${error.message} [${error.code}]`);
  return `${lines.join('\n')}\n`;
}

/**
 * The monthly footprints of one product only: its rows of every month and of the total, and each
 * month's result cut to it. A flow that is no product of the model is an UnknownProductError
 * naming the products, as `--product` is elsewhere.
 */
function productMonths(monthly: MonthlyFootprints, flow: string): MonthlyFootprints {
  if (!monthly.total.products.some((p) => p.flow === flow)) {
    throw new UnknownProductError(`"${flow}" is not a product of the model (products: ${monthly.total.products.map((p) => p.flow).join(', ')})`);
  }
  return {
    ...monthly,
    months: monthly.months.map((month) => ({ ...month, result: resultForProduct(month.result, flow), products: month.products.filter((p) => p.flow === flow) })),
    total: { ...monthly.total, products: monthly.total.products.filter((p) => p.flow === flow) },
  };
}

/** The value with every Decimal written as its exact fixed-point text (JSON has no decimal type). */
function plainDecimals(value: unknown): unknown {
  if (value instanceof Decimal) return toFixedString(value);
  if (Array.isArray(value)) return value.map(plainDecimals);
  if (isPlainRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, plainDecimals(entry)]));
  return value;
}

/** `2025-01..2025-12` (months) or `2025-01-01..2025-06-30` (days) → inclusive ISO dates. */
function parsePeriodFlag(text: string): { start: string; end: string } {
  const match = /^(\d{4}-\d{2}(?:-\d{2})?)\.\.(\d{4}-\d{2}(?:-\d{2})?)$/.exec(text);
  const start = match?.[1]?.length === 7 ? `${match[1]}-01` : match?.[1];
  const endText = match?.[2];
  const end = endText?.length === 7 && isIsoDate(`${endText}-01`) ? format(lastDayOfMonth(parseISO(`${endText}-01`)), 'yyyy-MM-dd') : endText;
  if (start === undefined || end === undefined || !isIsoDate(start) || !isIsoDate(end) || start > end) {
    throw new UsageError(`--period takes START..END as months (2025-01..2025-12) or days (2025-01-01..2025-06-30), got "${text}"`);
  }
  return { start, end };
}

function monthlyTable(monthly: MonthlyFootprints, rounding: { places: number; mode: 'HALF_EVEN' } | undefined): string {
  const shown = rounding ?? { places: 4, mode: 'HALF_EVEN' as const };
  const rows = [['period', 'product', 'production', 't CO2e', 't CO2e per unit', '']];
  const perUnit = (p: { readonly perUnit?: Decimal }): string => (p.perUnit === undefined ? '-' : toFixedString(p.perUnit, shown));
  for (const month of monthly.months) {
    for (const p of month.products) {
      rows.push([`${month.period.start}..${month.period.end}`, p.flow, toFixedString(p.production, shown), toFixedString(p.emissions, shown), perUnit(p), p.idleEmissions === undefined ? '' : idleNote(p.idleEmissions)]);
    }
  }
  for (const p of monthly.total.products) rows.push(['total', p.flow, toFixedString(p.production, shown), toFixedString(p.emissions, shown), perUnit(p), '']);
  const widths = rows[0]!.map((_, k) => maxOf(rows.map((row) => row[k]!.length)));
  const lines = rows.map((row) => row.map((cell, k) => (k >= 2 && k <= 4 ? cell.padStart(widths[k]!) : cell.padEnd(widths[k]!))).join('  ').trimEnd());
  const notes = monthly.warnings.map((w) => `  ${w.severity}: ${w.message}`);
  return `${lines.join('\n')}\n(total t CO2e: exact sum of the months; per unit: t CO2e ÷ production; shown to ${shown.places} places)\n${notes.length === 0 ? '' : `\nnotes:\n${notes.join('\n')}\n`}`;
}
