import { DatasetError, FactorNotFoundError } from '../core/errors.js';
import { checkPeriod, describeValidity, formatInterval, parseVintage, validOver, type DateInterval } from './interval.js';
import { describeRegion, regionSpecificity } from './regionSpecificity.js';
import { compareText, type FactorRegistry } from './registry.js';
import type { FactorQuery, FactorRecord, ResolvedFactor } from './types.js';

/**
 * Finds the factor a model refers to.
 *
 * - An exact id returns that record. If its validity does not cover the period (or vintage),
 *   it is still returned, with `outsideValidity` set and the selection saying so.
 * - A family name returns the member valid over the whole period (or over the `vintage`, which is
 *   then reported in `vintageOverride`) that applies most specifically to the region (see
 *   `regionSpecificity`). Equally specific members are an error (DatasetError) and so is no member
 *   (FactorNotFoundError, listing what the family has). There is never a silent fallback to the
 *   nearest year.
 *
 * @example
 * resolveFactor(registry, { id: 'cn-mee/grid/national', region: 'CN-NM',
 *   period: { start: '2023-01-01', end: '2023-12-31' } }).record.id // 'cn-mee/grid/national/2023'
 */
export function resolveFactor(registry: FactorRegistry, query: FactorQuery): ResolvedFactor {
  const period = query.period === undefined ? undefined : checkPeriod(query.period, query.id);
  const vintage = query.vintage === undefined ? undefined : parseVintage(query.vintage, query.id);
  const exact = registry.get(query.id);
  if (exact !== undefined) return resolveExact(exact, query, period, vintage);

  const members = registry.familyMembers(query.id);
  if (members.length === 0) {
    throw new FactorNotFoundError(requestOf(query), `no factor or factor family "${query.id}"`);
  }
  const window = vintage ?? period;
  const applicable = applicableToRegion(members, query);
  const candidates = window === undefined ? applicable : applicable.filter((entry) => validOver(entry.record, window));
  if (candidates.length === 0) {
    const wanted = window === undefined ? 'any period' : describeWindow(query, period, vintage);
    throw new FactorNotFoundError(
      requestOf(query),
      `${query.id} has ${describeFamilyTimes(applicable)}${regionPhrase(query.region)}; none covers ${wanted}` +
        (vintage === undefined && window !== undefined ? '; use vintage to choose one explicitly' : ''),
    );
  }
  const chosen = mostSpecific(candidates, query, window);
  const selection =
    `family ${query.id}, ${window === undefined ? 'no period' : describeWindow(query, period, vintage)}, ` +
    `region ${query.region ?? '(none)'}: ${chosen.record.id} (${describeMatch(chosen.specificity, query.region, chosen.record)})`;
  return Object.freeze({
    record: chosen.record,
    selection,
    ...(query.vintage === undefined ? {} : { vintageOverride: query.vintage }),
  });
}

/** A member of a family with how specifically it applies to the query's region. */
export interface ScoredRecord {
  readonly record: FactorRecord;
  readonly specificity: 0 | 1 | 2 | 3;
}

/** The members that apply to the query's region, each with its specificity. */
export function applicableToRegion(members: readonly FactorRecord[], query: FactorQuery): readonly ScoredRecord[] {
  const applicable: ScoredRecord[] = [];
  for (const record of members) {
    const specificity = regionSpecificity(record, query.region);
    if (specificity !== undefined) applicable.push({ record, specificity });
  }
  if (applicable.length === 0) {
    const regions = [...new Set(members.map(describeRegion))].sort(compareText);
    throw new FactorNotFoundError(
      requestOf(query),
      `${query.id} has no factor for ${query.region === undefined ? 'a model without a region' : `region ${query.region}`} ` +
        `(its factors are for: ${regions.join('; ')})` +
        (query.region === undefined ? '; give the model a region' : ''),
    );
  }
  return applicable;
}

/** The single most specific candidate; a tie at the top is ambiguous data, never a coin toss. */
export function mostSpecific(candidates: readonly ScoredRecord[], query: FactorQuery, window: DateInterval | undefined): ScoredRecord {
  let best: ScoredRecord[] = [];
  for (const candidate of candidates) {
    const top = best[0];
    if (top === undefined || candidate.specificity > top.specificity) best = [candidate];
    else if (candidate.specificity === top.specificity) best.push(candidate);
  }
  const [first, ...others] = best;
  if (first === undefined) throw new FactorNotFoundError(requestOf(query), `no candidate for ${query.id}`);
  if (others.length > 0) {
    const ids = best.map((entry) => entry.record.id).sort(compareText);
    throw new DatasetError(
      `${query.id} is ambiguous for region ${query.region ?? '(none)'}` +
        `${window === undefined ? '' : ` over ${formatInterval(window)}`}: ${ids.join(', ')} apply equally ` +
        `(${describeMatch(first.specificity, query.region, first.record)}); refer to one of them by id`,
    );
  }
  return first;
}

function resolveExact(
  record: FactorRecord,
  query: FactorQuery,
  period: DateInterval | undefined,
  vintage: DateInterval | undefined,
): ResolvedFactor {
  const window = vintage ?? period;
  const notes: string[] = [];
  const outside = window !== undefined && !validOver(record, window);
  if (outside) {
    notes.push(
      `chosen explicitly by id outside its validity: valid ${record.valid === undefined ? 'any time' : formatInterval({ start: record.valid.from, end: record.valid.to })}, ` +
        `asked for ${describeWindow(query, period, vintage)}`,
    );
  }
  if (query.region !== undefined && regionSpecificity(record, query.region) === undefined) {
    notes.push(`its region (${describeRegion(record)}) does not include ${query.region}`);
  }
  const selection = `factor ${record.id} by id${notes.length === 0 ? '' : `; ${notes.join('; ')}`}`;
  return Object.freeze({
    record,
    selection,
    ...(query.vintage === undefined ? {} : { vintageOverride: query.vintage }),
    ...(outside ? { outsideValidity: true as const } : {}),
  });
}

/** The FactorNotFoundError request fields of a query. */
export function requestOf(query: FactorQuery): { id: string; region?: string; period?: string } {
  return {
    id: query.id,
    ...(query.region === undefined ? {} : { region: query.region }),
    ...(query.period === undefined ? {} : { period: formatInterval(query.period) }),
  };
}

/** "2021, 2022, 2023" — the distinct validities of the given members, in date order. */
export function describeFamilyTimes(entries: readonly ScoredRecord[]): string {
  const seen = new Map<string, string>();
  for (const { record } of entries) {
    seen.set(describeValidity(record), record.valid === undefined ? '' : `${record.valid.from}..${record.valid.to}`);
  }
  return [...seen].sort((a, b) => compareText(a[1], b[1])).map(([text]) => text).join(', ');
}

function describeWindow(query: FactorQuery, period: DateInterval | undefined, vintage: DateInterval | undefined): string {
  if (vintage !== undefined) {
    return `vintage ${query.vintage ?? ''} (${formatInterval(vintage)})${period === undefined ? '' : ` instead of the period ${formatInterval(period)}`}`;
  }
  return period === undefined ? 'any period' : formatInterval(period);
}

function regionPhrase(region: string | undefined): string {
  return region === undefined ? '' : ` for region ${region}`;
}

function describeMatch(specificity: 0 | 1 | 2 | 3, region: string | undefined, record: FactorRecord): string {
  switch (specificity) {
    case 3:
      return `region ${record.region ?? ''} exactly`;
    case 2:
      return `grid region covering ${region ?? ''}`;
    case 1:
      return `country ${record.region ?? ''} of ${region ?? ''}`;
    case 0:
      return 'applies to any region';
  }
}

/**
 * `resolveFactor` for one run: the registry, period and region are fixed, so a query depends
 * only on its id and vintage, and each distinct pair is resolved once (a large model names the
 * same few factors on thousands of inputs). Failures are not remembered: they throw every time.
 *
 * @example
 * const resolve = factorResolver(registry, { start: '2023-01-01', end: '2023-12-31' }, 'CN-NM');
 * resolve({ id: 'cn-mee/grid/national' }).record.id // 'cn-mee/grid/national/2023'
 */
export function factorResolver(
  registry: FactorRegistry,
  period: FactorQuery['period'],
  region: string | undefined,
): (query: Pick<FactorQuery, 'id' | 'vintage'>) => ResolvedFactor {
  const resolved = new Map<string, ResolvedFactor>();
  return (query) => {
    const key = `${query.id}\u0000${query.vintage ?? ''}`;
    let result = resolved.get(key);
    if (result === undefined) {
      result = resolveFactor(registry, { id: query.id, ...(query.vintage === undefined ? {} : { vintage: query.vintage }), ...(period === undefined ? {} : { period }), ...(region === undefined ? {} : { region }) });
      resolved.set(key, result);
    }
    return result;
  };
}
