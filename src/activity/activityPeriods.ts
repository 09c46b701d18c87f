import { InvalidOptionError } from '../core/errors.js';
import type { ActivityPeriods } from '../compute/timeVaryingInputs.js';
import { formatPath, makeIssue, type Issue } from '../core/issues.js';
import type { ActivityReport } from './types.js';

/**
 * The sub-period amounts of the inputs a report filled, for time-varying factors: give them to
 * computeFootprints (and pactFromModel, cbamEmbeddedEmissions) with the filled document, so a
 * factor family with several members over the period (yearly grid factors of a 2022–2023 model)
 * splits each input by its ledger rows, as the CLI does, rather than by days.
 *
 * @example
 * const { document: filled, report } = fillActivity(document, ledger, mapping);
 * computeFootprints(filled, { activityPeriods: activityPeriodsOf(report) })
 */
export function activityPeriodsOf(report: ActivityReport): ActivityPeriods {
  requireReport(report, 'activityPeriodsOf');
  const periods = new Map<string, ActivityReport['series'][number]['periods']>();
  for (const series of report.series) for (const target of series.byTarget) periods.set(formatPath(target.path), target.periods);
  return periods;
}

/**
 * What a result computed from filled amounts should carry about the ledgers: gaps the mapping
 * allowed (an amount that covers only the rows given — a month without production rows makes the
 * others' footprint larger) and rows rejected under `--allow-rejects` (left out of the amounts).
 * Warnings at the filled amounts' paths, for `withWarnings(result, activityWarnings(report))`.
 *
 * @example
 * activityWarnings(report).map((w) => w.code) // ['activity_gap']
 */
export function activityWarnings(report: ActivityReport): Issue[] {
  requireReport(report, 'activityWarnings');
  const warnings: Issue[] = [];
  for (const series of report.series) {
    if (series.gaps.length === 0) continue;
    const days = series.gaps.map((gap) => `${gap.start}..${gap.end}`).join(', ');
    for (const target of series.targets) {
      warnings.push(makeIssue('activity_gap', target, `series "${series.id}" has no rows for ${days} (gaps allowed by the mapping): this amount holds only the rows given`, 'warning'));
    }
  }
  if (report.rejected.length > 0) {
    const shown = report.rejected.slice(0, 5).map((row) => `${row.file}:${row.row}`).join(', ');
    const more = report.rejected.length > 5 ? ` and ${report.rejected.length - 5} more` : '';
    warnings.push(makeIssue('activity_rows_rejected', [], `${report.rejected.length} ledger row${report.rejected.length === 1 ? ' was' : 's were'} rejected and left out of the amounts: ${shown}${more}`, 'warning'));
  }
  return warnings;
}

function requireReport(report: unknown, what: string): void {
  if (typeof report === 'object' && report !== null && Array.isArray((report as { series?: unknown }).series)) {
    requireReportLists(report, what);
    return;
  }
  const hint = typeof report === 'object' && report !== null && 'report' in report ? " (pass the report of fillActivity's result, result.report)" : '';
  throw new InvalidOptionError(`${what} takes the activity report of fillActivity${hint}`);
}

/**
 * Refuses an object with a list of series that lacks the lists the report's readers go through
 * (its rejected rows; each series' targets, rows by target and gaps): a part of a report made by
 * hand would otherwise fail with a TypeError half-way.
 */
export function requireReportLists(report: object, what: string): void {
  const lists = (value: unknown, keys: readonly string[]) => typeof value === 'object' && value !== null && keys.every((key) => Array.isArray((value as Record<string, unknown>)[key]));
  const series = (report as { series?: unknown }).series;
  if (lists(report, ['rejected']) && Array.isArray(series) && series.every((entry) => lists(entry, ['byTarget', 'gaps', 'targets']))) return;
  throw new InvalidOptionError(`${what} takes the activity report of fillActivity as it returned it: its rejected rows and each series' targets, rows and gaps are lists`);
}
