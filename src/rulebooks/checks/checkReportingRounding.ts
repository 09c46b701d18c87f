import type { FootprintResult } from '../../graph/results.js';
import { finding } from '../finding.js';
import { reportedItems, roundedItemsGap } from '../reportedItems.js';
import type { Finding, Rulebook } from '../types.js';

/**
 * Reporting-rule rounding: says how reported items are rounded (exact values unchanged) and flags
 * products whose rounded items do not add up to their rounded total.
 *
 * @example
 * checkReportingRounding(getRulebook('cn-ets-aluminium'), result);
 */
export function checkReportingRounding(rulebook: Rulebook, result: FootprintResult): Finding[] {
  const rule = rulebook.reportingRounding;
  if (rule === undefined) return [];
  const count = reportedItems(result, rulebook).length;
  const findings: Finding[] = [
    finding('reporting-rounding', 'reporting_rounding', [], `${count} reported items are rounded to ${rule.places} decimal places (${rule.mode}) item by item, exact values kept alongside: ${rule.note}`, 'info'),
  ];
  for (const product of result.products) {
    const gap = roundedItemsGap(product, rule);
    if (gap !== '0') {
      findings.push(finding('reporting-rounding', 'reporting_rounding_gap', [], `"${product.flow}": the rounded category items add up to the rounded total ${gap.startsWith('-') ? '' : '+'}${gap}: the template rounds item by item; report both`, 'info'));
    }
  }
  return findings;
}
