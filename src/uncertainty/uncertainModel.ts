import { InternalError, InvalidOptionError, UnresolvedReferenceError } from '../core/errors.js';
import { computeFootprints, computeInput, defaultComputeContext, systemOf, type ComputeOptions } from '../compute/computeFootprints.js';
import { createFactorRegistry, mergeRegistries } from '../factors/index.js';
import type { Uncertainty } from '../factors/types.js';
import { formatPath } from '../core/issues.js';
import { ONE, toDecimal, type Decimal } from '../decimal/decimal.js';
import type { FootprintResult } from '../graph/results.js';
import type { System } from '../graph/system.js';
import type { Model } from '../model/types.js';
import { amountIn } from '../quantity/index.js';
import { termDistribution, type TermDistribution } from './distributions.js';
import { parseUncertaintyMap } from './parseUncertaintyMap.js';
import { floatSystem, type FloatSystem } from './floatSystem.js';

/** Options shared by `simulate` and `propagateAnalytic`. */
export interface UncertaintyOptions {
  /**
   * Distributions by factor id or by the document path of an emission entry or input (as in
   * error messages, e.g. `processes[2].emissions[0]`). The model schema has no uncertainty on
   * declared emissions, so they are given here; a factor's own `uncertainty` is used unless
   * its id is listed. A path wins over the factor of the input it names.
   */
  readonly uncertainty?: Readonly<Record<string, Uncertainty>>;
  /** gwp, per, factors, methods, as for computeFootprints (byProcess is never computed). */
  readonly compute?: Omit<ComputeOptions, 'byProcess'>;
}

/** A sampled term: what it is, and where its distribution came from. */
export interface UncertainTerm {
  readonly id: string;
  readonly kind: 'factor' | 'entry';
  readonly distribution: Uncertainty['distribution'];
  readonly from: 'factor record' | 'options';
}

/** What both propagation methods work on: the exact result, its float system and the terms. */
export interface UncertainModel {
  readonly result: FootprintResult;
  readonly system: System;
  readonly float: FloatSystem;
  readonly terms: readonly UncertainTerm[];
  readonly distributions: readonly TermDistribution[];
  /** Declared units per reference unit, by product index. */
  readonly perDeclared: Float64Array;
}

/**
 * Compiles a model once for uncertainty propagation: the exact footprints (computeFootprints,
 * without per-process contributions), the float64 system, and the uncertain terms in a fixed order.
 *
 * @example
 * const prepared = uncertainModel(document, { uncertainty: { 'processes[0].emissions[0]': { distribution: 'range', percent: new Decimal(5) } } });
 */
/** The options uncertainModel reads (simulate and propagateAnalytic add their own). */
export const UNCERTAINTY_OPTION_NAMES = ['uncertainty', 'compute'] as const;

/** `digits` of simulate and propagateAnalytic: significant digits of the reported statistics, 1 to 34. */
export function reportedDigits(digits: unknown): number {
  if (digits === undefined) return 6;
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 1 || digits > 34) {
    throw new InvalidOptionError(`digits is a whole number of significant digits from 1 to 34, not ${JSON.stringify(digits) ?? String(digits)}`);
  }
  return digits;
}

/**
 * The `uncertainty` option, checked: entries made with Decimals (the typed form) or written as
 * plain data (`{ distribution: 'range', percent: '5' }`, as JavaScript callers and files give
 * them) both go through parseUncertaintyMap, so an unknown distribution or a missing bound is a
 * ModelValidationError with its key, not a TypeError in the sampler.
 */
function uncertaintyEntries(option: unknown): Readonly<Record<string, Uncertainty>> {
  if (option === undefined) return {};
  if (typeof option !== 'object' || option === null || Array.isArray(option)) throw new InvalidOptionError('uncertainty maps factor ids and document paths to distributions');
  const plain = Object.fromEntries(
    Object.entries(option).map(([key, entry]) => [
      key,
      typeof entry === 'object' && entry !== null ? Object.fromEntries(Object.entries(entry).map(([field, value]) => [field, isDecimalLike(value) ? value.toExponential() : value])) : entry,
    ]),
  );
  return parseUncertaintyMap(plain);
}

/**
 * A Decimal, of this copy of the library or another (an object with toFixed; numbers are left to
 * the schema). Read back through its exponent form (toExponential: exact and short, where the
 * library's toString writes every digit) so toDecimal's range check sees 1e-999999999 before
 * anything writes out its zeros.
 */
function isDecimalLike(value: unknown): value is Decimal {
  return typeof value === 'object' && value !== null && typeof (value as { toExponential?: unknown }).toExponential === 'function';
}

export function uncertainModel(input: Model | unknown, passed: UncertaintyOptions = {}): UncertainModel {
  // simulate and propagateAnalytic pass their own options, with runs, seed and digits.
  const options = (passed ?? {}) as UncertaintyOptions;
  const context = defaultComputeContext(options.compute ?? {});
  const model = computeInput(input, context);
  const result = computeFootprints(model, { ...(options.compute ?? {}), byProcess: false });
  const system = systemOf(result);
  if (system === undefined) throw new InternalError('computeFootprints returned no compiled system');
  const registry = model.factors.length === 0 ? context.factors : mergeRegistries(context.factors, createFactorRegistry(model.factors));
  const given = uncertaintyEntries(options.uncertainty);

  // Terms: every item path named in the options, every factor with an uncertainty.
  const found = new Map<string, { term: UncertainTerm; uncertainty: Uncertainty; value: Decimal }>();
  const usedKeys = new Set<string>();
  const termOf = (item: { readonly kind: string; readonly factorId: string | undefined; readonly path: string }): string | undefined => {
    if (Object.hasOwn(given, item.path)) return `entry:${item.path}`;
    if (item.factorId !== undefined && (item.kind === 'factor-input' || item.kind === 'substitution-credit')) {
      const listed = Object.hasOwn(given, item.factorId);
      if (listed || registry.get(item.factorId)?.uncertainty !== undefined) return `factor:${item.factorId}`;
    }
    return undefined;
  };
  for (const process of system.processes) {
    for (const item of process.items) {
      const factorId = item.detail.factors?.[0]?.id;
      const path = formatPath(item.path);
      const term = termOf({ kind: item.kind, factorId, path });
      if (term === undefined || found.has(term)) continue;
      if (term.startsWith('entry:')) {
        usedKeys.add(path);
        // The central value of an entry is 1 × its burden: distributions by path are given
        // relative to the entry as written, so bounds are in the entry's amount unit.
        found.set(term, { term: { id: path, kind: 'entry', distribution: given[path]!.distribution, from: 'options' }, uncertainty: given[path]!, value: entryAmount(item) });
      } else {
        const record = registry.get(factorId!)!;
        const listed = Object.hasOwn(given, factorId!);
        if (listed) usedKeys.add(factorId!);
        const uncertainty = listed ? given[factorId!]! : record.uncertainty!;
        found.set(term, { term: { id: factorId!, kind: 'factor', distribution: uncertainty.distribution, from: listed ? 'options' : 'factor record' }, uncertainty, value: record.value });
      }
    }
  }
  for (const key of Object.keys(given)) {
    if (!usedKeys.has(key)) {
      throw new UnresolvedReferenceError(`uncertainty is given for "${key}", which is neither a factor the model uses nor the path of one of its emission entries or inputs`);
    }
  }
  const ordered = [...found.keys()].sort();
  const terms = ordered.map((key) => found.get(key)!.term);
  const distributions = ordered.map((key) => {
    const { uncertainty, value, term } = found.get(key)!;
    return termDistribution(uncertainty, value, [term.id]);
  });
  const float = floatSystem(system, ordered, termOf);
  const perDeclared = new Float64Array(system.products.length);
  for (const footprint of result.products) {
    const index = system.productByFlow.get(footprint.flow)!;
    perDeclared[index] = amountIn(footprint.declaredUnit, system.products[index]!.unit).toNumber();
  }
  return { result, system, float, terms, distributions, perDeclared };
}

/**
 * The central value an entry's distribution refers to: its amount as written ("1200 t" → 1200),
 * so bounds and sd are in the entry's own unit; for a method (no single amount) 1, so the
 * distribution reads as a multiplier (normal sd 0.05 = 5 %).
 */
function entryAmount(item: { readonly detail: { readonly quantity?: string } }): Decimal {
  const text = item.detail.quantity?.split(' ')[0];
  return text === undefined ? ONE : toDecimal(text);
}

