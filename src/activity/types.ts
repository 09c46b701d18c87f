import type { DocumentPath } from '../core/issues.js';
import type { Decimal } from '../decimal/decimal.js';
import type { CsvRecord } from '../io/csv/parseCsv.js';
import type { DayInterval } from './parseRowPeriod.js';

/** The rows of one activity file (CSV or XLSX sheet), as read by `readActivityTable`. */
export interface ActivityTable {
  /** The file name used in reports. */
  readonly file: string;
  /**
   * `xlsx` when the records are spreadsheet rows, whose cells sit at their references and which
   * end at their last non-empty cell (so may be shorter than the header); CSV records otherwise.
   */
  readonly format?: 'csv' | 'xlsx';
  /** Every non-blank line or row, with its 1-based line (CSV) or row number (XLSX). */
  readonly records: readonly CsvRecord[];
}

/** A row that was read but not used, and why: file, row and (when one is at fault) the column. */
export interface RejectedRow {
  readonly file: string;
  readonly row: number;
  /** Header text of the column at fault. */
  readonly column?: string;
  readonly code: string;
  readonly message: string;
}

/** A problem of a series or of the mapping as a whole (a gap, a series with no rows, a missing column). */
export interface ActivityError {
  readonly code: string;
  readonly series?: string;
  /** Where in the model document, for fill targets. */
  readonly path?: DocumentPath;
  readonly message: string;
}

/** The amount of a series over one row's interval, in the unit of the amount it fills. */
export interface PeriodAmount extends DayInterval {
  readonly amount: Decimal;
}

/** One amount a series fills, in the unit the document states for that amount. */
export interface SeriesTarget {
  readonly path: DocumentPath;
  readonly unit: string;
  /** The series total in `unit`, exact. */
  readonly total: Decimal;
  /** The series' row amounts in `unit`; they add up to `total`. */
  readonly periods: readonly PeriodAmount[];
}

/** A series after aggregation into the model's period. */
export interface FilledSeries {
  readonly id: string;
  /** Unit of `total` and `periods`: the one the document states for the series' first amount. */
  readonly unit: string;
  /** Sum over the period, exact, in `unit`. */
  readonly total: Decimal;
  readonly rows: number;
  /** Document paths of the amounts this series filled. */
  readonly targets: readonly DocumentPath[];
  /** Each amount the series filled, with the total and rows in that amount's own unit. */
  readonly byTarget: readonly SeriesTarget[];
  /** Row amounts in date order; they add up to `total` exactly. */
  readonly periods: readonly PeriodAmount[];
  /** The days the series was expected to cover: the model period, cut to the series' from/to. */
  readonly expected: DayInterval;
  /** True when `expected` is shorter than the model period (commissioned or shut down within it). */
  readonly partial: boolean;
  /** Days of `expected` that no row covers (an error unless the mapping allows gaps). */
  readonly gaps: readonly DayInterval[];
}

/** What `fillActivity` did: nothing is dropped without being counted here. */
export interface ActivityReport {
  /** Data rows read (below the header row). */
  readonly read: number;
  /** Rows that went into a series. */
  readonly used: number;
  /** Rows skipped on purpose: another plant, an ignored or unused series, outside the period. */
  readonly skipped: { readonly otherPlant: number; readonly ignoredSeries: number; readonly unusedSeries: number; readonly outsidePeriod: number };
  readonly rejected: readonly RejectedRow[];
  readonly errors: readonly ActivityError[];
  readonly series: readonly FilledSeries[];
}
