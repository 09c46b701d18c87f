import { ONE, ZERO, sum, type Decimal } from '../../decimal/decimal.js';
import type { Category } from '../../gases/categories.js';
import { inferCategory } from '../../graph/build.js';
import { decodeKey } from '../../graph/keys.js';
import { solveSystem, type Solution } from '../../graph/solve.js';
import type { DirectItem, FactorReference, Link, Product, System, SystemProcess } from '../../graph/system.js';
import { allocationShares } from '../../graph/allocation.js';
import { groupBy } from '../../core/lists.js';
import type { BurdenVector, Cell } from '../../graph/vector.js';
import type { Input, Model } from '../../model/types.js';
import { amountIn } from '../../quantity/index.js';
import { isConvertible, parseUnit } from '../../units/index.js';

/**
 * Categories whose emissions are the installation's direct emissions in CBAM: combustion, process
 * and anode CO2, PFCs from anode effects, carbonates (2025/2547 Annex I §3.17; formats.md §3.3),
 * and imported measurable heat, which Annex III attributes to direct emissions
 * (`AttrEm_Dir = DirEm* + Em_H,imp − …`, formats.md §3.6).
 */
const DIRECT_CATEGORIES: ReadonlySet<Category> = new Set(['fuel-combustion', 'process', 'anode', 'pfc', 'carbonate', 'heat']);

/** CBAM covers "carbon dioxide and perfluorocarbons" for aluminium (2023/956 Annex I; formats.md §3.2). */
const CBAM_GASES: ReadonlySet<string> = new Set(['CO2', 'CF4', 'C2F6']);

// Keys of the selected burden cells. The solver only sums and scales cells by key, so the same
// solve propagates them through the graph exactly as it propagates footprints.
const SEP = '\u0001';
const key = (...parts: string[]) => parts.join(SEP);

/** What the boundary selection keeps of a model: the installation and the flows that are precursors. */
export interface BoundarySelection {
  readonly installation: ReadonlySet<string>;
  readonly precursorFlows: ReadonlySet<string>;
  /**
   * The goods reported (and precursors made on site). An output of an installation process that is
   * none of these and that no process takes in (scrap or a by-product leaving the installation)
   * carries no embedded emissions (2025/2547 Annex II point F): its allocation share goes to the
   * process's other products.
   */
  readonly goodFlows: ReadonlySet<string>;
}

/** Selected burdens of one product per unit of its reference output, split by what CBAM needs. */
export interface BoundaryFigures {
  /** Direct emissions by gas and category (t gas, t CO2e AR5). */
  readonly direct: readonly { readonly gas: string; readonly category: string; readonly mass: Decimal; readonly co2e: Decimal }[];
  /** Gases emitted inside the boundary that CBAM does not cover (t gas). */
  readonly excluded: ReadonlyMap<string, Decimal>;
  /** Indirect emissions: electricity consumed inside the boundary × its factor (t CO2e). */
  readonly indirect: Decimal;
  /** Electricity consumed inside the boundary (MWh) and its emissions, per factor id. */
  readonly electricity: ReadonlyMap<string, { readonly consumption: Decimal; readonly emissions: Decimal }>;
  /** Tonnes of scrap by type (pre-consumer, post-consumer, unspecified). */
  readonly scrap: ReadonlyMap<string, Decimal>;
  /** Tonnes of each precursor flow consumed inside the boundary. */
  readonly precursors: ReadonlyMap<string, Decimal>;
}

/** Per-product figures of a boundary selection, plus what the selection noticed. */
export interface BoundarySolution {
  readonly figuresOf: (productIndex: number) => BoundaryFigures;
  /** Electricity factors used inside the boundary, by id. */
  readonly factors: ReadonlyMap<string, FactorReference>;
  readonly notes: readonly string[];
}

interface InputAt {
  readonly processId: string;
  readonly input: Input;
}

/**
 * Solves the model's own compiled system again with every burden replaced by the CBAM selection:
 * direct CO2/PFC cells of installation processes, electricity of installation processes, scrap
 * masses and precursor masses. Processes outside the installation keep their links (so quantities
 * flow through them) but contribute nothing; electricity taken from a power plant of the model is
 * consumed electricity at that plant's emission factor (indirect), never the metal's direct
 * emissions, whether or not the plant is inside the installation; scrap links are cut (scrap carries zero embedded
 * emissions, 2025/2547 Annex II point F) and precursor links are cut (their embedded emissions
 * enter as m_i × SEE_i, Annex III Eq. 59–63).
 *
 * @example
 * const solution = solveBoundary(model, systemOf(result)!, { installation: new Set(['electrolysis']), precursorFlows: new Set(), goodFlows: new Set(['aluminium-liquid']) });
 * solution.figuresOf(0).direct; // CO2, CF4, C2F6 of the electrolysis per t of product 0
 */
export function solveBoundary(model: Model, system: System, selection: BoundarySelection): BoundarySolution {
  const inputs = new Map<string, InputAt>();
  for (const process of model.processes) {
    for (const input of process.inputs) inputs.set(pathKey(input.path), { processId: process.id, input });
  }
  const factors = new Map<string, FactorReference>();
  const notes: string[] = [];
  // The model's own footprints (AR5 in the caller), for the emission factor of electricity that
  // a process of the model generates.
  const base = solveSystem(system);

  const processes: SystemProcess[] = system.processes.map((process) => {
    const inside = selection.installation.has(process.id);
    const items: DirectItem[] = [];
    const links: Link[] = [];
    for (const link of process.links) {
      const at = link.kind === 'input' ? inputs.get(pathKey(link.path)) : undefined;
      if (link.kind === 'substitution') {
        if (inside) notes.push(`${process.id}: the system-expansion credit "${link.label}" is not part of CBAM embedded emissions and is left out`);
        continue;
      }
      if (at !== undefined && at.input.recycled !== undefined) continue;
      if (at !== undefined && selection.precursorFlows.has(at.input.flow)) {
        if (inside) items.push(precursorItem(link.label, link.path, at.input));
        continue;
      }
      if (at !== undefined && isElectricity(at.input)) {
        // Electricity from a power plant of the model is consumed electricity (AttrEm_Indir =
        // Em_el,cons, formats.md §3.6) at that plant's emission factor; its generation is not a
        // direct emission of the goods (− Em_el,prod/exp), so the link is cut either way.
        if (inside) items.push(ownElectricityItem(link, at.input, system, base, factors));
        continue;
      }
      links.push(link);
    }
    if (inside) {
      for (const item of process.items) {
        const at = inputs.get(pathKey(item.path));
        const selected = selectItem(item, at, selection, factors, notes, process.id);
        if (selected !== undefined) items.push(selected);
      }
    }
    return { ...process, items, links };
  });

  const products = cbamShares(system, inputs, selection, notes);
  const solution = solveSystem({ ...system, processes, products, trackOrigins: false });
  return {
    figuresOf: (index) => figuresOf(solution.footprints[index] ?? new Map()),
    factors,
    notes: [...new Set(notes)],
  };
}

/**
 * The products with the allocation shares CBAM attributes: inside the installation, a process's
 * burden goes to its goods and to what the model's processes take in; outputs that leave the
 * installation otherwise (sold scrap, by-products) take none, and the others share theirs in the
 * model's proportions (exactly, summing to 1). A process none of whose carrying outputs is a good
 * or goes to another process — a casthouse whose only such output is the scrap it remelts, when the
 * liquid metal upstream is the good reported — keeps the model's shares: what leaves it is its
 * product, not its scrap, and giving its whole burden to the scrap it takes back makes a loop
 * with no solution.
 */
function cbamShares(system: System, inputs: ReadonlyMap<string, InputAt>, selection: BoundarySelection, notes: string[]): readonly Product[] {
  const taken = new Set<number>();
  const takenElsewhere = new Set<number>();
  system.processes.forEach((process, processIndex) => {
    for (const link of process.links) {
      const at = link.kind === 'input' ? inputs.get(pathKey(link.path)) : undefined;
      if (at === undefined || at.input.recycled !== undefined) continue;
      taken.add(link.provider);
      if (system.products[link.provider]!.process !== processIndex) takenElsewhere.add(link.provider);
    }
  });
  const shares = new Map<number, Decimal>();
  for (const [processIndex, made] of groupBy(system.products, (p) => p.process)) {
    const process = system.processes[processIndex]!;
    if (made.length < 2 || !selection.installation.has(process.id)) continue;
    const carrying = made.filter((p) => taken.has(p.index) || selection.goodFlows.has(p.flow));
    const leaving = made.filter((p) => !carrying.includes(p) && !p.share.isZero());
    if (carrying.length === 0 || leaving.length === 0) continue;
    if (!carrying.some((p) => takenElsewhere.has(p.index) || selection.goodFlows.has(p.flow))) continue;
    const weights = carrying.map((p) => p.share);
    if (sum(weights).isZero()) continue;
    allocationShares(weights, [], carrying.map((p) => p.flow)).forEach((share, i) => shares.set(carrying[i]!.index, share));
    for (const p of leaving) {
      shares.set(p.index, ZERO);
      notes.push(`${process.id}: "${p.flow}" leaves the installation as scrap or a by-product and carries no embedded emissions (2025/2547 Annex II point F); its allocation share goes to ${carrying.map((c) => `"${c.flow}"`).join(', ')}`);
    }
  }
  return system.products.map((p) => {
    const share = shares.get(p.index);
    return share === undefined ? p : { ...p, share };
  });
}

function selectItem(
  item: DirectItem,
  at: InputAt | undefined,
  selection: BoundarySelection,
  factors: Map<string, FactorReference>,
  notes: string[],
  processId: string,
): DirectItem | undefined {
  if (item.kind === 'substitution-credit') {
    notes.push(`${processId}: the system-expansion credit "${item.label}" is not part of CBAM embedded emissions and is left out`);
    return undefined;
  }
  if (item.kind === 'factor-input' && at !== undefined && selection.precursorFlows.has(at.input.flow) && at.input.recycled === undefined) {
    return precursorItem(item.label, item.path, at.input);
  }
  const cells = new Map<string, Cell>();
  const put = (k: string, mass: Decimal, co2e: Decimal) => {
    const previous = cells.get(k);
    cells.set(k, previous === undefined ? { mass, co2e } : { mass: previous.mass.plus(mass), co2e: previous.co2e.plus(co2e) });
  };
  let electricityCO2e: Decimal[] | undefined;
  for (const [encoded, cell] of item.vector) {
    const decoded = decodeKey(encoded);
    if (decoded.kind === 'recycled') {
      put(key('s', decoded.scrap), cell.mass, ZERO);
      continue;
    }
    if (DIRECT_CATEGORIES.has(decoded.category)) {
      if (CBAM_GASES.has(decoded.gas) || decoded.gas === 'CO2e') put(key('d', decoded.gas, decoded.category), cell.mass, cell.co2e);
      else put(key('x', decoded.gas), cell.mass, ZERO);
    } else if (decoded.category === 'electricity') {
      if (decoded.gas === 'CO2' || decoded.gas === 'CO2e') {
        put(key('i', decoded.gas), cell.mass, cell.co2e);
        (electricityCO2e ??= []).push(cell.co2e);
      } else {
        put(key('x', decoded.gas), cell.mass, ZERO);
      }
    }
    // Other categories (materials, transport, other) are upstream of the installation: not CBAM.
  }
  if (electricityCO2e !== undefined && item.kind === 'factor-input' && at !== undefined) {
    const reference = item.detail.factors?.[0];
    const consumption = megawattHours(at.input);
    if (reference !== undefined && consumption !== undefined) {
      factors.set(reference.id, reference);
      put(key('e', reference.id), consumption, sum(electricityCO2e));
    } else {
      notes.push(`${processId}: electricity "${at.input.flow}" is not stated in an energy unit; its consumption is not reported`);
    }
  }
  return cells.size === 0 ? undefined : { ...item, vector: cells };
}

/**
 * Indirect emissions of electricity generated by a process of the model: consumption × the
 * generating product's emissions per unit (CO2 and PFCs of combustion and process categories,
 * AR5), recorded as an electricity factor of its own so the communication shows it.
 */
function ownElectricityItem(link: Link, input: Input, system: System, base: Solution, factors: Map<string, FactorReference>): DirectItem {
  const product = system.products[link.provider]!;
  const generator = system.processes[product.process]!.id;
  const cells: Cell[] = [];
  for (const [encoded, cell] of base.footprints[link.provider] ?? new Map<string, Cell>()) {
    const decoded = decodeKey(encoded);
    if (decoded.kind === 'gas' && DIRECT_CATEGORIES.has(decoded.category) && (CBAM_GASES.has(decoded.gas) || decoded.gas === 'CO2e')) cells.push(cell);
  }
  const perUnit = sum(cells.map((c) => c.co2e));
  const emissions = perUnit.times(link.amount);
  const mwh = parseUnit('MWh');
  const id = `model:${generator}/${product.flow}`;
  factors.set(id, {
    id,
    value: isConvertible(product.unit, mwh) ? perUnit.times(amountIn({ amount: ONE, unit: mwh }, product.unit)).toFixed() : perUnit.toFixed(),
    unit: isConvertible(product.unit, mwh) ? 't CO2e/MWh' : `t CO2e/${product.unit.symbol}`,
    source: `computed from process "${generator}" of the model (its CO2 and PFC emissions per unit of "${product.flow}", AR5)`,
    confidence: 'declared',
  });
  const vector = new Map<string, Cell>([[key('i', 'CO2e'), { mass: emissions, co2e: emissions }]]);
  const consumption = isConvertible(input.quantity.unit, mwh) ? amountIn(input.quantity, mwh) : undefined;
  if (consumption !== undefined) vector.set(key('e', id), { mass: consumption, co2e: emissions });
  return { kind: 'declared', label: `${input.flow} from ${generator}`, path: link.path, vector, detail: {} };
}

function precursorItem(label: string, path: DirectItem['path'], input: Input): DirectItem {
  const tonnes = amountIn(input.quantity, 't');
  return { kind: 'declared', label, path, vector: new Map([[key('p', input.flow), { mass: tonnes, co2e: ZERO }]]), detail: {} };
}

function figuresOf(vector: BurdenVector): BoundaryFigures {
  const direct: { gas: string; category: string; mass: Decimal; co2e: Decimal }[] = [];
  const excluded = new Map<string, Decimal>();
  const indirect: Decimal[] = [];
  const electricity = new Map<string, { consumption: Decimal; emissions: Decimal }>();
  const scrap = new Map<string, Decimal>();
  const precursors = new Map<string, Decimal>();
  for (const [encoded, cell] of [...vector].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [kind, first = '', second = ''] = encoded.split(SEP);
    if (kind === 'd') direct.push({ gas: first, category: second, mass: cell.mass, co2e: cell.co2e });
    else if (kind === 'x') excluded.set(first, cell.mass);
    else if (kind === 'i') indirect.push(cell.co2e);
    else if (kind === 'e') electricity.set(encoded.slice(2), { consumption: cell.mass, emissions: cell.co2e });
    else if (kind === 's') scrap.set(first, cell.mass);
    else if (kind === 'p') precursors.set(encoded.slice(2), cell.mass);
  }
  return { direct, excluded, indirect: sum(indirect), electricity, scrap, precursors };
}

function megawattHours(input: Input): Decimal | undefined {
  const mwh = parseUnit('MWh');
  return isConvertible(input.quantity.unit, mwh) ? amountIn(input.quantity, mwh) : undefined;
}

function isElectricity(input: Input): boolean {
  return (input.category ?? inferCategory(input.flow)) === 'electricity';
}

function pathKey(path: readonly (string | number)[]): string {
  return JSON.stringify(path);
}
