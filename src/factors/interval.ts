import { addDays } from 'date-fns/addDays';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { FactorNotFoundError } from '../core/errors.js';
import type { FactorRecord } from './types.js';

/** An inclusive interval of ISO dates. */
export interface DateInterval {
  readonly start: string;
  readonly end: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const YEAR = /^\d{4}$/;

/** True for `YYYY-MM-DD` that is a real calendar date. */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && isValid(parseISO(text));
}

/**
 * The interval a vintage stands for: a year is the whole calendar year, a date is that day.
 * Anything else is a FactorNotFoundError naming the factor asked for.
 *
 * @example
 * parseVintage('2023', 'cn-mee/grid/national') // { start: '2023-01-01', end: '2023-12-31' }
 * parseVintage('2023-06-30', 'cn-mee/grid/national') // { start: '2023-06-30', end: '2023-06-30' }
 */
export function parseVintage(vintage: string, id: string): DateInterval {
  if (YEAR.test(vintage)) return Object.freeze({ start: `${vintage}-01-01`, end: `${vintage}-12-31` });
  if (isIsoDate(vintage)) return Object.freeze({ start: vintage, end: vintage });
  throw new FactorNotFoundError(
    { id },
    `vintage "${vintage.slice(0, 40)}" for "${id}" is neither a year (2023) nor an ISO date (2023-06-30)`,
  );
}

/** Checks a query period: two real dates, start not after end. */
export function checkPeriod(period: DateInterval, id: string): DateInterval {
  if (!isIsoDate(period.start) || !isIsoDate(period.end) || period.start > period.end) {
    throw new FactorNotFoundError(
      { id, period: formatInterval(period) },
      `period ${formatInterval(period)} for "${id}" is not an interval of ISO dates`,
    );
  }
  return period;
}

/** True when the record is valid on every day of `interval` (a record without validity always is). */
export function validOver(record: FactorRecord, interval: DateInterval): boolean {
  return record.valid === undefined || (record.valid.from <= interval.start && interval.end <= record.valid.to);
}

/** `2023-01-01..2023-12-31`. */
export function formatInterval(interval: DateInterval): string {
  return `${interval.start}..${interval.end}`;
}

/** A record's validity as people say it: `2023` for a calendar year, `any time` when unbounded. */
export function describeValidity(record: FactorRecord): string {
  if (record.valid === undefined) return 'any time';
  const { from, to } = record.valid;
  const year = from.slice(0, 4);
  if (from === `${year}-01-01` && to === `${year}-12-31`) return year;
  return `${from}..${to}`;
}

/** The ISO date one day after `date`. */
export function nextDay(date: string): string {
  return format(addDays(parseISO(date), 1), 'yyyy-MM-dd');
}

/** The ISO date one day before `date`. */
export function previousDay(date: string): string {
  return format(addDays(parseISO(date), -1), 'yyyy-MM-dd');
}
