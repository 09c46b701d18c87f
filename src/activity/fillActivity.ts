import { groupBy } from '../core/lists.js';
import { memoizeText } from '../core/memo.js';
import { markedLike } from '../core/readAsData.js';
import { InvalidOptionError, ModelValidationError } from '../core/errors.js';
import { isParsedModel } from '../model/toModel.js';
import { issuesFromZod } from '../model/issuesFromZod.js';
import { makeIssue, type DocumentPath } from '../core/issues.js';
import { isWithinMagnitude, sum, type Decimal } from '../decimal/decimal.js';
import { nextDay, previousDay } from '../factors/interval.js';
import { activityReferencesOf, isActivityReference } from '../model/activityReferences.js';
import { isPlainRecord } from '../model/fields.js';
import { convertFactor, isConvertible, parseUnit } from '../units/index.js';
import type { Unit } from '../units/types.js';
import { activityMappingSchema, type ActivityMapping } from './mappingSchema.js';
import { parseActivityAmount } from './parseActivityAmount.js';
import { parseNumericCell } from './parseNumericCell.js';
import { parseFiscalPeriod, parseRowDate, type DayInterval } from './parseRowPeriod.js';
import type { CsvRecord } from '../io/csv/parseCsv.js';
import type { ActivityError, ActivityReport, ActivityTable, FilledSeries, PeriodAmount, RejectedRow, SeriesTarget } from './types.js';

/** What `fillActivity` returns: the document with amounts filled, and the account of every row. */
export interface FillActivityResult {
  readonly document: unknown;
  readonly report: ActivityReport;
}

export { isActivityReference };

interface Target {
  readonly path: DocumentPath;
  readonly series: string;
  readonly unitText: unknown;
}

interface Candidate {
  readonly file: string;
  readonly row: number;
  readonly order: number;
  readonly interval: DayInterval;
  readonly amount: Decimal;
}

/**
 * Fills the amounts of a model document that come from activity data. Amounts written
 * `{ activity: <series> }`, and those the mapping's `fill` names, become the exact sum of their
 * series' rows within the model period, converted to the unit the document states for them.
 * Every row is accounted for in the report: used, skipped on purpose (another plant, an ignored
 * series, outside the period) or rejected with file, row, column and reason — an unknown series,
 * an amount or date that does not parse, a unit that does not convert, a row that overlaps
 * another of the same series and period. Series problems (no rows, days of the period not
 * covered unless `allowGaps`) are `errors`. A plant commissioned mid-period is declared with the
 * series' `from` and reported as `partial`. Pure: the input document is not changed.
 *
 * Throws ModelValidationError when the mapping itself is invalid.
 *
 * @example
 * const { document: filled, report } = fillActivity(document, [{ file: 'ledger.csv', records }], mapping);
 * if (report.rejected.length > 0 || report.errors.length > 0) ... // list them
 * computeFootprints(filled);
 */
export function fillActivity(document: unknown, tables: ActivityTable | readonly ActivityTable[], mappingInput: ActivityMapping | unknown): FillActivityResult {
  return activityFiller(tables, mappingInput)(document);
}

/**
 * `fillActivity` for many model documents from the same ledgers: the rows are read once — split
 * into columns, counted, sorted by series text and plant — and each document then looks only at
 * the rows of the series it names (a batch of plant-months against a group's ledger of a million
 * rows reads the ledger once, not once per model). Each result is what `fillActivity` gives for
 * that document.
 *
 * Throws ModelValidationError when the mapping is invalid.
 *
 * @example
 * const fill = activityFiller([{ file: 'ledger.csv', records }], mapping);
 * const results = documents.map(fill);
 */
export function activityFiller(tables: ActivityTable | readonly ActivityTable[], mappingInput: ActivityMapping | unknown): (document: unknown) => FillActivityResult {
  const list = isTableList(tables) ? tables : [tables];
  if (!list.every(isActivityTable)) {
    throw new InvalidOptionError('tables is an activity table ({ file, records }, from readActivityTable or parseActivityBytes) or a list of them');
  }
  const ledger = readLedger(list, parseActivityMapping(mappingInput));
  return (document) => fillFromLedger(document, ledger);
}

/** A data row of a ledger that names a series, with where it came from. */
interface LedgerRow {
  readonly file: string;
  readonly record: CsvRecord;
  readonly columns: ColumnIndices;
  /** Position among the data rows of all files: ties and rejections keep the files' order. */
  readonly order: number;
}

/** What the ledgers hold whatever the model: read once by `activityFiller`. */
interface Ledger {
  readonly mapping: ActivityMapping;
  readonly read: number;
  readonly ignoredSeries: number;
  readonly otherPlant: number;
  /** Missing headers and columns, in the files' order. */
  readonly errors: readonly ActivityError[];
  /** Rows whose fields do not line up with the header. */
  readonly misaligned: readonly (readonly [order: number, row: RejectedRow])[];
  /** Rows by series text, then plant. */
  readonly groups: ReadonlyMap<string, ReadonlyMap<string, readonly LedgerRow[]>>;
  readonly definedTexts: ReadonlySet<string>;
  readonly readDate: (text: string) => ReturnType<typeof parseRowDate>;
  readonly readFiscalPeriod: (text: string) => ReturnType<typeof parseFiscalPeriod>;
}

function readLedger(tables: readonly ActivityTable[], mapping: ActivityMapping): Ledger {
  const errors: ActivityError[] = [];
  const misaligned: (readonly [number, RejectedRow])[] = [];
  const groups = new Map<string, Map<string, LedgerRow[]>>();
  const ignored = new Set(mapping.ignore ?? []);
  let read = 0;
  let ignoredSeries = 0;
  let otherPlant = 0;
  for (const table of tables) {
    const header = table.records.find((record) => record.line === mapping.headerRow);
    if (header === undefined) {
      errors.push({ code: 'missing_header', message: `${table.file}: no header at line/row ${mapping.headerRow}` });
      continue;
    }
    const columns = locateColumns(header.fields, mapping, table.file, errors);
    if (columns === undefined) {
      // A title row above the column names (a merged "2025年一季度生产台账" cell) is the usual cause.
      const row = rowWithColumnNames(table.records, mapping);
      if (row !== undefined) errors.push({ code: 'missing_column', message: `${table.file}: the column names are at line/row ${row}: set headerRow: ${row} in the mapping` });
      continue;
    }
    const headerWidth = widthOf(header.fields);
    for (const record of table.records) {
      if (record.line <= mapping.headerRow) continue;
      // A row of empty fields (`,,,`, as spreadsheets save empty rows) is a blank line.
      if (widthOf(record.fields) === 0) continue;
      read += 1;
      const order = read;
      // A record whose field count differs from the header's has shifted columns: an unquoted
      // `2,000` is two fields (RFC 4180 §2.4: each record should hold the same number of fields).
      // Trailing empty fields are ignored, as spreadsheets pad rows with delimiters; an XLSX row
      // places its cells by reference and ends at its last non-empty cell, so it may be shorter.
      const shortBy = table.format === 'xlsx' ? 0 : headerWidth - record.fields.length;
      if (widthOf(record.fields) > headerWidth || shortBy > 0) {
        const column = shortBy > 0 ? header.fields[record.fields.length] : header.fields[headerWidth - 1];
        const message = `the row has ${shortBy > 0 ? record.fields.length : widthOf(record.fields)} fields where the header has ${headerWidth}; a delimiter inside an unquoted field (such as 2,000) shifts the columns — quote the field`;
        misaligned.push([order, rejection(table.file, record.line, column?.trim(), 'field_count', message)]);
        continue;
      }
      const seriesValue = cellOf(record, columns.series);
      const plant = cellOf(record, columns.plant);
      if (ignored.has(seriesValue)) {
        ignoredSeries += 1;
        continue;
      }
      if (mapping.plant !== undefined && plant !== mapping.plant) {
        otherPlant += 1;
        continue;
      }
      let byPlant = groups.get(seriesValue);
      if (byPlant === undefined) groups.set(seriesValue, (byPlant = new Map()));
      const rows = byPlant.get(plant);
      const row: LedgerRow = { file: table.file, record, columns, order };
      if (rows === undefined) byPlant.set(plant, [row]);
      else rows.push(row);
    }
  }
  return {
    mapping,
    read,
    ignoredSeries,
    otherPlant,
    errors,
    misaligned,
    groups,
    definedTexts: new Set(Object.entries(mapping.series ?? {}).map(([id, definition]) => definition.match ?? id)),
    readDate: memoizeText(4096, (text) => parseRowDate(text, mapping.dates.formats, mapping.dates.granularity)),
    readFiscalPeriod: memoizeText(4096, (text) => parseFiscalPeriod(text, mapping.fiscalYear)),
  };
}

function fillFromLedger(document: unknown, ledger: Ledger): FillActivityResult {
  if (isParsedModel(document)) {
    // A Model has no activity references left to fill: it came back unchanged, "used: 0".
    throw new ModelValidationError([makeIssue('not_a_document', [], 'fillActivity takes the model document as read from its file, not a parsed Model')]);
  }
  const { mapping } = ledger;
  const errors: ActivityError[] = [];
  const skipped = { otherPlant: ledger.otherPlant, ignoredSeries: ledger.ignoredSeries, unusedSeries: 0, outsidePeriod: 0 };
  const period = periodOf(document);
  const targets = findTargets(document, mapping, errors);

  // The unit each series is kept in: that of its first target; every target must convert to it,
  // and each target is filled in its own unit (t for one amount, kg for another).
  const seriesUnits = new Map<string, Unit>();
  const targetUnits = new Map<Target, Unit>();
  for (const target of targets) {
    let unit: Unit;
    try {
      unit = parseUnit(String(target.unitText));
    } catch {
      errors.push({ code: 'invalid_unit', series: target.series, path: [...target.path, 'unit'], message: `the unit of this amount ("${String(target.unitText)}") does not parse` });
      continue;
    }
    const earlier = seriesUnits.get(target.series);
    if (earlier === undefined) seriesUnits.set(target.series, unit);
    else if (!isConvertible(earlier, unit)) {
      errors.push({ code: 'unit_mismatch', series: target.series, path: [...target.path, 'unit'], message: `series "${target.series}" fills amounts in ${earlier.symbol} and ${unit.symbol}, which do not convert` });
      continue;
    }
    targetUnits.set(target, unit);
  }
  errors.push(...ledger.errors);

  const candidates = new Map<string, Candidate[]>([...seriesUnits.keys()].map((id) => [id, []]));
  const seriesOfRow = seriesFinder([...seriesUnits.keys()], mapping);
  const rejections: (readonly [number, RejectedRow])[] = [...ledger.misaligned];
  for (const [seriesValue, byPlant] of ledger.groups) {
    for (const [plant, rows] of byPlant) {
      const seriesId = seriesOfRow(seriesValue, plant);
      if (seriesId === undefined) {
        if (ledger.definedTexts.has(seriesValue)) skipped.unusedSeries += rows.length;
        else for (const row of rows) rejections.push([row.order, rejection(row.file, row.record.line, mapping.columns.series, 'unknown_series', `"${seriesValue.slice(0, 60)}" is no series of the mapping or the model (add it to ignore: to skip it)`)]);
        continue;
      }
      for (const row of rows) {
        const outcome = readRow(row, seriesId, seriesUnits.get(seriesId)!, period, ledger);
        if (outcome === OUTSIDE_PERIOD) skipped.outsidePeriod += 1;
        else if ('code' in outcome) rejections.push([row.order, outcome]);
        else candidates.get(seriesId)!.push(outcome);
      }
    }
  }
  // In the files' order, as the rows were read.
  const rejected = rejections.sort((a, b) => a[0] - b[0]).map(([, row]) => row);

  const series: FilledSeries[] = [];
  let used = 0;
  const targetsOfSeries = groupBy(targets, (target) => target.series);
  for (const [id, rows] of candidates) {
    const kept = dropOverlaps(id, rows, rejected);
    used += kept.length;
    const definition = mapping.series?.[id];
    const expected: DayInterval = {
      start: definition?.from !== undefined && definition.from > period.start ? definition.from : period.start,
      end: definition?.to !== undefined && definition.to < period.end ? definition.to : period.end,
    };
    const periods: PeriodAmount[] = kept.map((row) => Object.freeze({ ...row.interval, amount: row.amount }));
    const gaps = uncovered(expected, periods);
    const seriesTargets = targetsOfSeries.get(id) ?? [];
    const seriesUnit = seriesUnits.get(id)!;
    const total = sum(periods.map((p) => p.amount));
    if (kept.length === 0) {
      errors.push({ code: 'series_without_rows', series: id, ...(seriesTargets[0] === undefined ? {} : { path: seriesTargets[0].path }), message: `series "${id}" has no usable row in ${describe(expected)}` });
    } else if (gaps.length > 0 && !mapping.allowGaps) {
      errors.push({ code: 'series_gap', series: id, message: `series "${id}" has no rows for ${gaps.map(describe).join(', ')} (${gapAdvice(periods, mapping)})` });
    }
    const byTarget = seriesTargets.flatMap((target): SeriesTarget[] => {
      const unit = targetUnits.get(target);
      if (unit === undefined) return [];
      const factor = convertFactor(seriesUnit, unit);
      const converted = periods.map((p) => Object.freeze({ start: p.start, end: p.end, amount: p.amount.times(factor) }));
      return [Object.freeze({ path: target.path, unit: unit.symbol, total: sum(converted.map((p) => p.amount)), periods: Object.freeze(converted) })];
    });
    series.push(
      Object.freeze({
        id,
        unit: seriesUnit.symbol,
        total,
        rows: kept.length,
        targets: Object.freeze(seriesTargets.map((target) => target.path)),
        byTarget: Object.freeze(byTarget),
        periods: Object.freeze(periods),
        expected: Object.freeze(expected),
        partial: expected.start !== period.start || expected.end !== period.end,
        gaps: Object.freeze(gaps),
      }),
    );
  }
  series.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  rejected.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.row - b.row));

  const filled = replaceAmounts(document, series.filter((s) => s.rows > 0).flatMap((s) => s.byTarget));
  return Object.freeze({
    document: filled,
    report: Object.freeze({ read: ledger.read, used, skipped: Object.freeze(skipped), rejected: Object.freeze(rejected), errors: Object.freeze(errors), series: Object.freeze(series) }),
  });
}

const OUTSIDE_PERIOD = Symbol('outside the period');

/**
 * A row of a series of the model read into a candidate amount in the series' unit, or why not:
 * outside the period (skipped), or a rejection naming the column at fault.
 */
function readRow(row: LedgerRow, seriesId: string, target: Unit, period: DayInterval, ledger: Ledger): Candidate | RejectedRow | typeof OUTSIDE_PERIOD {
  const { mapping } = ledger;
  const { record, columns } = row;
  const reject = (column: string | undefined, code: string, message: string): RejectedRow => rejection(row.file, record.line, column, code, message);
  const definition = mapping.series?.[seriesId];
  const dateColumn = mapping.columns.date ?? mapping.columns.period!;
  const dated = mapping.columns.date !== undefined ? ledger.readDate(cellOf(record, columns.date)) : ledger.readFiscalPeriod(cellOf(record, columns.period));
  if (!dated.ok) return reject(dateColumn, 'invalid_date', dated.message);
  const interval = dated.value;
  if (interval.end < period.start || interval.start > period.end) return OUTSIDE_PERIOD;
  if (interval.start < period.start || interval.end > period.end) {
    return reject(dateColumn, 'row_straddles_period', `the row covers ${describe(interval)}, partly outside the model period ${describe(period)}; it cannot be split exactly`);
  }
  if ((definition?.from !== undefined && interval.start < definition.from) || (definition?.to !== undefined && interval.end > definition.to)) {
    return reject(dateColumn, 'outside_operation', `the row covers ${describe(interval)}, outside the days series "${seriesId}" runs (${definition?.from ?? '…'}..${definition?.to ?? '…'})`);
  }
  // A numeric spreadsheet cell holds a plain decimal; the ledger's number style is for text.
  const amountText = cellOf(record, columns.amount);
  const amount = record.numeric?.includes(columns.amount) === true ? parseNumericCell(amountText) : parseActivityAmount(amountText, mapping.numbers);
  if (!amount.ok) return reject(mapping.columns.amount, 'invalid_amount', amount.message);
  if (amount.value.isNegative()) {
    return reject(mapping.columns.amount, 'negative_amount', `the amount ${amount.value.toFixed()} is negative; net corrections into the row of their period`);
  }
  const unitText = cellOf(record, columns.unit) || definition?.unit || '';
  if (unitText === '') return reject(mapping.columns.unit, 'missing_unit', `no unit: the row has none and series "${seriesId}" declares none`);
  let rowUnit: Unit;
  try {
    rowUnit = parseUnit(mapping.units?.[unitText] ?? unitText);
  } catch {
    return reject(mapping.columns.unit, 'invalid_unit', `"${unitText.slice(0, 40)}" is not a unit (declare an alias under units:)`);
  }
  if (!isConvertible(rowUnit, target)) {
    return reject(mapping.columns.unit, 'unit_mismatch', `${rowUnit.symbol} does not convert to ${target.symbol}, the unit of the amounts series "${seriesId}" fills`);
  }
  const converted = amount.value.times(convertFactor(rowUnit, target));
  if (!isWithinMagnitude(converted)) {
    // In range as written, out of range in the series' unit (1e23 t is 1e26 kg): still this row's fault.
    return reject(mapping.columns.amount, 'invalid_amount', `${amount.value.toFixed()} ${rowUnit.symbol} is ${converted.toExponential(3)} ${target.symbol}, outside the accepted range of amounts (1e-30 to 1e24)`);
  }
  return { file: row.file, row: record.line, order: row.order, interval, amount: converted };
}

function rejection(file: string, row: number, column: string | undefined, code: string, message: string): RejectedRow {
  return Object.freeze({ file, row, ...(column === undefined ? {} : { column }), code, message });
}

function cellOf(record: CsvRecord, index: number | undefined): string {
  return index === undefined ? '' : (record.fields[index] ?? '').trim();
}

/**
 * An activity mapping from plain data (a YAML or JSON file's content), validated; its issues as a
 * ModelValidationError of `what` ("activity mapping", or with the file name).
 *
 * @example
 * const mapping = parseActivityMapping(await readModelFile('map.yaml'), 'activity mapping map.yaml');
 */
export function parseActivityMapping(given: unknown, what = 'activity mapping'): ActivityMapping {
  // `encoding: GBK` or `UTF8`, as people write it, is the encoding the schema names.
  const encoding = isPlainRecord(given) ? given['encoding'] : undefined;
  const input = typeof encoding === 'string' ? { ...(given as Record<string, unknown>), encoding: encoding.trim().toLowerCase().replace(/^utf8$/, 'utf-8') } : given;
  const parsed = activityMappingSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  // Shape and type faults read as the model document's do (unknown keys with the key meant,
  // "expected text, got …"); the mapping's own rules (refinements) keep their messages.
  const own = parsed.error.issues.filter((issue) => issue.code === 'custom');
  const issues = [
    ...issuesFromZod(parsed.error.issues.filter((issue) => issue.code !== 'custom'), input, activityMappingSchema),
    ...own.map((issue) => makeIssue('invalid_mapping', issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)), issue.message)),
  ];
  throw new ModelValidationError(issues, what);
}

function isActivityTable(table: unknown): table is ActivityTable {
  return isPlainRecord(table) && typeof table['file'] === 'string' && Array.isArray(table['records']);
}

function isTableList(tables: ActivityTable | readonly ActivityTable[]): tables is readonly ActivityTable[] {
  return Array.isArray(tables);
}

function periodOf(document: unknown): DayInterval {
  const period = isPlainRecord(document) ? document['period'] : undefined;
  if (isPlainRecord(period) && typeof period['start'] === 'string' && typeof period['end'] === 'string') return { start: period['start'], end: period['end'] };
  throw new ModelValidationError([makeIssue('invalid_period', ['period'], 'the model document needs a period { start, end } to aggregate activity data into')]);
}

function findTargets(document: unknown, mapping: ActivityMapping, errors: ActivityError[]): Target[] {
  // By path, in order: a fill entry for an amount already targeted replaces it and moves it last
  // (a Map's delete and set), as a search and splice of the list did, without the search per entry.
  const targets = new Map<string, Target>(activityReferencesOf(document).map((target) => [target.path.join('\u0000'), target]));
  const processes = isPlainRecord(document) && Array.isArray(document['processes']) ? (document['processes'] as unknown[]) : [];
  const processIndex = new Map<unknown, number>();
  processes.forEach((process, pi) => {
    if (isPlainRecord(process) && !processIndex.has(process['id'])) processIndex.set(process['id'], pi);
  });
  (mapping.fill ?? []).forEach((entry, fi) => {
    const pi = processIndex.get(entry.process) ?? -1;
    const list = entry.input !== undefined ? 'inputs' : 'outputs';
    const flow = entry.input ?? entry.output;
    const elements = pi === -1 ? undefined : (processes[pi] as Record<string, unknown>)[list];
    const index = Array.isArray(elements) ? elements.findIndex((element: unknown) => isPlainRecord(element) && element['flow'] === flow) : -1;
    if (index === -1) {
      errors.push({ code: 'unknown_fill_target', series: entry.series, path: ['fill', fi], message: `the model has no process "${entry.process}" with ${list === 'inputs' ? 'input' : 'output'} "${flow ?? ''}"` });
      return;
    }
    const element = (elements as Record<string, unknown>[])[index]!;
    const path: DocumentPath = ['processes', pi, list, index];
    const key = path.join('\u0000');
    targets.delete(key);
    targets.set(key, { path, series: entry.series, unitText: element['unit'] });
  });
  return [...targets.values()];
}

interface ColumnIndices {
  readonly date?: number;
  readonly period?: number;
  readonly plant?: number;
  readonly series: number;
  readonly amount: number;
  readonly unit?: number;
}

/** The first line/row below the header row (up to 20 further) holding every column name the mapping reads. */
/**
 * What to do about a gap. Rows that each cover one day in different months are a monthly ledger
 * dated by a day (Excel date cells): the fix is the granularity, not accepting gaps.
 */
function gapAdvice(periods: readonly DayInterval[], mapping: ActivityMapping): string {
  const months = new Set(periods.map((p) => p.start.slice(0, 7)));
  const monthlyByDay = mapping.dates.granularity === 'day' && periods.length > 1 && periods.every((p) => p.start === p.end) && months.size === periods.length;
  if (monthlyByDay) return 'each row covers one day of a different month: for a monthly ledger dated by a day, set dates: { granularity: month } in the mapping';
  return 'set allowGaps: true to accept gaps, or from:/to: for a plant that did not run';
}

function rowWithColumnNames(records: ActivityTable['records'], mapping: ActivityMapping): number | undefined {
  const wanted = Object.values(mapping.columns).filter((name): name is string => name !== undefined);
  const found = records.find((record) => record.line > mapping.headerRow && record.line <= mapping.headerRow + 20 && wanted.every((name) => record.fields.some((field) => field.trim() === name)));
  return found?.line;
}

function locateColumns(header: readonly string[], mapping: ActivityMapping, file: string, errors: ActivityError[]): ColumnIndices | undefined {
  const names = header.map((name) => name.trim());
  const found: Record<string, number> = {};
  let missing = false;
  for (const [role, name] of Object.entries(mapping.columns)) {
    if (name === undefined) continue;
    const index = names.indexOf(name);
    const again = names.indexOf(name, index + 1);
    if (index === -1) {
      missing = true;
      errors.push({ code: 'missing_column', message: `${file}: no column "${name}" (the ${role} column) in the header ${names.map((n) => `"${n}"`).join(', ')}` });
    } else if (again !== -1) {
      // Two columns of the name the mapping reads: which one holds the figures is a guess, so
      // neither is taken. Duplicated names the mapping does not use are left alone.
      missing = true;
      errors.push({
        code: 'duplicate_column',
        message: `${file}: the header at line/row ${mapping.headerRow} has column "${name}" (the ${role} column) twice, at columns ${index + 1} and ${again + 1}; rename one`,
      });
    } else found[role] = index;
  }
  return missing ? undefined : (found as unknown as ColumnIndices);
}

/**
 * Keeps the rows of a series whose intervals do not overlap; of two overlapping rows the one
 * later in the files is rejected (a duplicate export line, or a daily row inside a monthly one).
 */
function dropOverlaps(series: string, rows: readonly Candidate[], rejected: RejectedRow[]): Candidate[] {
  const sorted = [...rows].sort((a, b) => (a.interval.start < b.interval.start ? -1 : a.interval.start > b.interval.start ? 1 : a.order - b.order));
  const kept: Candidate[] = [];
  for (const row of sorted) {
    const previous = kept[kept.length - 1];
    if (previous === undefined || previous.interval.end < row.interval.start) {
      kept.push(row);
      continue;
    }
    const [keep, drop] = previous.order < row.order ? [previous, row] : [row, previous];
    kept[kept.length - 1] = keep;
    rejected.push(
      Object.freeze({
        file: drop.file,
        row: drop.row,
        code: 'duplicate_row',
        message: `series "${series}" already has ${keep.file} row ${keep.row} for ${describe(keep.interval)}, which overlaps this row's ${describe(drop.interval)}`,
      }),
    );
  }
  return kept;
}

/**
 * The series a row belongs to from its series text and plant: the first series, in `ids` order,
 * whose match text (its id when it has none) is the row's and whose plant, if it names one, is
 * the row's.
 */
function seriesFinder(ids: readonly string[], mapping: ActivityMapping): (text: string, plant: string) => string | undefined {
  const byText = groupBy(ids, (id) => mapping.series?.[id]?.match ?? id);
  return (text, plant) =>
    byText.get(text)?.find((id) => {
      const only = mapping.series?.[id]?.plant;
      return only === undefined || only === plant;
    });
}

/** Days of `expected` no interval covers, as intervals (the intervals do not overlap). */
function uncovered(expected: DayInterval, periods: readonly DayInterval[]): DayInterval[] {
  const gaps: DayInterval[] = [];
  let next = expected.start;
  for (const interval of periods) {
    if (interval.start > next) gaps.push({ start: next, end: previousDay(interval.start) });
    if (interval.end >= next) next = nextDay(interval.end);
  }
  if (next <= expected.end) gaps.push({ start: next, end: expected.end });
  return gaps;
}

function replaceAmounts(document: unknown, filled: readonly SeriesTarget[]): unknown {
  if (filled.length === 0 || !isPlainRecord(document)) return document;
  const processes = (document['processes'] as unknown[]).map((process) => process);
  for (const target of filled) {
    const [, pi, list, index] = target.path as [string, number, string, number];
    const process = { ...(processes[pi] as Record<string, unknown>) };
    const elements = [...(process[list] as unknown[])];
    elements[index] = { ...(elements[index] as Record<string, unknown>), amount: target.total.toFixed() };
    process[list] = elements;
    processes[pi] = process;
  }
  return markedLike(document, { ...document, processes });
}

/** Number of fields up to the last non-empty one. */
function widthOf(fields: readonly string[]): number {
  let width = fields.length;
  while (width > 0 && fields[width - 1]!.trim() === '') width -= 1;
  return width;
}

function describe(interval: DayInterval): string {
  return `${interval.start}..${interval.end}`;
}
