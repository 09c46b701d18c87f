import { SmeltprintError, FactorNotFoundError, InvalidNumberError, InvalidOptionError, UnknownProductError } from '../core/errors.js';
import { processContributions } from '../graph/contributions.js';
import { formatPath, isIssue, makeIssue, type DocumentPath, type Issue } from '../core/issues.js';
import type { Decimal } from '../decimal/decimal.js';
import { checkMagnitude } from '../decimal/decimal.js';
import { builtinFactorRegistry } from '../factors/datasets/index.js';
import { createFactorRegistry, factorResolver, mergeRegistries, type FactorRegistry } from '../factors/index.js';
import type { FactorQuery, FactorRecord, ResolvedFactor } from '../factors/types.js';
import { greenPowerDoubleCounting, toLocationBased, type Scope2Method } from './scope2.js';
import { autoByProcess } from './byProcessPolicy.js';
import { toCO2e } from '../gases/gwp.js';
import type { GasOrCO2e, GwpSetId } from '../gases/types.js';
import { buildSystem, factorReference, type MethodOutcome } from '../graph/build.js';
import { explainProduct, type ExplainNode, type ExplainOptions } from '../graph/explain.js';
import { declaredUnitOf, findProductIndex, productFootprint, productOf, requireResult, withLazyProducts, type FootprintResult, type ProductFootprint } from '../graph/results.js';
import { solveSystem, type Solution } from '../graph/solve.js';
import type { System } from '../graph/system.js';
import { defaultMethodRegistry } from '../methods/index.js';
import { evaluateMethod, type MethodRegistry } from '../methods/registry.js';
import type { EmissionEntry, Model, Process } from '../model/types.js';
import { modelOf } from '../model/modelInput.js';
import { checkComputeValues, COMPUTE_OPTION_NAMES } from './checkOptions.js';
import { optionsObject } from '../core/options.js';
import { amountIn, formatQuantity, parseQuantity } from '../quantity/index.js';
import { isConvertible } from '../units/index.js';
import { splitTimeVaryingInputs, type ActivityPeriods } from './timeVaryingInputs.js';
import type { Quantity } from '../quantity/types.js';
import { appendAll } from '../core/lists.js';

export interface ComputeOptions {
  /** GWP set for CO2e; the model's own set by default. */
  readonly gwp?: GwpSetId;
  /** One declared unit for every product, e.g. "1 kg". */
  readonly per?: string | Quantity;
  /** Factors available to the model (built-in datasets by default); the model's own are added. */
  readonly factors?: FactorRegistry;
  readonly methods?: MethodRegistry;
  /**
   * Per-process contributions for every product cost time and memory proportional to processes ×
   * products (and to the cube of a loop's size); `auto` keeps them for models of up to 300
   * processes whose loops have at most 60 processes (see byProcessPolicy.ts). Otherwise ask for
   * one product's with `withProcessContributions(result, flow)`.
   */
  readonly byProcess?: boolean | 'auto';
  /**
   * `market` (default) computes the model as written: instrument-backed purchases at their
   * contract factors. `location` prices all grid electricity at the average grid factor.
   */
  readonly scope2?: Scope2Method;
  /**
   * Sub-period amounts of inputs filled from activity data (`fillActivity`), keyed by the
   * input's formatted path: a factor family with several members over the period (yearly grid
   * factors for a 2022–2023 model) then splits the input by these rows rather than by days.
   */
  readonly activityPeriods?: ActivityPeriods;
}

/** Registries a model is computed against: built-ins (or the caller's) plus the model's factors. */
export interface ComputeContext {
  readonly factors: FactorRegistry;
  readonly methods: MethodRegistry;
}

/** The registries `computeFootprints` uses by default, for validation by the same rules. */
export function defaultComputeContext(options: Pick<ComputeOptions, 'factors' | 'methods'> = {}): ComputeContext {
  return { factors: options.factors ?? builtinFactorRegistry(), methods: options.methods ?? defaultMethodRegistry() };
}

/**
 * Footprints of every product of a model, per declared unit, with breakdowns by gas, scope,
 * category and process, and an audit tree per product (`result.explain(flow)`).
 * Accepts a parsed `Model` or a raw document (parsed and validated first).
 *
 * @example
 * const result = computeFootprints(loadedDocument);
 * result.products[0].total.toFixed(); // t CO2e per declared unit, exact
 * result.explain('aluminium-ingot');   // tree down to each emission and factor
 */
export function computeFootprints(input: Model | unknown, given: ComputeOptions = {}): FootprintResult {
  const options = computeOptions(given, 'computeFootprints', COMPUTE_OPTION_NAMES);
  const context = defaultComputeContext(options);
  const parsed = computeInput(input, context);
  const scope2 = options.scope2 ?? 'market';
  const located = scope2 === 'location' ? toLocationBased(parsed) : parsed;
  const gwp = options.gwp ?? located.gwp;
  const factors = located.factors.length === 0 ? context.factors : mergeModelFactors(context.factors, located.factors);
  // Time-varying factors: each sub-period's amount at that sub-period's factor.
  const timeVarying = splitTimeVaryingInputs(located, factors, options.activityPeriods);
  const model = timeVarying.model;
  const warnings: Issue[] = [...timeVarying.notes];
  const trackOrigins = options.byProcess === 'auto' || options.byProcess === undefined ? autoByProcess(model) : options.byProcess;

  // Factors by input, for the double-counting check of instrument-backed purchases (scope2.ts):
  // kept only when the model has such a purchase, as a text key per priced input is not free.
  const resolvedByPath = model.processes.some((p) => p.inputs.some((i) => i.instrument !== undefined)) ? new Map<string, FactorRecord>() : undefined;
  const usedFactors = new Set<FactorRecord>();
  const resolveOnce = factorResolver(factors, model.period, model.region);
  const resolve = (query: FactorQuery, path: DocumentPath): ResolvedFactor => {
    let resolved: ResolvedFactor;
    try {
      resolved = resolveOnce(query);
    } catch (error) {
      throw atPath(error, path);
    }
    const timeVaryingSelection = query.vintage === undefined ? undefined : timeVarying.selections.get(`${formatPath(path)}\u0000${query.vintage}`);
    // A piece of a split input: its vintage is the sub-period, not a user's override.
    if (timeVaryingSelection !== undefined) resolved = Object.freeze({ record: resolved.record, selection: timeVaryingSelection });
    noteFactorUse(resolved, gwp, path, warnings);
    usedFactors.add(resolved.record);
    // Keyed by the input's path (the factor field's parent), for checks across inputs.
    resolvedByPath?.set(formatPath(path.at(-1) === 'factor' ? path.slice(0, -1) : path), resolved.record);
    return resolved;
  };

  const system = buildSystem(model, {
    resolveFactor: resolve,
    evaluateMethod: (process, entry) => evaluateEntry(context.methods, model, process, entry, gwp, resolve),
    characterize: (gas: GasOrCO2e, tonnes: Decimal) => (gas === 'CO2e' ? tonnes : toCO2e(gas, tonnes, gwp)),
    trackOrigins,
  });
  const solution = solveSystem(system);
  if (scope2 === 'market' && resolvedByPath !== undefined) appendAll(warnings, greenPowerDoubleCounting(model, resolvedByPath));
  appendAll(warnings, unverifiedNote(usedFactors));
  const per = options.per === undefined ? undefined : declaredPer(options.per);
  const footprintOptions = { gwp, declaredUnits: model.declaredUnits, ...(per === undefined ? {} : { per }) };
  // Products are made when first read, so a writer can make them one at a time and drop each
  // (productsInTurn): at 100,000 processes the full list is a fifth of the heap. A declared unit
  // that does not fit its product is still refused here, before anything is returned.
  const order = [...system.products].sort((a, b) => (a.flow < b.flow ? -1 : a.flow > b.flow ? 1 : 0));
  for (const p of order) declaredUnitOf(p.flow, p.unit, footprintOptions);
  const make = (p: System['products'][number]) => productFootprint(system, solution, p.index, footprintOptions);
  let products: readonly ProductFootprint[] | undefined;
  const allProducts = () => (products ??= Object.freeze(order.map(make)));
  function* inTurn(): Generator<ProductFootprint> {
    if (products !== undefined) yield* products;
    else for (const p of order) yield make(p);
  }
  let byFlow: ReadonlyMap<string, ProductFootprint> | undefined;
  const of = (flow: string): ProductFootprint | undefined => {
    if (products !== undefined) return (byFlow ??= new Map(products.map((p) => [p.flow, p]))).get(flow);
    const index = system.productByFlow.get(flow);
    return index === undefined ? undefined : make(system.products[index]!);
  };

  if (per !== undefined) {
    for (const p of system.products) {
      if (!isConvertible(per.unit, p.unit)) {
        warnings.push(makeIssue('per_not_applicable', p.path, `"${p.flow}" is measured in ${p.unit.symbol}: it stays declared per 1 ${p.unit.symbol}, not per ${formatQuantity(per)}`, 'info'));
      }
    }
  }

  const explain = (flow: string, explainOptions: Pick<ExplainOptions, 'suppliers'> = {}): ExplainNode => {
    const index = findProductIndex(system, flow);
    const product = system.products[index]!;
    const declared = declaredUnitOf(product.flow, product.unit, footprintOptions);
    return explainProduct(system, solution, index, { amount: amountIn(declared, product.unit), ...(explainOptions.suppliers === undefined ? {} : { suppliers: explainOptions.suppliers }) });
  };

  const result: FootprintResult = {
    model: Object.freeze({ id: model.id, ...(model.name === undefined ? {} : { name: model.name }) }),
    period: Object.isFrozen(model.period) ? model.period : Object.freeze({ ...model.period }),
    ...(model.region === undefined ? {} : { region: model.region }),
    gwp,
    scope2,
    get products() {
      return allProducts();
    },
    warnings: Object.freeze(dedupe(warnings)),
    explain,
  };
  withLazyProducts(result, { inTurn, of });
  // explain is a function: keep it off JSON.stringify's and spread's way.
  Object.defineProperty(result, 'explain', { enumerable: false, value: explain });
  Object.defineProperty(result, 'system', { enumerable: false, value: system });
  Object.defineProperty(result, 'solution', { enumerable: false, value: solution });
  return Object.freeze(result);
}

/**
 * Location-based and market-based results side by side (GHG Protocol Scope 2 dual reporting).
 *
 * @example
 * const { location, market } = computeScope2Comparison(model);
 */
export function computeScope2Comparison(input: Model | unknown, given: Omit<ComputeOptions, 'scope2'> = {}): { location: FootprintResult; market: FootprintResult } {
  const options = computeOptions(given, 'computeScope2Comparison', COMPUTE_OPTION_NAMES.filter((name) => name !== 'scope2'));
  const context = defaultComputeContext(options);
  const model = computeInput(input, context);
  return Object.freeze({ location: computeFootprints(model, { ...options, ...context, scope2: 'location' }), market: computeFootprints(model, { ...options, ...context, scope2: 'market' }) });
}

/**
 * The per-process contributions of one product, computed on demand (one demand solve) — for
 * results computed without them (`byProcess: false`, or `auto` on a large model). Returns the
 * result with that product's `byProcess` filled; other products are unchanged.
 *
 * @example
 * const detailed = withProcessContributions(computeFootprints(big, { byProcess: false }), 'aluminium-ingot');
 */
export function withProcessContributions(result: FootprintResult, flow: string): FootprintResult {
  const detailed = detailedProduct(result, flow);
  const products = result.products;
  if (products.some((p) => p.flow === flow && p.byProcess !== undefined)) return result;
  return derivedResult(result, products.map((p) => (p.flow === flow ? detailed : p)));
}

/**
 * The result of one product alone, with its per-process contributions (what `smeltprint
 * footprint --product FLOW` reports). Only that product is made: asking for one product of a
 * large model costs one product, not all of them.
 *
 * @example
 * resultForProduct(computeFootprints(big), 'aluminium-ingot').products // [ingot, with byProcess]
 */
export function resultForProduct(result: FootprintResult, flow: string): FootprintResult {
  return derivedResult(result, [detailedProduct(result, flow)]);
}

/** The product of `flow` with its per-process contributions (computed on demand if missing). */
function detailedProduct(result: FootprintResult, flow: string): ProductFootprint {
  const system = systemOf(result);
  const solution = solutionOf(result);
  if (system === undefined || solution === undefined) throw new UnknownProductError('this result carries no compiled system: compute it with computeFootprints');
  const index = findProductIndex(system, flow); // unknown flow: the error lists the products
  const footprint = productOf(result, flow);
  if (footprint === undefined) throw new UnknownProductError(`"${flow}" is not among this result's products`);
  if (footprint.byProcess !== undefined) return footprint;
  const product = system.products[index]!;
  const byProcess = processContributions(system, solution, index, amountIn(footprint.declaredUnit, product.unit), footprint.total);
  return Object.freeze({ ...footprint, byProcess: Object.freeze(byProcess) });
}

/** A result like `result` with other products; its explanations and compiled system carried over. */
function derivedResult(result: FootprintResult, products: readonly ProductFootprint[]): FootprintResult {
  const next: FootprintResult = {
    model: result.model,
    period: result.period,
    ...(result.region === undefined ? {} : { region: result.region }),
    gwp: result.gwp,
    scope2: result.scope2,
    products: Object.freeze([...products]),
    warnings: result.warnings,
    explain: result.explain,
  };
  for (const key of ['explain', 'system', 'solution'] as const) {
    Object.defineProperty(next, key, { enumerable: false, value: (result as unknown as Record<string, unknown>)[key] });
  }
  return Object.freeze(next);
}

/**
 * The result with further warnings (those of the activity data it was computed from, say): a
 * view of it that shares its products, explanations and compiled system.
 *
 * @example
 * const result = withWarnings(computeFootprints(filled, { activityPeriods }), activityWarnings(report));
 */
export function withWarnings(result: FootprintResult, warnings: readonly Issue[]): FootprintResult {
  requireResult(result, 'withWarnings');
  if (!Array.isArray(warnings) || !warnings.every(isIssue)) throw new InvalidOptionError('withWarnings takes a list of issues ({ code, path, message, severity }), such as activityWarnings(report)');
  if (warnings.length === 0) return result;
  // A copy of the result's own properties (its lazy products, explanations and compiled system
  // included), so spreading or writing it gives what the result gives.
  const next = Object.create(Object.getPrototypeOf(result) as object, {
    ...Object.getOwnPropertyDescriptors(result),
    warnings: { enumerable: true, value: Object.freeze([...result.warnings, ...warnings]) },
  }) as FootprintResult;
  return Object.freeze(next);
}

/** The solved system behind a result (per-unit footprint vectors and equations), for reports. */
export function solutionOf(result: FootprintResult): Solution | undefined {
  return (result as unknown as { solution?: Solution }).solution;
}

/** The compiled system behind a result (for reports that walk the graph, e.g. Sankey diagrams). */
export function systemOf(result: FootprintResult): System | undefined {
  return (result as unknown as { system?: System }).system;
}

function evaluateEntry(
  methods: MethodRegistry,
  model: Model,
  process: Process,
  entry: Extract<EmissionEntry, { kind: 'method' }>,
  gwp: GwpSetId,
  resolve: (query: FactorQuery, path: DocumentPath) => ResolvedFactor,
): MethodOutcome {
  const withPath = [...entry.path, 'with'];
  const result = evaluateMethod(methods, entry.method, entry.with, {
    processId: process.id,
    production: process.outputs[0]!.quantity,
    period: model.period,
    ...(model.region === undefined ? {} : { region: model.region }),
    gwp,
    resolveFactor: (query) => resolve(query, withPath),
    path: withPath,
  });
  return {
    emissions: result.emissions,
    detail: {
      formula: result.formula,
      citation: result.citation,
      values: result.values,
      factors: result.factors.map((record) => factorReference(record)),
      ...(result.notes === undefined ? {} : { notes: result.notes }),
    },
  };
}

function noteFactorUse(resolved: ResolvedFactor, gwp: GwpSetId, path: DocumentPath, warnings: Issue[]): void {
  const record = resolved.record;
  if (record.gas === 'CO2e' && record.gwp !== undefined && record.gwp !== gwp) {
    warnings.push(
      makeIssue('gwp_basis_mixed', path, `factor "${record.id}" is in CO2e characterized with ${record.gwp}; the run uses ${gwp} and cannot re-characterize it`, 'warning'),
    );
  }
  if (resolved.outsideValidity === true) {
    warnings.push(
      makeIssue(
        'factor_outside_validity',
        path,
        `factor "${record.id}" is valid ${record.valid?.from ?? '?'} to ${record.valid?.to ?? '?'}, outside the model's period; it was used because the model names it by id`,
        'warning',
      ),
    );
  }
  if (resolved.vintageOverride !== undefined) {
    warnings.push(makeIssue('vintage_override', path, `factor "${record.id}" chosen by explicit vintage: ${resolved.vintageOverride}`, 'info'));
  }
}

/** One note listing every factor used whose value is tagged unverified ([V-3p] or [R]). */
function unverifiedNote(records: Iterable<FactorRecord>): Issue[] {
  const unverified = [...new Set([...records].filter((r) => r.confidence === 'R' || r.confidence === 'V-3p').map((r) => `${r.id} [${r.confidence}]`))].sort();
  if (unverified.length === 0) return [];
  return [
    makeIssue(
      'unverified_factor',
      [],
      `${unverified.length} factor${unverified.length === 1 ? ' is' : 's are'} tagged unverified (third-party transcription or recalled); confirm against the source before relying on them: ${unverified.join(', ')}`,
      'info',
    ),
  ];
}

// Notes about a factor are about the factor, not each place it is used: one note per factor,
// pointing at its first use.
const ONCE_PER_FACTOR = new Set(['gwp_basis_mixed', 'vintage_override', 'factor_outside_validity']);

function dedupe(issues: readonly Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const where = ONCE_PER_FACTOR.has(issue.code) ? '' : issue.path.join('\u0000');
    const key = `${issue.code}\u0000${where}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Validation catches repeated ids (duplicate_factor); a clash it cannot see (a family named like
// another factor) still points at the model's factors rather than nowhere.
function mergeModelFactors(registry: FactorRegistry, records: readonly FactorRecord[]): FactorRegistry {
  try {
    return mergeRegistries(registry, createFactorRegistry(records));
  } catch (error) {
    throw atPath(error, ['factors']);
  }
}

// `per` comes from the caller (the CLI's --per): a zero or negative declared unit gives meaningless
// footprints, and "1e9000000000000000 kg" ones too long to write out (memory exhausted).
function declaredPer(per: string | Quantity): Quantity {
  const quantity = typeof per === 'string' ? parseQuantity(per) : per;
  if (!quantity.amount.gt(0)) throw new InvalidNumberError(`per must be a positive amount, got ${formatQuantity(quantity)}`);
  checkMagnitude(quantity.amount);
  return quantity;
}

function atPath(error: unknown, path: DocumentPath): unknown {
  if (error instanceof FactorNotFoundError && error.path === undefined) {
    return new FactorNotFoundError(error.request, error.message, { path });
  }
  if (error instanceof SmeltprintError && error.path === undefined) {
    const copy = new SmeltprintError(error.code, error.message, { path, cause: error });
    return Object.setPrototypeOf(copy, Object.getPrototypeOf(error)) as SmeltprintError;
  }
  return error;
}

/** ComputeOptions as JavaScript callers pass them, checked (see optionsObject, checkComputeValues). */
function computeOptions<T extends ComputeOptions>(given: T | null | undefined, what: string, known: readonly string[]): T {
  const options = optionsObject(given, what, known) as T;
  checkComputeValues(options as Readonly<Record<string, unknown>>);
  return options;
}

/**
 * The Model of a "Model or document" argument, with factor and method ids looked up in the
 * registries the computation will use (see `modelOf`).
 */
export function computeInput(input: unknown, context: ComputeContext): Model {
  return modelOf(input, { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) });
}
