import type { Decimal } from '../decimal/decimal.js';
import { optionsObject } from '../core/options.js';
import { reportedDigits, UNCERTAINTY_OPTION_NAMES } from './uncertainModel.js';
import type { Model } from '../model/types.js';
import type { Quantity } from '../quantity/types.js';
import { toDecimalDigits } from './simulate.js';
import { uncertainModel, type UncertainTerm, type UncertaintyOptions } from './uncertainModel.js';

export interface AnalyticOptions extends UncertaintyOptions {
  /** Significant digits of the reported figures (6 by default). */
  readonly digits?: number;
}

/** First-order uncertainty of one product's footprint, t CO2e per declared unit. */
export interface ProductAnalyticUncertainty {
  readonly flow: string;
  readonly declaredUnit: Quantity;
  readonly total: Decimal;
  /** Expected value: the central footprint with each term at its mean (differs for skewed terms). */
  readonly mean: Decimal;
  readonly sd: Decimal;
  /** mean ∓ 1.96 sd: the 95 % interval if the result is near-normal. */
  readonly lower: Decimal;
  readonly upper: Decimal;
  /** IPCC's U: half-width of the 95 % interval in percent of the mean (196 · sd / |mean|). */
  readonly percent: Decimal;
}

export interface AnalyticResult {
  readonly backend: 'float64';
  readonly method: 'first-order';
  readonly terms: readonly UncertainTerm[];
  readonly products: readonly ProductAnalyticUncertainty[];
}

/**
 * First-order (IPCC 2006 Vol. 1 Ch. 3, Approach 1: error propagation) uncertainty of every
 * product: the footprint is linear in each term's multiplier m_t, F = F₀ + Σ_t S_t m_t, where
 * S_t is the footprint of the burdens term t prices (one float64 solve per term). With
 * independent terms, mean = F₀ + Σ S_t E[m_t] and sd² = Σ (S_t sd[m_t])²; IPCC's
 * U_total = √Σ(U_t x_t)² / |Σ x_t| is 196 · sd / |mean|. Exact in mean and sd for this linear
 * model; only the 95 % interval assumes a near-normal total.
 *
 * @example
 * propagateAnalytic(document).products[0].percent.toFixed(); // e.g. "7.4"
 */
export function propagateAnalytic(input: Model | unknown, given: AnalyticOptions = {}): AnalyticResult {
  const options = optionsObject(given, 'propagateAnalytic', [...UNCERTAINTY_OPTION_NAMES, 'digits']) as AnalyticOptions;
  const digits = reportedDigits(options.digits);
  const prepared = uncertainModel(input, options);
  const { float, distributions, perDeclared, system, result } = prepared;
  const n = float.size;
  const base = float.solve(float.fixed);
  const mean = Float64Array.from(base);
  const variance = new Float64Array(n);
  distributions.forEach((distribution, t) => {
    const direct = new Float64Array(n);
    for (const use of float.uses[t]!) direct[use.product] = direct[use.product]! + use.co2e;
    const sensitivity = float.solve(direct);
    for (let p = 0; p < n; p++) {
      mean[p] = mean[p]! + distribution.mean * sensitivity[p]!;
      variance[p] = variance[p]! + (distribution.sd * sensitivity[p]!) ** 2;
    }
  });
  const products = result.products.map((footprint): ProductAnalyticUncertainty => {
    const p = system.productByFlow.get(footprint.flow)!;
    const m = mean[p]! * perDeclared[p]!;
    const sd = Math.sqrt(variance[p]!) * perDeclared[p]!;
    const out = (x: number) => toDecimalDigits(x, digits);
    return Object.freeze({
      flow: footprint.flow,
      declaredUnit: footprint.declaredUnit,
      total: footprint.total,
      mean: out(m),
      sd: out(sd),
      lower: out(m - 1.96 * sd),
      upper: out(m + 1.96 * sd),
      percent: out(m === 0 ? 0 : (196 * sd) / Math.abs(m)),
    });
  });
  return Object.freeze({ backend: 'float64', method: 'first-order', terms: prepared.terms, products: Object.freeze(products) });
}
