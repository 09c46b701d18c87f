import { InvalidNumberError } from '../core/errors.js';
import { reportedDigits, UNCERTAINTY_OPTION_NAMES } from './uncertainModel.js';
import { optionsObject } from '../core/options.js';
import { Decimal } from '../decimal/decimal.js';
import type { Model } from '../model/types.js';
import type { Quantity } from '../quantity/types.js';
import { seededRandom } from './random.js';
import { uncertainModel, type UncertainTerm, type UncertaintyOptions } from './uncertainModel.js';

export interface SimulateOptions extends UncertaintyOptions {
  /** Number of Monte Carlo runs (at least 2). */
  readonly runs: number;
  /** Seed of the generator, -2^31 to 2^31 − 1: the same seed gives the same numbers on every machine and call, and different seeds different streams. */
  readonly seed: number;
  /** Significant digits of the reported statistics (6 by default; sampling error is far larger). */
  readonly digits?: number;
}

/** Statistics of one product's footprint over the runs, t CO2e per declared unit. */
export interface ProductDistribution {
  readonly flow: string;
  readonly declaredUnit: Quantity;
  /** The exact (deterministic) footprint at the central values. */
  readonly total: Decimal;
  readonly mean: Decimal;
  readonly sd: Decimal;
  readonly p2_5: Decimal;
  readonly p50: Decimal;
  readonly p97_5: Decimal;
}

export interface SimulationResult {
  /** Simulation runs in float64 (DESIGN.md: the float backend exists only for simulation). */
  readonly backend: 'float64';
  readonly method: 'monte-carlo';
  readonly runs: number;
  readonly seed: number;
  readonly terms: readonly UncertainTerm[];
  /** Sorted by flow, as the footprints are. */
  readonly products: readonly ProductDistribution[];
}

/**
 * Monte Carlo propagation of the uncertainty of factors (their `uncertainty`) and of entries
 * given in `options.uncertainty`. The model is compiled once; every run samples each uncertain
 * term once (a factor used by many processes is one unknown, so its uses move together),
 * rescales the direct burdens it prices and re-solves the system in float64 (each loop's LU is
 * factorized once). Percentiles are type 7 (linear interpolation between order statistics).
 *
 * @example
 * const result = simulate(document, { runs: 10000, seed: 1 });
 * result.products[0].p2_5.toFixed(); // lower end of the 95 % interval, t CO2e per declared unit
 */
export function simulate(input: Model | unknown, given: SimulateOptions): SimulationResult {
  const options = optionsObject(given, 'simulate', [...UNCERTAINTY_OPTION_NAMES, 'runs', 'seed', 'digits']) as SimulateOptions;
  const { runs, seed } = options;
  if (!Number.isInteger(runs) || runs < 2 || runs > 10_000_000) throw new InvalidNumberError(`runs must be an integer from 2 to 10000000, got ${runs}`);
  // The generator reads 32 bits of the seed: past this range two seeds (1 and 2^32 + 1) gave one stream.
  if (!Number.isInteger(seed) || seed < -(2 ** 31) || seed > 2 ** 31 - 1) throw new InvalidNumberError(`seed must be an integer from -2147483648 to 2147483647, got ${seed}`);
  const digits = reportedDigits(options.digits);
  const prepared = uncertainModel(input, options);
  const { float, distributions, perDeclared, system, result } = prepared;
  const n = float.size;
  const random = seededRandom(seed);
  const samples = new Float64Array(n * runs);
  const direct = new Float64Array(n);
  for (let run = 0; run < runs; run++) {
    direct.set(float.fixed);
    distributions.forEach((distribution, t) => {
      const multiplier = distribution.sample(random);
      for (const use of float.uses[t]!) direct[use.product] = direct[use.product]! + multiplier * use.co2e;
    });
    const footprint = float.solve(direct);
    for (let p = 0; p < n; p++) samples[p * runs + run] = footprint[p]! * perDeclared[p]!;
  }

  const products = result.products.map((footprint): ProductDistribution => {
    const index = system.productByFlow.get(footprint.flow)!;
    const values = samples.subarray(index * runs, (index + 1) * runs);
    let total = 0;
    for (let i = 0; i < runs; i++) total += values[i]!;
    const mean = total / runs;
    let squares = 0;
    for (let i = 0; i < runs; i++) squares += (values[i]! - mean) ** 2;
    const sorted = Float64Array.from(values).sort();
    const out = (x: number) => toDecimalDigits(x, digits);
    return Object.freeze({
      flow: footprint.flow,
      declaredUnit: footprint.declaredUnit,
      total: footprint.total,
      mean: out(mean),
      sd: out(Math.sqrt(squares / (runs - 1))),
      p2_5: out(percentile(sorted, 0.025)),
      p50: out(percentile(sorted, 0.5)),
      p97_5: out(percentile(sorted, 0.975)),
    });
  });
  return Object.freeze({ backend: 'float64', method: 'monte-carlo', runs, seed, terms: prepared.terms, products: Object.freeze(products) });
}

/**
 * Type-7 percentile (Hyndman & Fan 1996; the default of R and numpy) of sorted values.
 *
 * @example
 * percentile(Float64Array.from([1, 2, 3, 4]), 0.5); // 2.5
 */
export function percentile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const low = Math.floor(h);
  const high = Math.min(low + 1, sorted.length - 1);
  return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
}

/** A float as a Decimal of `digits` significant digits (its shortest decimal text, then rounded). */
export function toDecimalDigits(x: number, digits: number): Decimal {
  if (!Number.isFinite(x)) throw new InvalidNumberError(`simulation produced ${x}: check the distributions`);
  return x === 0 ? new Decimal(0) : new Decimal(x).toSignificantDigits(digits);
}
