import { toFixedString, type Rounding } from '../decimal/rounding.js';
import { formatQuantity } from '../quantity/index.js';
import type { AnalyticResult } from '../uncertainty/propagateAnalytic.js';
import type { SimulationResult } from '../uncertainty/simulate.js';
import { canonicalJson } from './canonical.js';
import { maxOf } from '../core/lists.js';

const DISPLAY: Rounding = { places: 4, mode: 'HALF_EVEN' };

/**
 * Monte Carlo (and, when given, first-order analytic) uncertainty per product as a table.
 *
 * @example
 * console.log(uncertaintyTable(simulate(model, { runs: 10000, seed: 1 })));
 */
export function uncertaintyTable(simulation: SimulationResult, analytic?: AnalyticResult, rounding: Rounding = DISPLAY): string {
  const fmt = (d: Parameters<typeof toFixedString>[0]) => toFixedString(d, rounding);
  if (simulation.terms.length === 0) {
    return 'no uncertain terms: no factor used carries an uncertainty and none was given (--uncertainty-file); the footprints are exact as computed\n';
  }
  const header = ['product', 'per', 'exact', 'MC mean', 'MC sd', '95 % interval (MC)', ...(analytic === undefined ? [] : ['±% (IPCC Approach 1)'])];
  const analyticOf = analyticByFlow(analytic);
  const rows = simulation.products.map((p) => {
    const a = analyticOf.get(p.flow);
    return [
      p.flow,
      formatQuantity(p.declaredUnit),
      fmt(p.total),
      fmt(p.mean),
      fmt(p.sd),
      `[${fmt(p.p2_5)}, ${fmt(p.p97_5)}]`,
      ...(analytic === undefined ? [] : [a === undefined ? '' : toFixedString(a.percent, { places: 1, mode: 'HALF_EVEN' })]),
    ];
  });
  const widths = header.map((h, i) => maxOf(rows.map((r) => r[i]!.length), h.length));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [
    't CO2e per declared unit',
    line(header),
    ...rows.map(line),
    '',
    `Monte Carlo, ${simulation.runs} runs, seed ${simulation.seed}, ${simulation.backend} (the exact column is the decimal result); ${simulation.terms.length} uncertain terms`,
  ].join('\n') + '\n';
}

/** The same as JSON: decimals as fixed-point strings. */
export function uncertaintyJsonText(simulation: SimulationResult, analytic?: AnalyticResult): string {
  const text = (d: Parameters<typeof toFixedString>[0]) => toFixedString(d);
  const analyticOf = analyticByFlow(analytic);
  return `${canonicalJson(
    {
      backend: simulation.backend,
      method: simulation.method,
      runs: simulation.runs,
      seed: simulation.seed,
      terms: simulation.terms.map((t) => ({ id: t.id, kind: t.kind })),
      products: simulation.products.map((p) => {
        const a = analyticOf.get(p.flow);
        return {
          flow: p.flow,
          declaredUnit: formatQuantity(p.declaredUnit),
          exact: text(p.total),
          mean: text(p.mean),
          sd: text(p.sd),
          p2_5: text(p.p2_5),
          p50: text(p.p50),
          p97_5: text(p.p97_5),
          ...(a === undefined ? {} : { analytic: { mean: text(a.mean), sd: text(a.sd), lower: text(a.lower), upper: text(a.upper), percent: text(a.percent) } }),
        };
      }),
    },
    2,
  )}\n`;
}

/** Analytic results by flow (a lookup per product; a search per product is quadratic). */
function analyticByFlow(analytic: AnalyticResult | undefined): ReadonlyMap<string, AnalyticResult['products'][number]> {
  return new Map((analytic?.products ?? []).map((p) => [p.flow, p]));
}
