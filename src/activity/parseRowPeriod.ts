import { addMonths } from 'date-fns/addMonths';
import { endOfMonth } from 'date-fns/endOfMonth';
import { endOfYear } from 'date-fns/endOfYear';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { startOfMonth } from 'date-fns/startOfMonth';
import type { CellReading } from './parseActivityAmount.js';

/** An inclusive interval of ISO dates. */
export interface DayInterval {
  readonly start: string;
  readonly end: string;
}

const ISO = 'yyyy-MM-dd';
// Noon as the reference time keeps date-only parsing away from daylight-saving edges.
const REFERENCE = new Date(2000, 0, 1, 12);

/**
 * The days a date cell stands for, trying each date-fns format in turn: a format with a day
 * token (`d`) gives that day, one with a month but no day the whole month, one with only a year
 * the whole year — so monthly and daily ledgers both read into exact intervals. A `yyyy` token
 * needs a four-digit year: `25-01` is an error, not January of the year 25. With granularity
 * `month`, a day stands for its whole calendar month: monthly ledgers whose period column holds
 * Excel date cells (read as `2025-01-01`, or the month's last day `2025-01-31`) are months, not
 * single days.
 *
 * @example
 * parseRowDate('2025-03', ['yyyy-MM-dd', 'yyyy-MM']) // { ok: true, value: { start: '2025-03-01', end: '2025-03-31' } }
 * parseRowDate('2025/3/7', ['yyyy/M/d']) // { ok: true, value: { start: '2025-03-07', end: '2025-03-07' } }
 * parseRowDate('2025-03-31', ['yyyy-MM-dd'], 'month') // { ok: true, value: { start: '2025-03-01', end: '2025-03-31' } }
 */
export function parseRowDate(text: string, formats: readonly string[], granularity: 'day' | 'month' = 'day'): CellReading<DayInterval> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, message: 'the date is empty' };
  let shortYear = false;
  for (const pattern of formats) {
    const parsed = parse(trimmed, pattern, REFERENCE);
    if (!isValid(parsed)) continue;
    const tokens = pattern.replace(/'[^']*'/g, '');
    // date-fns reads `yyyy` from one to four digits, so `25-01` would be January of the year 25
    // and fall silently outside the period: a four-digit year token needs a year of four digits.
    if (/yyyy/.test(tokens) && (parsed.getFullYear() < 1000 || parsed.getFullYear() > 9999)) {
      shortYear = true;
      continue;
    }
    const start = format(parsed, ISO);
    if (/d/.test(tokens)) {
      if (granularity === 'month') return { ok: true, value: { start: format(startOfMonth(parsed), ISO), end: format(endOfMonth(parsed), ISO) } };
      return { ok: true, value: { start, end: start } };
    }
    if (/[ML]/.test(tokens)) return { ok: true, value: { start, end: format(endOfMonth(parsed), ISO) } };
    return { ok: true, value: { start, end: format(endOfYear(parsed), ISO) } };
  }
  if (shortYear) return { ok: false, message: `"${trimmed.slice(0, 40)}" has no four-digit year (the date formats ${formats.map((f) => `"${f}"`).join(', ')} write the year as yyyy)` };
  return { ok: false, message: `"${trimmed.slice(0, 40)}" matches none of the date formats ${formats.map((f) => `"${f}"`).join(', ')}` };
}

/** The fiscal calendar of a period column (the mapping's `fiscalYear`). */
export interface FiscalCalendar {
  /** Month (1–12) the fiscal year starts in. */
  readonly startMonth: number;
  /** Whether fiscal year N starts in calendar year N (`start`) or ends in it (`end`). */
  readonly label: 'start' | 'end';
}

/**
 * The calendar month of a fiscal period such as `2025-03`, `2025/003`, `2025.3` or `2025P03`:
 * period 1 is the fiscal year's first month. With `{ startMonth: 4, label: 'start' }` (a year
 * from April, as in Japan or India), 2025/001 is April 2025 and 2025/012 March 2026; with
 * `label: 'end'` fiscal year 2025 ends in March 2025. Special periods 13–16 (SAP year-end
 * postings) belong to no month and are an error.
 *
 * @example
 * parseFiscalPeriod('2025/010', { startMonth: 4, label: 'start' }) // { ok: true, value: { start: '2026-01-01', end: '2026-01-31' } }
 */
export function parseFiscalPeriod(text: string, calendar: FiscalCalendar): CellReading<DayInterval> {
  const trimmed = text.trim();
  const match = /^(\d{4})\s*(?:[-/.]\s*|P|p)?0*(\d{1,2})$/.exec(trimmed);
  if (match === null) return { ok: false, message: `"${trimmed.slice(0, 40)}" is not a fiscal period such as 2025-03 or 2025/003` };
  const fiscalYear = Number.parseInt(match[1]!, 10);
  const period = Number.parseInt(match[2]!, 10);
  if (period < 1 || period > 12) {
    return { ok: false, message: `period ${period} of fiscal year ${fiscalYear} is not a month (special periods 13–16 hold year-end postings; book them into a month)` };
  }
  const startYear = calendar.label === 'start' || calendar.startMonth === 1 ? fiscalYear : fiscalYear - 1;
  const month = addMonths(new Date(startYear, calendar.startMonth - 1, 1, 12), period - 1);
  return { ok: true, value: { start: format(month, ISO), end: format(endOfMonth(month), ISO) } };
}
