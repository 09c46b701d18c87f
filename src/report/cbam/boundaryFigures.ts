import { ZERO, sum, type Decimal } from '../../decimal/decimal.js';
import type { Category } from '../../gases/categories.js';
import { inferCategory } from '../../graph/build.js';
import { decodeKey } from '../../graph/keys.js';
import { solveSystem } from '../../graph/solve.js';
import type { DirectItem, FactorReference, Link, System, SystemProcess } from '../../graph/system.js';
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
 * flow through them) but contribute nothing; scrap links are cut (scrap carries zero embedded
 * emissions, 2025/2547 Annex II point F) and precursor links are cut (their embedded emissions
 * enter as m_i × SEE_i, Annex III Eq. 59–63).
 *
 * @example
 * const solution = solveBoundary(model, systemOf(result)!, { installation: new Set(['electrolysis']), precursorFlows: new Set() });
 * solution.figuresOf(0).direct; // CO2, CF4, C2F6 of the electrolysis per t of product 0
 */
export function solveBoundary(model: Model, system: System, selection: BoundarySelection): BoundarySolution {
  const inputs = new Map<string, InputAt>();
  for (const process of model.processes) {
    for (const input of process.inputs) inputs.set(pathKey(input.path), { processId: process.id, input });
  }
  const factors = new Map<string, FactorReference>();
  const notes: string[] = [];

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
      if (inside && at !== undefined && isElectricity(at.input)) {
        notes.push(
          `${process.id}: electricity "${at.input.flow}" comes from process "${at.input.from ?? ''}" of the model; its emissions count where they ` +
            'occur (direct when that process is inside the installation), not as indirect emissions',
        );
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

  const solution = solveSystem({ ...system, processes, trackOrigins: false });
  return {
    figuresOf: (index) => figuresOf(solution.footprints[index] ?? new Map()),
    factors,
    notes: [...new Set(notes)],
  };
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
