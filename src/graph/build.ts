import { MissingAllocationError, SmeltprintError, UnitMismatchError, UnresolvedReferenceError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { Decimal, ONE, ZERO } from '../decimal/decimal.js';
import { timesRounded } from '../decimal/kernel.js';
import type { FactorQuery, FactorRecord, ResolvedFactor } from '../factors/types.js';
import type { Category, Scope } from '../gases/categories.js';
import type { GasId, GasOrCO2e } from '../gases/types.js';
import type { EmissionEntry, Input, Model, Output, Process } from '../model/types.js';
import { amountIn, formatQuantity, multiply } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import type { Unit } from '../units/types.js';
import { convertFactor, isConvertible, parseUnit } from '../units/index.js';
import { allocationShares } from './allocation.js';
import { withSweepLayout } from './solve.js';
import { gasKeyTexts, recycledKeyText } from './keys.js';
import type { DirectItem, FactorReference, FreeInput, ItemDetail, Link, Product, System, SystemProcess } from './system.js';
import { oneCellVector, type BurdenVector, type Cell } from './vector.js';

/** A method's emissions and explanation, as the layer above evaluates them. */
export interface MethodOutcome {
  readonly emissions: readonly { readonly gas: GasId; readonly amount: Decimal; readonly category: Category; readonly label?: string }[];
  readonly detail: ItemDetail;
}

/** What the graph needs from the layers above it (it knows nothing of metals or methods). */
export interface BuildHooks {
  readonly resolveFactor: (query: FactorQuery, path: DocumentPath) => ResolvedFactor;
  readonly evaluateMethod: (process: Process, entry: Extract<EmissionEntry, { kind: 'method' }>) => MethodOutcome;
  /** CO2e of a mass of gas (tonnes) under the run's GWP set; CO2e passes through unchanged. */
  readonly characterize: (gas: GasOrCO2e, tonnes: Decimal) => Decimal;
  /** Keep the causing process in every burden key (per-process contributions). */
  readonly trackOrigins: boolean;
}

// Shared by every declared emission (a large model has hundreds of thousands).
const DECLARED_NOTES: readonly string[] = Object.freeze(['declared by the model (primary data)']);

const FACTOR_FORMULA = 'E = activity × EF';

/**
 * A link to another product. Its quantity text ("1350 t") is made when an explanation asks for it:
 * a large model has hundreds of thousands of links, and the texts, kept from compile to the end,
 * were a fifth of the compile time in garbage collection. JSON and `toJSON` give the same fields
 * as a plain link; a spread (`{ ...link }`) leaves `quantity` out.
 */
class StatedLink implements Link {
  readonly #stated: Quantity;

  constructor(
    readonly kind: Link['kind'],
    readonly label: string,
    readonly path: DocumentPath,
    readonly provider: number,
    readonly amount: Decimal,
    stated: Quantity,
  ) {
    this.#stated = stated;
  }

  get quantity(): string {
    return formatQuantity(this.#stated);
  }

  toJSON(): Link {
    return { kind: this.kind, label: this.label, path: this.path, provider: this.provider, amount: this.amount, quantity: this.quantity };
  }
}

/** The detail of an item whose quantity text is made when asked for (see StatedLink). */
class StatedDetail implements ItemDetail {
  readonly #stated: Quantity;
  readonly formula?: string;
  readonly factors?: readonly FactorReference[];
  readonly notes?: readonly string[];

  constructor(stated: Quantity, fields: { readonly formula?: string | undefined; readonly factors?: readonly FactorReference[] | undefined; readonly notes?: readonly string[] | undefined }) {
    this.#stated = stated;
    // Only the fields given, as a literal would have them (explanations list what is there).
    if (fields.formula !== undefined) this.formula = fields.formula;
    if (fields.factors !== undefined) this.factors = fields.factors;
    if (fields.notes !== undefined) this.notes = fields.notes;
  }

  get quantity(): string {
    return formatQuantity(this.#stated);
  }

  /** The same detail with other notes. */
  withNotes(notes: readonly string[]): StatedDetail {
    return new StatedDetail(this.#stated, { formula: this.formula, factors: this.factors, notes });
  }

  toJSON(): ItemDetail {
    return {
      ...(this.formula === undefined ? {} : { formula: this.formula }),
      quantity: this.quantity,
      ...(this.factors === undefined ? {} : { factors: this.factors }),
      ...(this.notes === undefined ? {} : { notes: this.notes }),
    };
  }
}

/** Scope by category (DESIGN.md): on-site emissions 1, purchased energy 2, everything else 3. */
export function scopeOf(category: Category): Scope {
  switch (category) {
    case 'fuel-combustion':
    case 'process':
    case 'anode':
    case 'pfc':
    case 'carbonate':
      return '1';
    case 'electricity':
    case 'heat':
      return '2';
    default:
      return '3';
  }
}

/** Category of a factor-priced input when neither the input nor the factor says. */
export function inferCategory(flow: string): Category {
  const name = flow.toLowerCase();
  if (/electric|power|grid/.test(name)) return 'electricity';
  if (/heat|steam/.test(name)) return 'heat';
  if (/transport|freight|shipping/.test(name)) return 'transport';
  return 'materials';
}

/**
 * Compiles a validated model into the generic system the solver works on: direct burdens per
 * process, links between products, allocation shares. Methods and factors come through `hooks`.
 */
export function buildSystem(model: Model, hooks: BuildHooks): System {
  const processIndex = new Map(model.processes.map((p, i) => [p.id, i]));
  const products: Product[] = [];
  // Products of each process (one to a few), by process index.
  const productsOfProcess: number[][] = model.processes.map(() => []);
  const productOf = (pi: number, flow: string): number | undefined => {
    for (const index of productsOfProcess[pi]!) if (products[index]!.flow === flow) return index;
    return undefined;
  };
  const productByFlow = new Map<string, number>();
  const allocations: ({ method: string; shares: Record<string, string> } | undefined)[] = [];

  // First pass: products and allocation shares, so links can point at any product.
  model.processes.forEach((process, pi) => {
    const carriers = process.outputs.filter((o) => !o.waste && o.substitutes === undefined);
    if (carriers.length === 0) {
      throw new MissingAllocationError(
        `process "${process.id}" has no output that can carry its burden (every output is waste or substituted)`,
        { path: [...process.path, 'outputs'] },
      );
    }
    const shares = carriers.length === 1 ? [ONE] : allocationShares(allocationWeights(process, carriers), [...process.path, 'allocation'], carriers.map((o) => o.flow));
    // Shares are shown for processes that split their burden only.
    const shareText = carriers.length > 1 ? (Object.create(null) as Record<string, string>) : undefined;
    carriers.forEach((output, k) => {
      const index = products.length;
      products.push({
        index,
        flow: output.flow,
        process: pi,
        amount: output.quantity.amount,
        unit: output.quantity.unit,
        share: shares[k]!,
        path: output.path,
      });
      productsOfProcess[pi]!.push(index);
      productByFlow.set(output.flow, index);
      if (shareText !== undefined) shareText[output.flow] = shares[k]!.toFixed();
    });
    allocations.push(shareText !== undefined ? { method: process.allocation?.method ?? 'mass', shares: shareText } : undefined);
  });

  const referenceProduct = (processId: string, path: DocumentPath): number => {
    const pi = processIndex.get(processId);
    if (pi === undefined) throw new UnresolvedReferenceError(`no process "${processId}" in the model`, { path });
    const first = model.processes[pi]!.outputs[0]!;
    const index = productOf(pi, first.flow);
    if (index === undefined) {
      throw new UnresolvedReferenceError(`the reference output "${first.flow}" of process "${processId}" is waste or substituted and cannot supply`, { path });
    }
    return index;
  };

  // Factor-to-gas-mass conversions, factors as explanations show them, and key texts, shared by
  // all inputs of this build.
  const cache: BuildCache = { conversions: new Map(), references: new Map(), keyText: gasKeyTexts() };

  const processes: SystemProcess[] = model.processes.map((process, pi) => {
    const items: DirectItem[] = [];
    const links: Link[] = [];
    const freeInputs: FreeInput[] = [];
    const origin = hooks.trackOrigins ? process.id : undefined;
    const vectorOf = (entries: readonly BurdenEntry[]): BurdenVector => {
      if (entries.length === 1) {
        // Most items: one gas, one cell, no Map.
        const { key, gas, mass } = entries[0]!;
        return oneCellVector(key, sharedCell(mass, gas === undefined ? ZERO : hooks.characterize(gas, mass)));
      }
      const map = new Map<string, Cell>();
      for (const { key, gas, mass } of entries) {
        const co2e = gas === undefined ? ZERO : hooks.characterize(gas, mass);
        const previous = map.get(key);
        map.set(key, previous === undefined ? sharedCell(mass, co2e) : sharedCell(previous.mass.plus(mass), previous.co2e.plus(co2e)));
      }
      if (map.size !== 1) return map;
      const [key, cell] = map.entries().next().value!;
      return oneCellVector(key, cell);
    };
    // Emissions declared on a process of the model (and its methods) are its own: scope 1 whatever
    // their category. Factor-priced inputs take their scope from the category (scopeOf).
    const gasKey = (gas: GasOrCO2e, category: Category, basis?: string, scope: Scope = scopeOf(category)): string =>
      cache.keyText(gas, basis, scope, category, origin);

    process.emissions.forEach((entry) => {
      if (entry.kind === 'declared') {
        const tonnes = gasTonnes(entry.quantity, entry.gas, entry.path);
        items.push({
          kind: 'declared',
          label: entry.label ?? `${entry.gas} (${entry.category})`,
          path: entry.path,
          vector: vectorOf([{ key: gasKey(entry.gas, entry.category, undefined, '1'), gas: entry.gas, mass: tonnes }]),
          detail: new StatedDetail(entry.quantity, { notes: DECLARED_NOTES }),
        });
        return;
      }
      const outcome = hooks.evaluateMethod(process, entry);
      items.push({
        kind: 'method',
        label: entry.method,
        path: entry.path,
        vector: vectorOf(outcome.emissions.map((e) => ({ key: gasKey(e.gas, e.category, undefined, '1'), gas: e.gas, mass: e.amount }))),
        detail: outcome.detail,
      });
    });

    process.inputs.forEach((input) => {
      const recycled = recycledTracking(input, origin);
      if (input.from !== undefined) {
        linkFromProcess(input, recycled);
      } else if (input.factor !== undefined) {
        const priced = priceInput(input, hooks, gasKey, cache);
        // Built field by field: a spread would carry the priced entries along (kept for nothing)
        // and give every item a hidden class of its own.
        items.push({ kind: priced.kind, label: priced.label, path: priced.path, vector: vectorOf(recycled.length === 0 ? priced.entries : [...priced.entries, ...recycled]), detail: priced.detail });
      } else if (input.recycled !== undefined) {
        freeInputs.push({
          label: input.flow,
          path: input.path,
          reason: 'recycled input under the cut-off approach: enters burden-free',
          quantity: formatQuantity(input.quantity),
        });
        if (recycled.length > 0) {
          items.push({
            kind: 'recycled-input',
            label: `${input.flow} (recycled, cut-off)`,
            path: input.path,
            vector: vectorOf(recycled),
            detail: { quantity: formatQuantity(input.quantity), notes: ['burden-free under the cut-off approach; counted in recycled content'] },
          });
        }
      } else {
        throw new UnresolvedReferenceError(`input "${input.flow}" names neither "from" nor "factor"`, { path: input.path });
      }
    });

    function linkFromProcess(input: Input, recycled: BurdenEntry[]): void {
      const from = input.from!;
      const providerIndex = processIndex.get(from);
      if (providerIndex === undefined) {
        throw new UnresolvedReferenceError(`no process "${from}" in the model`, { path: [...input.path, 'from'] });
      }
      const provider = model.processes[providerIndex]!;
      const output = outputNamed(provider, input.flow);
      if (output === undefined) {
        throw new UnresolvedReferenceError(`process "${from}" has no output "${input.flow}"`, { path: [...input.path, 'flow'] });
      }
      if (recycled.length > 0) {
        items.push({
          kind: 'recycled-input',
          label: `${input.flow} (recycled content)`,
          path: input.path,
          vector: vectorOf(recycled),
          detail: { quantity: formatQuantity(input.quantity), notes: ['counted in recycled content'] },
        });
      }
      if (output.waste) {
        freeInputs.push({
          label: input.flow,
          path: input.path,
          reason: `waste of process "${from}": carries no burden`,
          quantity: formatQuantity(input.quantity),
        });
        return;
      }
      const target = productOf(providerIndex, output.flow);
      if (target === undefined) {
        throw new UnresolvedReferenceError(
          `output "${output.flow}" of "${from}" is credited by substitution and cannot also supply other processes; split it into two outputs`,
          { path: input.path },
        );
      }
      links.push(new StatedLink('input', `${input.flow} from ${from}`, input.path, target, convertTo(input.quantity, output.quantity, input.path), input.quantity));
    }

    process.outputs.forEach((output) => {
      if (output.waste && output.to !== undefined) {
        const treatment = referenceProduct(output.to, [...output.path, 'to']);
        const treated = products[treatment]!;
        const amount = convertToUnit(output.quantity, treated, [...output.path, 'to']);
        links.push(new StatedLink('waste-treatment', `${output.flow} treated by ${output.to}`, output.path, treatment, amount, output.quantity));
      }
      const substitute = output.substitutes;
      if (substitute === undefined) return;
      if ('from' in substitute) {
        const avoided = referenceProduct(substitute.from, [...output.path, 'substitutes']);
        const amount = convertToUnit(output.quantity, products[avoided]!, [...output.path, 'substitutes']).negated();
        links.push(new StatedLink('substitution', `${output.flow} substitutes ${substitute.from}`, output.path, avoided, amount, output.quantity));
      } else {
        const priced = priceAmount(output.quantity, substitute.factor, output.flow, output.path, undefined, undefined, hooks, gasKey, cache);
        items.push({
          kind: 'substitution-credit',
          label: `${output.flow} substitutes ${substitute.factor} (credit)`,
          path: output.path,
          vector: vectorOf(priced.entries.map((e) => ({ key: e.key, gas: e.gas, mass: e.mass.negated() }))),
          detail: priced.detail.withNotes(['system expansion: avoided production credited']),
        });
      }
    });

    return Object.freeze({
      id: process.id,
      path: process.path,
      // Each item and link frozen too: the solve reads them as compile left them (the sweep's
      // layout, made below, holds their numbers), so a change in place must not go unseen.
      items: freezeAll(items),
      links: freezeAll(links),
      freeInputs: Object.freeze(freeInputs),
      products: Object.freeze(productsOfProcess[pi]!),
      ...(allocations[pi] === undefined ? {} : { allocation: allocations[pi] }),
    });
  });

  // Frozen: results are made from the system by index when asked for, and systemOf hands it out;
  // a caller sorting its products (to list them) swapped the totals of a computed result.
  for (const product of products) Object.freeze(product);
  return Object.freeze(withSweepLayout({ processes: Object.freeze(processes), products: Object.freeze(products), productByFlow, trackOrigins: hooks.trackOrigins }));
}

/** The list and each of its entries frozen. */
function freezeAll<T>(list: T[]): readonly T[] {
  for (const entry of list) Object.freeze(entry);
  return Object.freeze(list);
}

/** Tonnes of a gas from a declared quantity in plain mass (`t`) or gas mass (`t CO2`). */
function gasTonnes(q: Quantity, gas: GasId, path: DocumentPath): Decimal {
  const target = q.unit.dimensionKey === 'mass' ? 't' : `t ${gas}`;
  try {
    return amountIn(q, target);
  } catch (error) {
    throw rethrowAt(error, path);
  }
}

function convertTo(q: Quantity, reference: Quantity, path: DocumentPath): Decimal {
  if (!isConvertible(q.unit, reference.unit)) {
    throw new UnitMismatchError(`${formatQuantity(q)} cannot be expressed in ${reference.unit.symbol}, the unit of the supplying output`, { path });
  }
  return amountIn(q, reference.unit);
}

function convertToUnit(q: Quantity, product: Product, path: DocumentPath): Decimal {
  if (!isConvertible(q.unit, product.unit)) {
    throw new UnitMismatchError(`${formatQuantity(q)} cannot be expressed in ${product.unit.symbol}, the unit of "${product.flow}"`, { path });
  }
  return amountIn(q, product.unit);
}

function recycledTracking(input: Input, origin: string | undefined): BurdenEntry[] {
  if (input.recycled === undefined || input.quantity.unit.dimensionKey !== 'mass') return [];
  return [{ key: recycledKeyText(input.recycled, origin), gas: undefined, mass: amountIn(input.quantity, 't') }];
}

/** A burden before characterization: its encoded key (keys.ts), its gas (none for scrap), its mass. */
interface BurdenEntry {
  readonly key: string;
  readonly gas: GasOrCO2e | undefined;
  readonly mass: Decimal;
}

type GasKeyMaker = (gas: GasOrCO2e, category: Category, basis?: string, scope?: Scope) => string;

/** The output of `process` that produces `flow` (a loop: this runs for every link of a model). */
function outputNamed(process: Process, flow: string): Output | undefined {
  for (const output of process.outputs) if (output.flow === flow) return output;
  return undefined;
}

/**
 * A cell whose CO2e equals its mass (CO2, and CO2e itself) holds one Decimal for both: the solver
 * then scales and sums it once, and tells such cells by identity alone (vector.ts).
 */
function sharedCell(mass: Decimal, co2e: Decimal): Cell {
  return { mass, co2e: co2e === mass || co2e.eq(mass) ? mass : co2e };
}

function priceInput(input: Input, hooks: BuildHooks, gasKey: GasKeyMaker, cache: BuildCache) {
  const priced = priceAmount(input.quantity, input.factor!, input.flow, input.path, input.vintage, input.category, hooks, gasKey, cache);
  return { kind: 'factor-input' as const, label: `${input.flow} × ${input.factor!}`, path: input.path, entries: priced.entries, detail: priced.detail };
}

/** What inputs of one build share: unit conversions, and factor references by resolution. */
interface BuildCache {
  /** Factor to gas mass, per factor and input unit; null when the units do not give a gas mass. */
  readonly conversions: Map<FactorRecord, Map<Unit, Decimal | null>>;
  /** The factor list of an item priced by a resolution (one shared list each). */
  readonly references: Map<ResolvedFactor, readonly FactorReference[]>;
  /** Encoded gas keys by their parts (see gasKeyTexts). */
  readonly keyText: ReturnType<typeof gasKeyTexts>;
}

function priceAmount(
  q: Quantity,
  factorId: string,
  flow: string,
  path: DocumentPath,
  vintage: string | undefined,
  category: Category | undefined,
  hooks: BuildHooks,
  gasKey: GasKeyMaker,
  { conversions, references }: BuildCache,
): { entries: BurdenEntry[]; detail: StatedDetail } {
  const factorPath = [...path, 'factor'];
  const resolved = hooks.resolveFactor(vintage === undefined ? { id: factorId } : { id: factorId, vintage }, factorPath);
  const record = resolved.record;
  const gas = record.gas;
  if (gas === undefined) {
    throw new UnitMismatchError(`factor "${record.id}" (${record.unit.symbol}) is not an emission factor: its unit has no gas mass`, { path: factorPath });
  }
  // Unit algebra is the same for every input priced by a factor in the same unit: done once per
  // factor and unit (units are looked up by identity: parsed units are shared, and a unit parsed
  // twice only costs a second conversion).
  let byUnit = conversions.get(record);
  if (byUnit === undefined) conversions.set(record, (byUnit = new Map()));
  let conversion = byUnit.get(q.unit);
  if (conversion === undefined) {
    const burdenUnit = multiplyUnit(q, record);
    const target = parseUnit(`t ${gas}`);
    conversion = isConvertible(burdenUnit, target) ? convertFactor(burdenUnit, target) : null;
    byUnit.set(q.unit, conversion);
  }
  if (conversion === null) {
    throw new UnitMismatchError(
      `${formatQuantity(q)} × ${record.value.toFixed()} ${record.unit.symbol} does not give a mass of ${gas}: the factor is per ${denominatorText(record.unit.symbol)}`,
      { path: [...path, 'unit'] },
    );
  }
  const mass = timesRounded(timesRounded(q.amount, record.value), conversion);
  const resolvedCategory = category ?? record.category ?? inferCategory(flow);
  let factors = references.get(resolved);
  if (factors === undefined) {
    factors = Object.freeze([factorReference(record, resolved)]);
    references.set(resolved, factors);
  }
  return {
    entries: [{ key: gasKey(gas, resolvedCategory, gas === 'CO2e' ? record.gwp : undefined), gas, mass }],
    detail: new StatedDetail(q, {
      formula: FACTOR_FORMULA,
      factors,
      ...(resolved.vintageOverride === undefined ? {} : { notes: [`vintage override: ${resolved.vintageOverride}`] }),
    }),
  };
}

function multiplyUnit(q: Quantity, record: { value: Decimal; unit: Quantity['unit'] }) {
  return multiply(q, { amount: record.value, unit: record.unit }).unit;
}

function denominatorText(symbol: string): string {
  const slash = symbol.indexOf('/');
  return slash === -1 ? symbol : symbol.slice(slash + 1);
}

/** A factor as explanations show it: value, unit, source, confidence and how it was chosen. */
export function factorReference(record: FactorRecord, resolved?: ResolvedFactor): FactorReference {
  return {
    id: record.id,
    value: record.value.toFixed(),
    unit: record.unit.symbol,
    source: describeSource(record.source),
    confidence: record.confidence,
    ...(record.dataset === undefined ? {} : { dataset: record.dataset }),
    ...(resolved === undefined ? {} : { selection: resolved.selection }),
    ...(resolved?.vintageOverride === undefined ? {} : { vintageOverride: resolved.vintageOverride }),
  };
}

export function describeSource(source: { title: string; publisher?: string; edition?: string; table?: string; equation?: string; year?: number }): string {
  return [source.publisher, source.title, source.edition, source.table, source.equation, source.year?.toString()]
    .filter((s): s is string => s !== undefined && s !== '')
    .join(', ');
}

/** Allocation weights of the outputs that carry burden, by the process's allocation rule. */
function allocationWeights(process: Process, carriers: readonly Output[]): Decimal[] {
  const allocation = process.allocation;
  const path = [...process.path, 'allocation'];
  if (allocation === undefined) {
    throw new MissingAllocationError(
      `process "${process.id}" makes ${carriers.length} products (${carriers.map((o) => o.flow).join(', ')}) but has no allocation rule`,
      { path },
    );
  }
  switch (allocation.method) {
    case 'mass':
      return carriers.map((o) => {
        if (o.quantity.unit.dimensionKey !== 'mass') {
          throw new UnitMismatchError(`mass allocation needs a mass, but "${o.flow}" is in ${o.quantity.unit.symbol}`, { path: [...o.path, 'unit'] });
        }
        return amountIn(o.quantity, 'kg');
      });
    case 'economic':
      return commonWeights(carriers.map((o) => {
        if (o.price === undefined) throw new MissingAllocationError(`economic allocation needs a price on "${o.flow}"`, { path: [...o.path, 'price'] });
        return { q: multiply(o.quantity, o.price), path: [...o.path, 'price'] };
      }));
    case 'physical':
      return commonWeights(carriers.map((o) => {
        const property = o.properties[allocation.property];
        if (property === undefined) {
          throw new MissingAllocationError(`physical allocation by "${allocation.property}" needs that property on "${o.flow}"`, { path: [...o.path, 'properties'] });
        }
        return { q: multiply(o.quantity, property), path: [...o.path, 'properties', allocation.property] };
      }));
    case 'manual':
      return carriers.map((o) => {
        const share = allocation.shares[o.flow];
        if (share === undefined) throw new MissingAllocationError(`manual allocation gives no share for "${o.flow}"`, { path: [...path, o.flow] });
        return amountIn(share, '1');
      });
  }
}

function commonWeights(items: readonly { q: Quantity; path: DocumentPath }[]): Decimal[] {
  const unit = items[0]!.q.unit;
  return items.map(({ q, path }) => {
    if (!isConvertible(q.unit, unit)) {
      throw new UnitMismatchError(`allocation values must share one unit: ${q.unit.symbol} vs ${unit.symbol}`, { path });
    }
    return amountIn(q, unit);
  });
}

function rethrowAt(error: unknown, path: DocumentPath): unknown {
  if (error instanceof SmeltprintError && error.path === undefined) {
    return new UnitMismatchError(error.message, { path });
  }
  return error;
}
