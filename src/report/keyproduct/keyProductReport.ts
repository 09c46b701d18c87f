import { InvalidOptionError, UnknownMetalError, UnknownProductError } from '../../core/errors.js';
import { formatPath } from '../../core/issues.js';
import { optionsObject } from '../../core/options.js';
import { Decimal, ZERO, sum } from '../../decimal/decimal.js';
import { toFixedString, type Rounding } from '../../decimal/rounding.js';
import { GWP_SETS, gwpOf } from '../../gases/gwp.js';
import { GAS_IDS, type GasId } from '../../gases/types.js';
import { systemOf } from '../../compute/computeFootprints.js';
import { decodeKey } from '../../graph/keys.js';
import { requireResult, type FootprintResult, type ProductFootprint } from '../../graph/results.js';
import type { System, SystemProcess } from '../../graph/system.js';
import { amountIn, formatQuantity, parseQuantity } from '../../quantity/index.js';
import { isConvertible, parseUnit } from '../../units/index.js';
import type { SankeyLink, SankeyNode } from '../svg/sankey.js';
import { inferMetal, isRawMaterialOrEnergy, metalOfFlow } from './inferMetal.js';
import { messagesFor, type Messages } from './messages.js';
import { supplyChain, type SupplyChain } from './supplyChain.js';
import type {
  AllocationStatement,
  ContributionRow,
  CutOffItem,
  DataItem,
  FactorUse,
  GwpRow,
  KeyProductOptions,
  KeyProductReport,
  LifeCycleStage,
  Metal,
  SankeyFlow,
} from './types.js';
import { LIFE_CYCLE_STAGES, METALS } from './types.js';

/** Display rounding by default: 4 decimal places, half-even (as the table report). */
export const DEFAULT_REPORT_ROUNDING: Rounding = Object.freeze({ places: 4, mode: 'HALF_EVEN' });

// GB/T 44905-2024 cut-off: a step below 1 % may be left out, all left-out steps together ≤ 5 %
// (standards.md §2.4).
const PER_STEP_LIMIT = new Decimal('0.01');
const TOTAL_LIMIT = new Decimal('0.05');
// Categories whose burden is bought in with materials (not made on site): raw material acquisition.
const UPSTREAM_CATEGORIES = new Set(['materials', 'transport']);
const UNVERIFIED_TAGS = new Set(['V-3p', 'R']);

/**
 * A product carbon footprint report following GB/T 24067-2024 and, for aluminium, GB/T 44905-2024
 * (the same structure is used for copper, lead and zinc): declared unit, cradle-to-gate boundary
 * with life-cycle stages, cut-off check (1 % per step, 5 % in total), results by stage, source,
 * process, gas and scope, the GWP values used, data sources and quality (primary vs secondary,
 * factors with provenance and confidence), allocation with its justification, and the flows for a
 * Sankey diagram. Values are exact Decimals; renderers round for display.
 *
 * @example
 * const report = keyProductReport(computeFootprints(demoModelDocument()), { lang: 'zh' });
 * report.title; // '重熔用铝锭产品碳足迹报告'
 * report.byStage.map((row) => row.key); // ['raw-material-acquisition', 'production']
 */
export function keyProductReport(result: FootprintResult, given: KeyProductOptions = {}): KeyProductReport {
  requireResult(result, 'keyProductReport');
  const options: KeyProductOptions = optionsObject(given, 'keyProductReport', ['lang', 'product', 'metal', 'stages', 'rounding']);
  const lang = options.lang ?? 'zh';
  const m = messagesFor(lang);
  const rounding = options.rounding ?? DEFAULT_REPORT_ROUNDING;
  const flow = options.product ?? defaultProduct(result);
  const chain = supplyChain(result, flow);
  const { system, footprint } = chain;
  checkStageOptions(options.stages, system);
  if (options.metal !== undefined && !(METALS as readonly string[]).includes(options.metal)) {
    throw new InvalidOptionError(`metal is one of ${METALS.join(', ')}, not ${JSON.stringify(options.metal)}`);
  }
  const metal = options.metal ?? inferMetal(flow, system.products.map((p) => p.flow));
  if (metal === undefined) {
    throw new UnknownMetalError(`cannot tell the metal of "${flow}" from the flow names; pass metal: aluminium | copper | lead | zinc (--metal on the command line)`);
  }
  const metalName = m.metals[metal];
  const total = footprint.total;
  const share = (value: Decimal): Decimal | undefined => (total.isZero() ? undefined : value.div(total));
  const row = (key: string, label: string, value: Decimal): ContributionRow => ({ key, label, value, ...optional('share', share(value)) });

  const participating = [...chain.activity.keys()].sort((a, b) => a - b);
  const processStage = defaultStages(system, chain);
  // Own keys only: a process named "constructor" must not find Object.prototype's.
  const chosenStage = (id: string): LifeCycleStage | undefined => (options.stages !== undefined && Object.hasOwn(options.stages, id) ? options.stages[id] : undefined);
  const stageOf = (processIndex: number | undefined, category: string): LifeCycleStage => {
    if (processIndex !== undefined) {
      const chosen = chosenStage(system.processes[processIndex]!.id);
      if (chosen !== undefined) return chosen;
    }
    if (UPSTREAM_CATEGORIES.has(category)) return 'raw-material-acquisition';
    return processIndex === undefined ? 'production' : processStage.get(processIndex) ?? 'raw-material-acquisition';
  };

  const processIndex = new Map(system.processes.map((p, i) => [p.id, i]));
  const stageParts = new Map<LifeCycleStage, Decimal[]>(LIFE_CYCLE_STAGES.map((s) => [s, []]));
  for (const [encoded, cell] of chain.vector) {
    const key = decodeKey(encoded);
    if (key.kind !== 'gas') continue;
    const origin = key.origin === undefined ? undefined : processIndex.get(key.origin);
    stageParts.get(stageOf(origin, key.category))!.push(cell.co2e);
  }
  const byStage = LIFE_CYCLE_STAGES.map((stage) => row(stage, m.stages[stage], sumOrZero(stageParts.get(stage)!)));

  const byValue = (a: ContributionRow, b: ContributionRow) => b.value.comparedTo(a.value) || compareText(a.key, b.key);
  const bySource = Object.entries(footprint.byCategory).map(([c, v]) => row(c, m.categories[c] ?? c, v)).sort(byValue);
  const byProcess = footprint.byProcess === undefined
    ? undefined
    : Object.entries(footprint.byProcess).map(([p, v]) => row(p, p, v)).sort(byValue);
  const byGas = Object.entries(footprint.byGas).map(([g, amount]) => ({ ...row(g, m.gases[g] ?? g, amount.co2e), mass: amount.mass }));
  const byScope = (['1', '2', '3'] as const).map((s) => row(s, m.scopes[s], footprint.byScope[s]));

  const dataItems = dataQualityItems(system, chain);
  const primary = sumOrZero(dataItems.filter((d) => d.quality === 'primary').map((d) => d.value));
  const secondary = sumOrZero(dataItems.filter((d) => d.quality === 'secondary').map((d) => d.value));
  const known = primary.plus(secondary);
  const unverifiedFactors = uniqueFactors(dataItems.flatMap((d) => d.factors)).filter((f) => f.unverified);

  const cutOff = cutOffCheck(system, chain, m);
  const statements = allocationStatements(system, participating, m);
  const { nodes, links, credits } = sankeyFlows(system, chain, m, flow);
  const declared = declaredUnitOf(footprint, metal, m);
  const credited = credits.length > 0;

  const notes: string[] = [];
  if (!declared.conforms) notes.push(m.declaredUnitNotConforming(declared.text));
  if (metal !== 'aluminium') notes.push(m.standards.gbt44905Analogy);
  notes.push(m.notes.gwpBasisUnverified(footprint.gwp));
  if (footprint.byGas.CO2e !== undefined) notes.push(m.notes.characterizedFactor);
  const biogenic = footprint.byGas['CO2-biogenic'];
  if (biogenic !== undefined) notes.push(m.notes.biogenic(toFixedString(biogenic.co2e, rounding)));
  if (credited) notes.push(m.notes.credits);
  if (unverifiedFactors.length > 0) notes.push(m.notes.unverifiedFactors(unverifiedFactors.length));
  if (!system.trackOrigins) notes.push(m.notes.noProcessBreakdown);

  const gwpSet = GWP_SETS[footprint.gwp];
  return deepFreeze({
    lang,
    title: m.title(declared.description),
    metal,
    standards: standardsFor(metal, m),
    model: result.model,
    period: result.period,
    ...optional('region', result.region),
    product: { flow, process: footprint.process, description: declared.description },
    declaredUnit: declared,
    boundary: {
      type: 'cradle-to-gate' as const,
      description: m.boundaryDescription(metalName, !footprint.recycledContent.total.isZero()),
      processes: participating.map((pi) => {
        const id = system.processes[pi]!.id;
        const chosen = chosenStage(id);
        const stage = chosen ?? processStage.get(pi) ?? 'raw-material-acquisition';
        return { id, stage, stageLabel: m.stages[stage], assignedBy: chosen === undefined ? ('default' as const) : ('option' as const) };
      }),
      stageRule: m.stageRule,
    },
    cutOff,
    total,
    unit: 't CO2e' as const,
    byStage,
    bySource,
    ...optional('byProcess', byProcess),
    byGas,
    byScope,
    gwp: { set: footprint.gwp, name: gwpSet.name, source: `${gwpSet.source.report}, ${gwpSet.source.table}`, rows: gwpRows(footprint, m) },
    dataQuality: {
      primary,
      secondary,
      ...optional('primaryShare', known.isZero() ? undefined : primary.div(known)),
      items: dataItems,
      unverifiedFactors,
    },
    allocation: { productShare: footprint.allocationShare, statements },
    sankey: { nodes, links },
    credits,
    warnings: result.warnings,
    notes,
    rounding,
  });
}

/** The final product: the one product no process of the model draws on (or the only product). */
function defaultProduct(result: FootprintResult): string {
  const flows = result.products.map((p) => p.flow);
  if (flows.length === 1) return flows[0]!;
  const system = systemOf(result);
  const consumed = new Set<string>();
  for (const process of system?.processes ?? []) {
    for (const link of process.links) if (link.kind === 'input') consumed.add(system!.products[link.provider]!.flow);
  }
  const finals = flows.filter((f) => !consumed.has(f));
  if (finals.length === 1) return finals[0]!;
  const metalFinals = finals.filter((f) => metalOfFlow(f) !== undefined);
  if (metalFinals.length === 1) return metalFinals[0]!;
  throw new UnknownProductError(`the model has several final products (${finals.join(', ')}); choose one with the product option (--product FLOW on the command line)`);
}

/** A stage given for a process the model does not have, or a stage that does not exist, is refused (a misspelt id would be ignored). */
function checkStageOptions(stages: KeyProductOptions['stages'], system: System): void {
  if (stages === undefined) return;
  const ids = new Set(system.processes.map((p) => p.id));
  for (const [id, stage] of Object.entries(stages)) {
    if (!ids.has(id)) throw new InvalidOptionError(`stages names process "${id}", which the model does not have (processes: ${[...ids].sort().join(', ')})`);
    if (!(LIFE_CYCLE_STAGES as readonly string[]).includes(stage)) {
      throw new InvalidOptionError(`stages gives process "${id}" the stage ${JSON.stringify(stage)}; stages are ${LIFE_CYCLE_STAGES.join(', ')}`);
    }
  }
}

/**
 * Production stage: the reported product's process and every process upstream of it on the
 * metal's line — one that supplies anything but a raw material or energy (bullion, calcine,
 * leach solution, prepared scrap…) — and the treatment of the line's own waste (dross). Makers of
 * raw materials and energy (alumina, baked anodes, captive power) are raw material acquisition, as
 * are processes reached only through them. Deciding by what a flow is not, rather than by the metal
 * in its name, keeps "sks-bullion" or "purified-solution" on the line (they name no metal).
 */
function defaultStages(system: System, chain: SupplyChain): Map<number, LifeCycleStage> {
  const stages = new Map<number, LifeCycleStage>();
  for (const pi of chain.activity.keys()) stages.set(pi, 'raw-material-acquisition');
  const root = system.products[chain.productIndex]!.process;
  const queue = [root];
  stages.set(root, 'production');
  while (queue.length > 0) {
    const pi = queue.shift()!;
    for (const link of system.processes[pi]!.links) {
      const supplier = system.products[link.provider]!;
      const onLine = link.kind === 'waste-treatment' || (link.kind === 'input' && !isRawMaterialOrEnergy(supplier.flow));
      if (!onLine || stages.get(supplier.process) !== 'raw-material-acquisition') continue;
      stages.set(supplier.process, 'production');
      queue.push(supplier.process);
    }
  }
  return stages;
}

function declaredUnitOf(footprint: ProductFootprint, metal: Metal, m: Messages): KeyProductReport['declaredUnit'] {
  const text = formatQuantity(footprint.declaredUnit);
  const tonne = parseUnit('t');
  const conforms = isConvertible(footprint.declaredUnit.unit, tonne) && amountIn(footprint.declaredUnit, tonne).eq(1);
  return { text, description: productDescription(footprint.flow, metal, m), conforms };
}

function productDescription(flow: string, metal: Metal, m: Messages): string {
  const name = flow.toLowerCase();
  const d = m.productDescriptions;
  if (metal === 'aluminium' && /ingot|锭/.test(name)) return d.aluminiumIngot;
  if (metal === 'aluminium' && /liquid|molten|hot-metal|液/.test(name)) return d.aluminiumLiquid;
  if (metal === 'copper' && /cathode|阴极/.test(name)) return d.copperCathode;
  if (metal === 'lead' && /ingot|bullion|refined|锭/.test(name)) return d.leadIngot;
  if (metal === 'zinc' && /ingot|slab|refined|锭/.test(name)) return d.zincIngot;
  return d.generic(m.metals[metal]);
}

function standardsFor(metal: Metal, m: Messages): KeyProductReport['standards'] {
  const list = [{ id: 'GB/T 24067-2024', ...m.standards.gbt24067 }];
  if (metal === 'aluminium') list.push({ id: 'GB/T 44905-2024', ...m.standards.gbt44905 });
  // GB/T 32151.42/.43/.44-2024 are the enterprise-level accounting standards for copper, lead and
  // zinc smelting (standards.md §2.4); they are references for on-site emissions, not product rules.
  const part = metal === 'copper' ? '42' : metal === 'lead' ? '43' : metal === 'zinc' ? '44' : undefined;
  if (part !== undefined) list.push({ id: `GB/T 32151.${part}-2024`, ...m.standards.gbt32151(part, m.metals[metal]) });
  list.push({ id: 'ISO 14067:2018', ...m.standards.iso14067 });
  return list;
}

function gwpRows(footprint: ProductFootprint, m: Messages): GwpRow[] {
  const set = GWP_SETS[footprint.gwp];
  return Object.keys(footprint.byGas).map((gas) => {
    if (!(GAS_IDS as readonly string[]).includes(gas)) return { gas, label: m.gases[gas] ?? gas, source: m.notes.characterizedFactor };
    const id = gas as GasId;
    const table = set.valueSources[id] ?? `${set.source.report}, ${set.source.table}`;
    return { gas, label: m.gases[gas] ?? gas, value: gwpOf(footprint.gwp, id), source: table };
  });
}

function dataQualityItems(system: System, chain: SupplyChain): DataItem[] {
  const items: DataItem[] = [];
  for (const { process, item, value } of chain.items) {
    if (item.kind === 'recycled-input') continue; // tracks scrap mass only; no emissions
    const factors: FactorUse[] = (item.detail.factors ?? []).map((f) => ({
      id: f.id,
      value: f.value,
      unit: f.unit,
      source: f.source,
      confidence: f.confidence,
      unverified: UNVERIFIED_TAGS.has(f.confidence),
    }));
    items.push({
      process: system.processes[process]!.id,
      label: item.label,
      path: formatPath(item.path),
      kind: item.kind,
      quality: item.kind === 'declared' || item.kind === 'method' ? 'primary' : 'secondary',
      value,
      factors,
      ...optional('citation', item.detail.citation),
    });
  }
  return items;
}

function uniqueFactors(factors: readonly FactorUse[]): FactorUse[] {
  const seen = new Map<string, FactorUse>();
  for (const f of factors) if (!seen.has(f.id)) seen.set(f.id, f);
  return [...seen.values()].sort((a, b) => compareText(a.id, b.id));
}

/** Tonnes of a quantity written as text, or undefined when it is not a mass. */
function tonnesOf(text: string | undefined): Decimal | undefined {
  if (text === undefined) return undefined;
  try {
    const q = parseQuantity(text);
    return q.unit.dimensionKey === 'mass' ? amountIn(q, 't') : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Inputs that enter without burden (recycled inputs under the cut-off approach, wastes of other
 * processes) against GB/T 44905-2024's limits, by mass: each against all mass inputs of its
 * process, and all together against the mass inputs of the chain weighted by process activity.
 */
/**
 * A process's mass inputs (the denominator of each step's share), and those by which mass enters
 * the chain (the total's): bought and burden-free inputs, and flows from a process of the model
 * that lists no mass input of its own (an alumina refinery stated by its emissions alone is where
 * its alumina enters). Flows between processes that do list theirs — matte, blister, prepared
 * scrap — are not counted again in the total: there they inflated the mass, shrank the share, and
 * made it depend on how finely the plant was split into processes.
 */
function massInputsOf(system: System, process: SystemProcess): { all: Decimal[]; entering: Decimal[] } {
  const inputs = tonnesIn(system, process);
  const enters = (supplier: SystemProcess | undefined) => supplier === undefined || tonnesIn(system, supplier).length === 0;
  return { all: inputs.map((i) => i.tonnes), entering: inputs.filter((i) => enters(i.supplier)).map((i) => i.tonnes) };
}

/** Each input of a process measured in mass, with the process of the model supplying it (none when bought or burden-free). */
function tonnesIn(system: System, process: SystemProcess): { tonnes: Decimal; supplier?: SystemProcess }[] {
  const found: { tonnes: Decimal; supplier?: SystemProcess }[] = [];
  for (const link of process.links) {
    const tonnes = link.kind === 'input' ? tonnesOf(link.quantity) : undefined;
    if (tonnes !== undefined) found.push({ tonnes, supplier: system.processes[system.products[link.provider]!.process]! });
  }
  for (const item of process.items) {
    const tonnes = item.kind === 'factor-input' ? tonnesOf(item.detail.quantity) : undefined;
    if (tonnes !== undefined) found.push({ tonnes });
  }
  for (const free of process.freeInputs) {
    const tonnes = tonnesOf(free.quantity);
    if (tonnes !== undefined) found.push({ tonnes });
  }
  return found;
}

/** Runs of a process per declared unit: the most any of its products is drawn, over its amount per run. */
function runsOf(system: System, chain: SupplyChain, pi: number): Decimal {
  let runs = ZERO;
  for (const p of system.processes[pi]!.products) {
    const drawn = chain.demand.get(p);
    if (drawn === undefined) continue;
    const product = system.products[p]!;
    const these = drawn.div(product.amount);
    if (these.gt(runs)) runs = these;
  }
  return runs;
}

function cutOffCheck(system: System, chain: SupplyChain, m: Messages): KeyProductReport['cutOff'] {
  const items: CutOffItem[] = [];
  const findings: string[] = [];
  const excludedParts: Decimal[] = [];
  const allParts: Decimal[] = [];
  for (const pi of [...chain.activity.keys()].sort((a, b) => a - b)) {
    const process = system.processes[pi]!;
    const { all, entering } = massInputsOf(system, process);
    const massInputs = sumOrZero(all);
    // By mass, a process runs as often as the chain draws its outputs — not by its share of the
    // burden, which under economic allocation hides a by-product's mass.
    const runs = runsOf(system, chain, pi);
    allParts.push(sumOrZero(entering).times(runs));
    for (const free of process.freeInputs) {
      const tonnes = tonnesOf(free.quantity);
      const share = tonnes === undefined || massInputs.isZero() ? undefined : tonnes.div(massInputs);
      const flagged = share === undefined || share.gt(PER_STEP_LIMIT);
      if (tonnes !== undefined) excludedParts.push(tonnes.times(runs));
      items.push({
        process: process.id,
        flow: free.label,
        path: formatPath(free.path),
        quantity: free.quantity,
        reason: freeInputReason(free.reason, m),
        ...optional('share', share),
        flagged,
      });
      if (share === undefined) findings.push(m.cutOffFindings.notMass(free.label, process.id));
      else if (flagged) findings.push(m.cutOffFindings.stepExceeded(free.label, process.id, percent(share)));
    }
  }
  const allMass = sumOrZero(allParts);
  const totalShare = items.length === 0 || allMass.isZero() ? undefined : sumOrZero(excludedParts).div(allMass);
  const totalFlagged = totalShare !== undefined && totalShare.gt(TOTAL_LIMIT);
  if (totalFlagged) findings.push(m.cutOffFindings.totalExceeded(percent(totalShare)));
  if (items.length === 0) findings.push(m.cutOffFindings.noneExcluded);
  else if (findings.length === 0) findings.push(m.cutOffFindings.withinLimits);
  return {
    perStepLimit: PER_STEP_LIMIT,
    totalLimit: TOTAL_LIMIT,
    rule: m.cutOffRule,
    items,
    ...optional('totalShare', totalShare),
    totalFlagged,
    findings,
  };
}

/** The engine's reason for a burden-free input (graph/build.ts), in the report's language. */
function freeInputReason(reason: string, m: Messages): string {
  if (reason.startsWith('recycled input under the cut-off approach')) return m.cutOffFindings.recycledReason;
  const waste = /^waste of process "(.*)": carries no burden$/s.exec(reason);
  return waste === null ? reason : m.cutOffFindings.wasteReason(waste[1]!);
}

function allocationStatements(system: System, participating: readonly number[], m: Messages): AllocationStatement[] {
  const statements: AllocationStatement[] = [];
  for (const pi of participating) {
    const process = system.processes[pi]!;
    const j = m.allocationJustification;
    if (process.allocation !== undefined) {
      const method = process.allocation.method;
      const justification = method === 'mass' ? j.mass : method === 'physical' ? j.physical : method === 'economic' ? j.economic : j.manual;
      statements.push({ process: process.id, method, shares: { ...process.allocation.shares }, justification });
    }
    const expands = process.links.some((l) => l.kind === 'substitution') || process.items.some((i) => i.kind === 'substitution-credit');
    if (expands) statements.push({ process: process.id, method: 'system-expansion', shares: {}, justification: j.systemExpansion });
  }
  return statements;
}

/**
 * Nodes and links of the emission Sankey: emission sources (categories) → processes → the product,
 * each link the t CO2e per declared unit it carries. Negative flows (credits) are returned apart.
 */
function sankeyFlows(system: System, chain: SupplyChain, m: Messages, flow: string) {
  const sourceId = (category: string) => `source:${category}`;
  const processId = (pi: number) => `process:${pi}`;
  const links: SankeyLink[] = [];
  const credits: SankeyFlow[] = [];
  const categories = new Set<string>();
  const label = (id: string) => (id.startsWith('source:') ? m.categories[id.slice(7)] ?? id.slice(7) : system.processes[Number(id.slice(8))]!.id);
  const add = (source: string, target: string, value: Decimal) => {
    if (value.isZero()) return;
    if (value.isNegative()) credits.push({ source: label(source), target: label(target), value });
    else links.push({ source, target, value });
  };
  for (const d of [...chain.directFlows].sort((a, b) => a.process - b.process || compareText(a.category, b.category))) {
    categories.add(d.category);
    add(sourceId(d.category), processId(d.process), d.value);
  }
  for (const e of chain.exchangeFlows) add(processId(system.products[e.provider]!.process), processId(e.consumer), e.value);
  const root = system.products[chain.productIndex]!.process;
  if (chain.footprint.total.isPositive() && !chain.footprint.total.isZero()) {
    links.push({ source: processId(root), target: 'product', value: chain.footprint.total });
  }
  const order = ['fuel-combustion', 'process', 'anode', 'pfc', 'carbonate', 'electricity', 'heat', 'materials', 'transport', 'other'];
  const nodes: SankeyNode[] = [
    ...[...categories]
      .sort((a, b) => (order.indexOf(a) - order.indexOf(b)) || compareText(a, b))
      .map((c) => ({ id: sourceId(c), label: m.categories[c] ?? c, kind: 'source' as const })),
    ...[...chain.activity.keys()].sort((a, b) => a - b).map((pi) => ({ id: processId(pi), label: system.processes[pi]!.id, kind: 'process' as const })),
    { id: 'product', label: m.sankeyNodes.product(flow, formatQuantity(chain.footprint.declaredUnit)), kind: 'product' as const },
  ];
  return { nodes, links, credits };
}

/** A share as a percentage with two decimals, for findings (e.g. "4.76 %"). */
function percent(share: Decimal): string {
  return `${toFixedString(share.times(100), { places: 2, mode: 'HALF_EVEN' })} %`;
}

function sumOrZero(values: readonly Decimal[]): Decimal {
  return values.length === 0 ? ZERO : sum(values);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !(value instanceof Decimal) && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
