import { InvalidOptionError } from '../core/errors.js';
import type { ActivityPeriods } from '../compute/timeVaryingInputs.js';
import { formatPath } from '../core/issues.js';
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
  if (typeof report !== 'object' || report === null || !Array.isArray((report as { series?: unknown }).series)) {
    const hint = typeof report === 'object' && report !== null && 'report' in report ? ' (pass the report of fillActivity\'s result, result.report)' : '';
    throw new InvalidOptionError(`activityPeriodsOf takes the activity report of fillActivity${hint}`);
  }
  const periods = new Map<string, ActivityReport['series'][number]['periods']>();
  for (const series of report.series) for (const target of series.byTarget) periods.set(formatPath(target.path), target.periods);
  return periods;
}
