import type { Decimal } from '../decimal/decimal.js';
import { toFixedString, type Rounding } from '../decimal/rounding.js';
import { formatQuantity } from '../quantity/index.js';
import { requireResult, type FootprintResult, type ProductFootprint } from '../graph/results.js';
import { maxOf } from '../core/lists.js';

const DISPLAY: Rounding = { places: 4, mode: 'HALF_EVEN' };

/**
 * A plain-text report of footprints for a terminal: one block per product with its total and
 * breakdowns, values rounded for display (4 places, half-even; the JSON output is exact).
 *
 * @example
 * console.log(footprintTable(computeFootprints(model)));
 */
export function footprintTable(result: FootprintResult, given?: Rounding): string {
  const rounding = given ?? DISPLAY; // null from JavaScript callers too
  requireResult(result, 'footprintTable');
  const lines: string[] = [];
  const title = result.model.name === undefined ? result.model.id : `${result.model.name} (${result.model.id})`;
  lines.push(title);
  lines.push(
    `period ${result.period.start} to ${result.period.end}${result.region === undefined ? '' : `, region ${result.region}`}, GWP ${result.gwp}, scope 2 ${result.scope2}-based`,
  );
  const blocks = result.products.map((product) => productRows(product, rounding));
  // One label width for every block so the numbers line up down the whole report.
  const width = maxOf(blocks.flat().map(([label]) => label.length), 30) + 2;
  for (const rows of blocks) {
    lines.push('');
    for (const [label, value] of rows) lines.push(value === '' ? label : `${label.padEnd(width)}${value.padStart(14)}`);
  }
  if (result.warnings.length > 0) {
    lines.push('', 'notes:');
    for (const w of result.warnings) lines.push(`  ${w.severity}: ${w.message}`);
  }
  lines.push('', `values rounded to ${rounding.places} places (${rounding.mode}) for display; --format json gives exact decimals`);
  return `${lines.join('\n')}\n`;
}

function productRows(p: ProductFootprint, rounding: Rounding): [string, string][] {
  const fmt = (d: Decimal) => toFixedString(d, rounding);
  const rows: [string, string][] = [];
  const section = (name: string, record: Readonly<Record<string, Decimal>>) => {
    const entries = Object.entries(record).filter(([, v]) => !v.isZero());
    if (entries.length === 0) return;
    rows.push([`  ${name}`, '']);
    for (const [k, v] of entries) rows.push([`    ${k === '' ? '(unattributed)' : k}`, fmt(v)]);
  };
  rows.push([`${p.flow}  (per ${formatQuantity(p.declaredUnit)}, from ${p.process})`, '']);
  rows.push(['  total t CO2e', fmt(p.total)]);
  section('by scope', { 'scope 1': p.byScope['1'], 'scope 2': p.byScope['2'], 'scope 3': p.byScope['3'] });
  section('by category', p.byCategory);
  const gases: Record<string, Decimal> = {};
  for (const [gas, amount] of Object.entries(p.byGas)) gases[gas] = amount.co2e;
  section('by gas (t CO2e)', gases);
  if (p.byProcess !== undefined) section('by process', p.byProcess);
  if (!p.recycledContent.total.isZero()) rows.push(['  recycled input, t', fmt(p.recycledContent.total)]);
  return rows;
}

/**
 * Location-based and market-based totals side by side, per product (GHG Protocol Scope 2).
 *
 * @example
 * const { location, market } = computeScope2Comparison(model);
 * console.log(scope2Comparison(location, market));
 */
export function scope2Comparison(location: FootprintResult, market: FootprintResult, rounding: Rounding = DISPLAY): string {
  const fmt = (d: Decimal) => toFixedString(d, rounding);
  const marketByFlow = new Map(market.products.map((p) => [p.flow, p]));
  const rows = location.products.map((p) => {
    const m = marketByFlow.get(p.flow);
    return [p.flow, fmt(p.byScope['2']), fmt(p.total), m === undefined ? '' : fmt(m.byScope['2']), m === undefined ? '' : fmt(m.total)];
  });
  const header = ['product', 'location: scope 2', 'location: total', 'market: scope 2', 'market: total'];
  const widths = header.map((h, i) => maxOf(rows.map((r) => r[i]!.length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [`scope 2, t CO2e per declared unit`, line(header), ...rows.map(line)].join('\n') + '\n';
}
