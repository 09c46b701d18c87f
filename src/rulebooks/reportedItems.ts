import { sum } from '../decimal/decimal.js';
import { roundTo, toFixedString, type Rounding } from '../decimal/rounding.js';
import type { FootprintResult } from '../graph/results.js';
import type { ReportedItem, Rulebook } from './types.js';

/**
 * Each reported item of every product — total, each category and each gas (t CO2e per declared
 * unit) — exact and as the rulebook's template rounds it, item by item. The exact values are not
 * changed; a rulebook without a rounding rule reports nothing here.
 *
 * @example
 * reportedItems(result, getRulebook('cn-ets-aluminium'))[0];
 * // { product: 'aluminium-liquid', item: 'total', exact: '9.25637…', reported: '9.26', rounding: { places: 2, mode: 'HALF_UP' } }
 */
export function reportedItems(result: FootprintResult, rulebook: Rulebook): readonly ReportedItem[] {
  const rule = rulebook.reportingRounding;
  if (rule === undefined) return [];
  const rounding = Object.freeze({ places: rule.places, mode: rule.mode });
  const items: ReportedItem[] = [];
  for (const product of result.products) {
    const push = (item: string, value: Parameters<typeof toFixedString>[0]) =>
      items.push(Object.freeze({ product: product.flow, item, exact: toFixedString(value), reported: toFixedString(value, rounding), rounding }));
    push('total', product.total);
    for (const [category, value] of Object.entries(product.byCategory)) push(`category:${category}`, value);
    for (const [gas, amount] of Object.entries(product.byGas)) push(`gas:${gas}`, amount.co2e);
  }
  return Object.freeze(items);
}

/**
 * Whether the rounded category items of a product add up to its rounded total: templates that
 * round item by item often do not, and a verifier will ask.
 *
 * @example
 * roundedItemsGap(result.products[0], { places: 2, mode: 'HALF_UP' }); // '0.01' or '0'
 */
export function roundedItemsGap(product: FootprintResult['products'][number], rounding: Rounding): string {
  const roundedItems = sum(Object.values(product.byCategory).map((v) => roundTo(v, rounding)));
  return toFixedString(roundedItems.minus(roundTo(product.total, rounding)));
}
