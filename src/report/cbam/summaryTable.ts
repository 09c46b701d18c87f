import type { Decimal } from '../../decimal/decimal.js';
import { sum } from '../../decimal/decimal.js';
import { toFixedString } from '../../decimal/rounding.js';
import { CATEGORY_NAMES, ROUTE_NAMES } from './regulation.js';
import type { CbamGood, CbamReport } from './types.js';

/** A summary cell: exact decimal, text, or not applicable. */
export type SummaryValue = { readonly kind: 'number'; readonly value: Decimal } | { readonly kind: 'text'; readonly value: string } | null;

const num = (value: Decimal | undefined): SummaryValue => (value === undefined ? null : { kind: 'number', value });
const text = (value: string | undefined): SummaryValue => (value === undefined ? null : { kind: 'text', value });

/**
 * Column headings of the per-good summary, after the fields an installation operator communicates
 * (2023/1773 and 2025/2547 Annex IV; formats.md §3.7). Indirect-emission columns stay in place in
 * the definitive period, empty, so integrations read the same columns in both periods.
 */
export const GOODS_SUMMARY_HEADINGS: readonly string[] = Object.freeze([
  'Installation',
  'Reporting period start',
  'Reporting period end',
  'Regulation period',
  'Product flow',
  'CN code',
  'Aggregated goods category',
  'Production route',
  'Activity level (t)',
  'Specific direct embedded emissions (t CO2e/t)',
  'Specific indirect embedded emissions (t CO2e/t)',
  'Specific embedded emissions total (t CO2e/t)',
  'Electricity consumption (MWh/t)',
  'Electricity emission factor (t CO2e/MWh)',
  'Source of electricity emission factor',
  'Tonnes scrap used for producing 1 t of the product (t/t)',
  '% of scrap that is pre-consumer scrap',
  'Total content of elements other than aluminium, if above 1 % (%)',
  'Precursors (t/t and SEE direct t CO2e/t)',
  'GWP set',
]);

/**
 * One summary row per good, in the order of `GOODS_SUMMARY_HEADINGS`.
 *
 * @example
 * goodsSummaryRows(report)[0][5]; // { kind: 'text', value: '7601' }
 */
export function goodsSummaryRows(report: CbamReport): readonly (readonly SummaryValue[])[] {
  return report.goods.map((good) => [
    text(report.installation.name),
    text(report.reportingPeriod.start),
    text(report.reportingPeriod.end),
    text(report.period),
    text(good.flow),
    text(good.cn),
    text(CATEGORY_NAMES[good.category]),
    text(ROUTE_NAMES[good.route]),
    num(good.activityLevel),
    num(good.see.direct),
    num(good.see.indirect),
    num(good.see.total),
    num(good.electricity?.consumption),
    num(effectiveElectricityFactor(good)),
    text(good.electricity === undefined ? undefined : good.electricity.factors.map((f) => `${f.id} (${f.value} ${f.unit}): ${f.source}`).join('; ')),
    num(good.scrap.total),
    num(good.scrap.preConsumerPercent),
    num(good.otherElementsPercent),
    text(good.precursors.map((p) => `${p.flow}${p.cn === undefined ? '' : ` (CN ${p.cn})`}: ${toFixedString(p.mass)} t/t × ${toFixedString(p.see.direct)}`).join('; ')),
    text(report.regulation.gwp),
  ]);
}

/** Electricity emissions ÷ consumption: the factor of the electricity used, mixed over sources when several. */
export function effectiveElectricityFactor(good: CbamGood): Decimal | undefined {
  const electricity = good.electricity;
  if (electricity === undefined || electricity.consumption.isZero()) return undefined;
  return electricity.emissions.div(electricity.consumption);
}

/** Sum of the parts of SEE, for the breakdown sheet: attributed direct plus each precursor's share. */
export function precursorDirectTotal(good: CbamGood): Decimal {
  return sum(good.precursors.map((p) => p.embedded.direct));
}
