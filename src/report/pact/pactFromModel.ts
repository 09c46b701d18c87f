import { InvalidOptionError, PactInputError } from '../../core/errors.js';
import { optionsObject } from '../../core/options.js';
import { computeFootprints, computeInput, defaultComputeContext, solutionOf, systemOf, type ComputeOptions } from '../../compute/computeFootprints.js';
import type { FactorRecord } from '../../factors/types.js';
import type { GwpSetId } from '../../gases/types.js';
import type { Model } from '../../model/types.js';
import type { ProductFootprint } from '../../graph/results.js';
import { isConvertible, parseUnit } from '../../units/index.js';
import type { PactMeta } from './pactMeta.js';
import { pactUrn } from './fields.js';
import type { PactProductFootprintV2 } from './schemaV2.js';
import type { PactProductFootprintV3 } from './schemaV3.js';
import { AUDIT_EXPANDED_PRODUCTS } from '../audit/toAudit.js';
import { factsOfEveryProduct } from './pactFacts.js';
import type { FactorLookup } from './secondaryFactorSources.js';
import { pactFootprint, toPact, type PactOptions } from './toPact.js';

/** Metadata for `pactFromModel`: company name and ids default to the model's `company`. */
export type PactModelMeta = Omit<PactMeta, 'companyName' | 'companyIds'> & Partial<Pick<PactMeta, 'companyName' | 'companyIds'>>;

export interface PactFromModelOptions extends Omit<PactOptions, 'factorLookup'>, Pick<ComputeOptions, 'factors' | 'methods' | 'activityPeriods'> {
  /**
   * GWP set to compute with: AR6 unless the caller insists on another (then `acceptGwp` is
   * implied and the set is declared in `ipccCharacterizationFactors`).
   */
  readonly gwp?: GwpSetId;
}

/**
 * Computes a model with AR6 per 1 kg of product (whatever GWP set and declared units the model
 * states) and returns the PACT footprint of one product — the way to get PACT output from a model
 * that uses another GWP set. Company name and ids default to the model's `company`; factor
 * sources are named from the built-in datasets and the model's own factors.
 *
 * @example
 * // The demo model names no company: the meta gives it.
 * const footprint = pactFromModel(demoModelDocument(), 'aluminium-ingot', { companyName: 'Example Aluminium Co.', companyIds: ['urn:uuid:2c7e4a4e-3d8f-4a39-9a63-0d2a7b1f5e11'] });
 * footprint.pcf.ipccCharacterizationFactors // ['AR6']
 */
export function pactFromModel(input: Model | unknown, flow: string, meta: PactModelMeta, options?: PactFromModelOptions & { readonly version?: '3.0' }): PactProductFootprintV3;
export function pactFromModel(input: Model | unknown, flow: string, meta: PactModelMeta, options: PactFromModelOptions & { readonly version: '2.3' }): PactProductFootprintV2;
export function pactFromModel(input: Model | unknown, flow: string, meta: PactModelMeta, given: PactFromModelOptions = {}): PactProductFootprintV3 | PactProductFootprintV2 {
  const options = optionsObject(given, 'pactFromModel', PACT_FROM_MODEL_OPTIONS) as PactFromModelOptions;
  const { result, fullMeta, pactOptions } = pactRun(input, meta, options);
  return toPact(result, flow, fullMeta, pactOptions);
}

/** Options of `pactFromModelAll`. */
export interface PactFromModelAllOptions extends PactFromModelOptions {
  /** Products to describe (default: every product measured in mass). */
  readonly flows?: readonly string[];
  /** Told which products the default left out (not measured in mass: PACT describes products per kg). */
  readonly onLeftOut?: (flows: readonly string[]) => void;
}

/**
 * `pactFromModel` for several products (default: every product measured in mass, as the PACT API
 * lists them), from one computation of the model: asking product by product would compute it
 * once per product. A product measured otherwise (electricity in MWh) has no PACT footprint; by
 * default it is left out, and `onLeftOut` is told which.
 *
 * @example
 * const footprints = pactFromModelAll(demoModelDocument(), { companyName: 'Example Aluminium Co.', companyIds: ['urn:uuid:2c7e4a4e-3d8f-4a39-9a63-0d2a7b1f5e11'] });
 * footprints.map((f) => f.productNameCompany)
 */
export function pactFromModelAll(input: Model | unknown, meta: PactModelMeta, options?: PactFromModelAllOptions & { readonly version?: '3.0' }): PactProductFootprintV3[];
export function pactFromModelAll(input: Model | unknown, meta: PactModelMeta, options: PactFromModelAllOptions & { readonly version: '2.3' }): PactProductFootprintV2[];
export function pactFromModelAll(input: Model | unknown, meta: PactModelMeta, given: PactFromModelAllOptions = {}): (PactProductFootprintV3 | PactProductFootprintV2)[] {
  const options = optionsObject(given, 'pactFromModelAll', [...PACT_FROM_MODEL_OPTIONS, 'flows', 'onLeftOut']) as PactFromModelAllOptions;
  if (options.flows !== undefined && (!Array.isArray(options.flows) || !options.flows.every((flow) => typeof flow === 'string'))) {
    throw new InvalidOptionError('flows is a list of product flows');
  }
  if (options.onLeftOut !== undefined && typeof options.onLeftOut !== 'function') throw new InvalidOptionError('onLeftOut is a function');
  const twice = options.flows?.find((flow, i) => options.flows!.indexOf(flow) !== i);
  if (twice !== undefined) throw new InvalidOptionError(`flows lists "${twice}" twice: the two footprints would carry one id`);
  const { result, fullMeta, pactOptions, lookup } = pactRun(input, meta, options);
  const byMass = (p: ProductFootprint) => isConvertible(p.declaredUnit.unit, KILOGRAM);
  const leftOut = options.flows === undefined ? result.products.filter((p) => !byMass(p)).map((p) => p.flow) : [];
  if (leftOut.length > 0) options.onLeftOut?.(leftOut);
  const flows = options.flows ?? result.products.filter(byMass).map((p) => p.flow);
  if (flows.length > 1) refuseOneProductMeta(meta, flows.length);
  const system = systemOf(result);
  const solution = solutionOf(result);
  // One nested explanation per product repeats every supplier under each product downstream;
  // past AUDIT_EXPANDED_PRODUCTS the facts are gathered product by product instead (same facts
  // for models without loops).
  const factsOf =
    flows.length > AUDIT_EXPANDED_PRODUCTS && system !== undefined && solution !== undefined ? factsOfEveryProduct(result, system, solution, lookup) : undefined;
  return flows.map((flow) => pactFootprint(result, flow, fullMeta, pactOptions, factsOf));
}

const PACT_FROM_MODEL_OPTIONS = ['version', 'acceptGwp', 'percentRounding', 'factors', 'methods', 'gwp', 'activityPeriods'];

/**
 * Metadata that identifies one footprint or states one product's amounts: given for several
 * products at once, every footprint would carry the same id (a receiver keeps one and drops the
 * rest) or the same per-kilogram carbon contents.
 */
const ONE_PRODUCT_META = [
  'id',
  'productIds',
  'productNameCompany',
  'precedingPfIds',
  'fossilCarbonContent',
  'biogenicCarbonContent',
  'biogenicCO2Uptake',
  'landUseChangeGhgEmissions',
] as const;

function refuseOneProductMeta(meta: PactModelMeta, products: number): void {
  for (const field of ONE_PRODUCT_META) {
    if ((meta as Record<string, unknown> | undefined)?.[field] === undefined) continue;
    throw new PactInputError(
      `meta.${field} belongs to one product's footprint, but ${products} products are asked for; ask for one product (flows: [FLOW], CLI --product FLOW)`,
      { path: ['meta', field] },
    );
  }
}

/**
 * The company of a model document stands in for meta.companyIds: an id there that is no URN is
 * reported at the model's own field (company.ids[0]), where the user must fix it, not at a
 * meta.companyIds nobody wrote.
 */
function checkModelCompanyIds(meta: PactModelMeta, model: Model): void {
  if ((meta as Partial<PactMeta> | undefined)?.companyIds !== undefined) return;
  model.company?.ids.forEach((id, i) => {
    const checked = pactUrn.safeParse(id);
    if (!checked.success) throw new PactInputError(`${checked.error.issues[0]?.message ?? 'not a URN'} (the company of the model document)`, { path: ['company', 'ids', i] });
  });
}

/** The model computed for PACT (AR6 unless asked otherwise, per 1 kg), with the metadata and options of toPact. */
function pactRun(input: Model | unknown, meta: PactModelMeta, options: PactFromModelOptions) {
  const context = defaultComputeContext(options);
  const model = computeInput(input, context);
  const gwp = options.gwp ?? 'AR6';
  const result = computeFootprints(model, { ...context, gwp, per: '1 kg', ...(options.activityPeriods === undefined ? {} : { activityPeriods: options.activityPeriods }) });
  const own = new Map<string, FactorRecord>(model.factors.map((record) => [record.id, record]));
  const company = model.company === undefined ? {} : { companyName: model.company.name, companyIds: [...model.company.ids] };
  const fullMeta = { ...company, ...meta } as PactMeta;
  const named = fullMeta as Partial<PactMeta>;
  if (named.companyName === undefined && named.companyIds === undefined) {
    throw new PactInputError('PACT needs the reporting company: companyName and companyIds in the metadata (CLI: --pact-meta FILE), or company: { name, ids } in the model document', {
      path: ['meta', 'companyName'],
    });
  }
  checkModelCompanyIds(meta, model);
  const lookup: FactorLookup = (id) => own.get(id) ?? context.factors.get(id);
  const pactOptions: PactOptions = {
    factorLookup: lookup,
    acceptGwp: gwp !== 'AR6' || options.acceptGwp === true,
    ...(options.version === undefined ? {} : { version: options.version }),
    ...(options.percentRounding === undefined ? {} : { percentRounding: options.percentRounding }),
  };
  return { result, fullMeta, pactOptions, lookup };
}


const KILOGRAM = parseUnit('kg');
