import { FactorNotFoundError } from '../core/errors.js';
import { checkPeriod, formatInterval, nextDay, previousDay, validOver, type DateInterval } from './interval.js';
import type { FactorRegistry } from './registry.js';
import { applicableToRegion, describeFamilyTimes, mostSpecific, requestOf, resolveFactor } from './resolveFactor.js';
import type { FactorQuery, ResolvedFactor } from './types.js';

/** A resolved factor and the inclusive sub-period it applies to. */
export interface FactorSegment extends ResolvedFactor {
  readonly from: string;
  readonly to: string;
}

/**
 * The factors of a family over a period that spans several validity intervals (a 2022–2023 model
 * with yearly grid factors): consecutive segments, in date order, that cover the period exactly.
 * Each day uses the most specific member valid on it. Any day no member covers is a
 * FactorNotFoundError naming every gap. An exact id, or a query with a `vintage`, gives a single
 * segment over the whole period, resolved as `resolveFactor` does.
 *
 * @example
 * resolveFactorsOverPeriod(registry, { id: 'cn-mee/grid/national', region: 'CN',
 *   period: { start: '2022-01-01', end: '2023-12-31' } }).map((s) => [s.record.id, s.from, s.to])
 * // [['cn-mee/grid/national/2022', '2022-01-01', '2022-12-31'], ['cn-mee/grid/national/2023', '2023-01-01', '2023-12-31']]
 */
export function resolveFactorsOverPeriod(
  registry: FactorRegistry,
  query: FactorQuery & { readonly period: DateInterval },
): readonly FactorSegment[] {
  const period = checkPeriod(query.period, query.id);
  if (registry.get(query.id) !== undefined || query.vintage !== undefined || registry.familyMembers(query.id).length === 0) {
    const single = resolveFactor(registry, query);
    return Object.freeze([Object.freeze({ ...single, from: period.start, to: period.end })]);
  }

  const applicable = applicableToRegion(registry.familyMembers(query.id), query);
  // Days on which the set of valid members can change: the period start, every validity start
  // inside the period, and the day after every validity end inside it.
  const boundaries = new Set<string>([period.start]);
  for (const { record } of applicable) {
    if (record.valid === undefined) continue;
    if (record.valid.from > period.start && record.valid.from <= period.end) boundaries.add(record.valid.from);
    if (record.valid.to >= period.start && record.valid.to < period.end) boundaries.add(nextDay(record.valid.to));
  }
  const starts = [...boundaries].sort();
  const segments: FactorSegment[] = [];
  const gaps: DateInterval[] = [];
  starts.forEach((start, index) => {
    const following = starts[index + 1];
    const piece: DateInterval = { start, end: following === undefined ? period.end : previousDay(following) };
    const candidates = applicable.filter((entry) => validOver(entry.record, piece));
    if (candidates.length === 0) {
      const last = gaps[gaps.length - 1];
      if (last !== undefined && nextDay(last.end) === piece.start) gaps[gaps.length - 1] = { start: last.start, end: piece.end };
      else gaps.push(piece);
      return;
    }
    const chosen = mostSpecific(candidates, query, piece);
    const previous = segments[segments.length - 1];
    if (previous !== undefined && previous.record.id === chosen.record.id && nextDay(previous.to) === piece.start) {
      segments[segments.length - 1] = { ...previous, to: piece.end };
    } else {
      segments.push({ record: chosen.record, selection: '', from: piece.start, to: piece.end });
    }
  });
  if (gaps.length > 0) {
    throw new FactorNotFoundError(
      requestOf(query),
      `${query.id} has ${describeFamilyTimes(applicable)}${query.region === undefined ? '' : ` for region ${query.region}`}; ` +
        `none covers ${gaps.map(formatInterval).join(', ')} of the period ${formatInterval(period)}`,
    );
  }
  return Object.freeze(
    segments.map((segment) =>
      Object.freeze({
        ...segment,
        selection:
          `family ${query.id}, ${formatInterval({ start: segment.from, end: segment.to })} of the period ${formatInterval(period)}, ` +
          `region ${query.region ?? '(none)'}: ${segment.record.id}`,
      }),
    ),
  );
}
