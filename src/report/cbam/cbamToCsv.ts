import { toFixedString } from '../../decimal/rounding.js';
import { csvText } from './csvText.js';
import { GOODS_SUMMARY_HEADINGS, goodsSummaryRows, type SummaryValue } from './summaryTable.js';
import type { CbamReport } from './types.js';

/**
 * The per-good summary of the operator communication as RFC 4180 CSV (CRLF, quoted where needed),
 * exact decimals as fixed-point text, empty cells where a field does not apply.
 *
 * @example
 * cbamToCsv(report).split('\r\n')[0]; // 'Installation,Reporting period start,...'
 */
export function cbamToCsv(report: CbamReport): string {
  return csvText([GOODS_SUMMARY_HEADINGS, ...goodsSummaryRows(report).map((row) => row.map(cellText))]);
}

/**
 * Precursors as CSV rows: one per good and precursor, with m_i, SEE_i and m_i × SEE_i.
 *
 * @example
 * cbamPrecursorsToCsv(report).split('\r\n')[1]; // 'aluminium-sheet,7606,aluminium-ingot,,own,0.7,2.419,...'
 */
export function cbamPrecursorsToCsv(report: CbamReport): string {
  return csvText([
    [...PRECURSOR_HEADINGS],
    ...report.goods.flatMap((good) =>
      good.precursors.map((p) => [
        good.flow,
        good.cn,
        p.flow,
        p.cn ?? '',
        p.origin,
        toFixedString(p.mass),
        toFixedString(p.see.direct),
        p.see.indirect === undefined ? '' : toFixedString(p.see.indirect),
        toFixedString(p.embedded.direct),
        p.embedded.indirect === undefined ? '' : toFixedString(p.embedded.indirect),
        p.source,
      ]),
    ),
  ]);
}

export const PRECURSOR_HEADINGS = Object.freeze([
  'Good',
  'Good CN code',
  'Precursor',
  'Precursor CN code',
  'Origin',
  'Mass per t of good (t/t)',
  'Precursor SEE direct (t CO2e/t)',
  'Precursor SEE indirect (t CO2e/t)',
  'Embedded direct per t of good (t CO2e/t)',
  'Embedded indirect per t of good (t CO2e/t)',
  'Source',
] as const);

function cellText(value: SummaryValue): string {
  if (value === null) return '';
  return value.kind === 'number' ? toFixedString(value.value) : value.value;
}
