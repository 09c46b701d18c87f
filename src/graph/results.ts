import { InvalidOptionError, UnknownProductError, UnitMismatchError } from '../core/errors.js';
import { sortByText } from '../core/lists.js';
import type { Issue } from '../core/issues.js';
import { Decimal, ONE, ZERO, sum } from '../decimal/decimal.js';
import type { Scope } from '../gases/categories.js';
import type { GwpSetId } from '../gases/types.js';
import { amountIn, formatQuantity } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import { isConvertible } from '../units/index.js';
import { explainProduct, type ExplainNode, type ExplainOptions } from './explain.js';
import { decodeKey } from './keys.js';
import type { Solution } from './solve.js';
import type { System } from './system.js';
import { forEachScaledCell, type BurdenVector } from './vector.js';

/** Mass of one gas and its CO2e, per declared unit. */
export interface GasAmount {
  /** Tonnes of the gas (for `CO2e` entries: tonnes CO2e as characterized by the factor). */
  readonly mass: Decimal;
  /** Tonnes CO2e under the run's GWP set. */
  readonly co2e: Decimal;
}

/** Recycled input per declared unit of product, by scrap type (tonnes). */
export interface RecycledContent {
  readonly total: Decimal;
  readonly preConsumer: Decimal;
  readonly postConsumer: Decimal;
  readonly unspecified: Decimal;
}

/**
 * The footprint of one product per declared unit. `total` and every breakdown are in t CO2e per
 * declared unit; each breakdown adds up to `total` exactly.
 */
export interface ProductFootprint {
  readonly flow: string;
  readonly process: string;
  readonly declaredUnit: Quantity;
  readonly gwp: GwpSetId;
  readonly total: Decimal;
  readonly byGas: Readonly<Record<string, GasAmount>>;
  readonly byScope: Readonly<Record<Scope, Decimal>>;
  readonly byCategory: Readonly<Record<string, Decimal>>;
  /** Present when per-process contributions were computed. */
  readonly byProcess?: Readonly<Record<string, Decimal>>;
  readonly recycledContent: RecycledContent;
  /** Allocation share of its process's burden, as exact decimal text. */
  readonly allocationShare: Decimal;
}

export interface FootprintOptions {
  readonly gwp: GwpSetId;
  /** Declared unit per product flow (falls back to 1 of the reference output's unit). */
  readonly declaredUnits: Readonly<Record<string, Quantity>>;
  /** One declared unit for every product it fits (e.g. 1 kg for mass products), overriding `declaredUnits`. */
  readonly per?: Quantity;
}

/** Footprint of product `index`, per declared unit. */
export function productFootprint(system: System, solution: Solution, index: number, options: FootprintOptions): ProductFootprint {
  const product = system.products[index];
  if (product === undefined) throw new UnknownProductError(`no product with index ${index}`);
  const declaredUnit = declaredUnitOf(product.flow, product.unit, options);
  const perDeclared = amountIn(declaredUnit, product.unit);
  const flow = product.flow;
  const process = system.processes[product.process]!.id;
  const gwp = options.gwp;
  const allocationShare = product.share;
  const { total, byGas, byScope, byCategory, byProcess, recycledContent } = breakdowns(solution.footprints[index]!, perDeclared, system.trackOrigins);
  // Written out (not spread) for speed, in the one key order either way.
  return Object.freeze(
    byProcess === undefined
      ? { flow, process, declaredUnit, gwp, total, byGas, byScope, byCategory, recycledContent, allocationShare }
      : { flow, process, declaredUnit, gwp, total, byGas, byScope, byCategory, byProcess, recycledContent, allocationShare },
  );
}

/** The declared unit of a product: `per` if given, else the model's, else 1 reference unit. */
export function declaredUnitOf(flow: string, unit: Quantity['unit'], options: FootprintOptions): Quantity {
  // `per` is for the products it fits (1 kg for every mass product); others keep their own unit.
  const per = options.per !== undefined && isConvertible(options.per.unit, unit) ? options.per : undefined;
  const declared = per ?? options.declaredUnits[flow] ?? Object.freeze({ amount: ONE, unit });
  if (!isConvertible(declared.unit, unit)) {
    throw new UnitMismatchError(`"${flow}" is measured in ${unit.symbol}; it cannot be declared per ${formatQuantity(declared)}`);
  }
  return declared;
}

/** The terms of one gas: masses and CO2e, pairwise; `shared` while every CO2e is its mass. */
interface GasTerms {
  readonly masses: Decimal[];
  readonly co2es: Decimal[];
  shared: boolean;
}

const SCOPES = ['1', '2', '3'] as const;
const SCRAPS = ['pre-consumer', 'post-consumer', 'unspecified'] as const;

/** Breakdowns of k × vector (each cell rounded once, as scaleVector rounds it), summed exactly. */
function breakdowns(vector: BurdenVector, k: Decimal, withProcesses: boolean) {
  // Gases and categories are few per product: names in lists, found by a scan.
  const gasNames: string[] = [];
  const gasTerms: GasTerms[] = [];
  const scopes: Decimal[][] = [[], [], []];
  const categoryNames: string[] = [];
  const categoryTerms: Decimal[][] = [];
  const processes = withProcesses ? new Map<string, Decimal[]>() : undefined;
  const recycled: Decimal[][] = [[], [], []];
  const all: Decimal[] = [];
  // k × vector, as scaleVector makes it: nothing at all for k = 0.
  if (!k.isZero()) {
    forEachScaledCell(vector, k, (mass, co2e, encoded) => {
      const key = decodeKey(encoded);
      if (key.kind === 'recycled') {
        recycled[SCRAPS.indexOf(key.scrap)]!.push(mass);
        return;
      }
      all.push(co2e);
      let g = gasNames.indexOf(key.gas);
      if (g === -1) {
        g = gasNames.push(key.gas) - 1;
        gasTerms.push({ masses: [], co2es: [], shared: true });
      }
      const terms = gasTerms[g]!;
      terms.masses.push(mass);
      terms.co2es.push(co2e);
      if (co2e !== mass) terms.shared = false;
      scopes[SCOPES.indexOf(key.scope)]!.push(co2e);
      let c = categoryNames.indexOf(key.category);
      if (c === -1) {
        c = categoryNames.push(key.category) - 1;
        categoryTerms.push([]);
      }
      categoryTerms[c]!.push(co2e);
      if (processes !== undefined) push(processes, key.origin ?? '', co2e);
    });
  }
  // Gas and category names come from closed lists (none is "__proto__"): plain objects, which are
  // far smaller than null-prototype ones. Process ids are the user's: those stay null-prototype.
  const byGas: Record<string, GasAmount> = {};
  for (const g of sortedSlots(gasNames)) {
    const { masses, co2es, shared } = gasTerms[g]!;
    // CO2 (and CO2e) cells hold one Decimal for both: so does their sum.
    const mass = sum(masses);
    byGas[gasNames[g]!] = Object.freeze({ mass, co2e: shared ? mass : sum(co2es) });
  }
  const byCategory: Record<string, Decimal> = {};
  for (const c of sortedSlots(categoryNames)) byCategory[categoryNames[c]!] = sum(categoryTerms[c]!);
  const [pre, post, unspecified] = recycled as [Decimal[], Decimal[], Decimal[]];
  // Frozen through, as the product is: a breakdown changed by a caller would no longer add up to
  // the total, and every writer (JSON, reports) would print it.
  return {
    total: sum(all),
    byGas: Object.freeze(byGas),
    byScope: Object.freeze({ '1': sum(scopes[0]!), '2': sum(scopes[1]!), '3': sum(scopes[2]!) }),
    byCategory: Object.freeze(byCategory),
    byProcess: processes === undefined ? undefined : Object.freeze(sumGroups(processes, Object.create(null) as Record<string, Decimal>)),
    recycledContent: Object.freeze({
      total: pre.length + post.length + unspecified.length === 0 ? ZERO : sum([...pre, ...post, ...unspecified]),
      preConsumer: sum(pre),
      postConsumer: sum(post),
      unspecified: sum(unspecified),
    }),
  };
}

/** The indices of `names` in code-unit order of the names. */
function sortedSlots(names: readonly string[]): number[] {
  const order = new Array<number>(names.length);
  for (let i = 0; i < names.length; i++) order[i] = i;
  return sortByText(order, (i) => names[i]!);
}

function sumGroups(groups: Map<string, Decimal[]>, out: Record<string, Decimal>): Record<string, Decimal> {
  for (const [k, list] of sorted(groups)) out[k] = sum(list);
  return out;
}

function sorted<V>(map: Map<string, V>): [string, V][] {
  return sortByText([...map], ([key]) => key);
}

function push(map: Map<string, Decimal[]>, key: string, value: Decimal): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** Everything computed for a model: footprints of its products, warnings, and explanations. */
export interface FootprintResult {
  readonly model: { readonly id: string; readonly name?: string };
  readonly period: { readonly start: string; readonly end: string };
  readonly region?: string;
  readonly gwp: GwpSetId;
  /** How purchased electricity was priced: contract factors (market) or grid averages (location). */
  readonly scope2: 'market' | 'location';
  /** Sorted by flow name. */
  readonly products: readonly ProductFootprint[];
  readonly warnings: readonly Issue[];
  /** The audit tree of a product's footprint (per declared unit). */
  readonly explain: (flow: string, options?: Pick<ExplainOptions, 'suppliers'>) => ExplainNode;
}

const LAZY_PRODUCTS = Symbol('smeltprint.lazyProducts');

/** How a result makes its products without making them all (see computeFootprints). */
export interface LazyProducts {
  /** Every product, in `products` order, one at a time and not kept. */
  readonly inTurn: () => Iterable<ProductFootprint>;
  /** The product of one flow alone; undefined for a flow that is not a product. */
  readonly of: (flow: string) => ProductFootprint | undefined;
}

/**
 * Gives a result ways to make its products one at a time or one alone, without keeping them (a
 * writer that drops each product once written then never holds them all).
 */
export function withLazyProducts<T extends FootprintResult>(result: T, lazy: LazyProducts): T {
  Object.defineProperty(result, LAZY_PRODUCTS, { enumerable: false, value: lazy });
  return result;
}

function lazyProductsOf(result: FootprintResult): LazyProducts | undefined {
  return (result as { [LAZY_PRODUCTS]?: LazyProducts })[LAZY_PRODUCTS];
}

/**
 * A result's products in order: made one at a time when the result can (computeFootprints'
 * results, before `products` is first read), else its list.
 *
 * @example
 * for (const product of productsInTurn(result)) write(product);
 */
export function productsInTurn(result: FootprintResult): Iterable<ProductFootprint> {
  return lazyProductsOf(result)?.inTurn() ?? result.products;
}

/**
 * The product of `flow` in a result, made alone when the result can (the others are not made);
 * undefined when the result has no such product.
 *
 * @example
 * productOf(result, 'aluminium-ingot')?.total.toFixed()
 */
export function productOf(result: FootprintResult, flow: string): ProductFootprint | undefined {
  const lazy = lazyProductsOf(result);
  return lazy === undefined ? result.products.find((p) => p.flow === flow) : lazy.of(flow);
}

/**
 * Finds a result's products by the process and output flow that make them, indexed in one pass:
 * for checks that ask of every process or product (a search of the list each time is quadratic).
 *
 * @example
 * const productMadeBy = productsByOutput(result);
 * productMadeBy('electrolysis', 'aluminium-liquid')?.total
 */
export function productsByOutput(result: FootprintResult): (process: string, flow: string) => ProductFootprint | undefined {
  const byOutput = new Map<string, ProductFootprint>();
  for (const product of result.products) {
    const key = `${product.process}\u0000${product.flow}`;
    if (!byOutput.has(key)) byOutput.set(key, product);
  }
  return (process, flow) => byOutput.get(`${process}\u0000${flow}`);
}

export function findProductIndex(system: System, flow: string): number {
  const index = system.productByFlow.get(flow);
  if (index === undefined) {
    const known = [...system.productByFlow.keys()].sort().join(', ');
    throw new UnknownProductError(`"${flow}" is not a product of the model (products: ${known})`);
  }
  return index;
}

export { explainProduct };

/** The descriptor of a property, own or inherited (a result made with Object.create(result) is one too). */
function propertyDescriptor(value: object, key: string): PropertyDescriptor | undefined {
  for (let at: object | null = value; at !== null; at = Object.getPrototypeOf(at) as object | null) {
    const found = Object.getOwnPropertyDescriptor(at, key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A FootprintResult as the renderers need it, checked at their door: a result read back from JSON
 * (its totals are text) or any other value is refused with what to pass, rather than failing
 * inside as a TypeError. `what` names the function.
 *
 * @example
 * requireResult(JSON.parse(cached), 'footprintTable') // throws InvalidOptionError
 */
export function requireResult(result: unknown, what: string): FootprintResult {
  // Read the property's descriptor, not the property: the library's results make their products
  // when first asked for (a getter), and a large model's are made one at a time when written.
  const field = typeof result === 'object' && result !== null ? propertyDescriptor(result, 'products') : undefined;
  const products: unknown = field?.get === undefined ? field?.value : undefined;
  const first = Array.isArray(products) ? (products[0] as { total?: unknown } | undefined) : undefined;
  const usable =
    field?.get !== undefined ||
    (Array.isArray(products) && (first === undefined || (typeof first.total === 'object' && first.total !== null && typeof (first.total as { toFixed?: unknown }).toFixed === 'function')));
  if (!usable) {
    throw new InvalidOptionError(`${what} takes a result of computeFootprints; a result written to JSON and read back is data (its numbers are text), not a result`);
  }
  return result as FootprintResult;
}
