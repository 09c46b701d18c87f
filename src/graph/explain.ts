import { formatPath } from '../core/issues.js';
import { Decimal, ONE, ZERO, add, sum } from '../decimal/decimal.js';
import { decodeKey } from './keys.js';
import type { Solution } from './solve.js';
import type { ItemDetail, System } from './system.js';
import { scaleCell, totalCO2e, type BurdenVector } from './vector.js';

export type ExplainKind =
  | 'product'
  | 'declared'
  | 'method'
  | 'factor-input'
  | 'recycled-input'
  | 'substitution-credit'
  | 'input'
  | 'waste-treatment'
  | 'substitution'
  | 'free-input'
  | 'residual';

/**
 * One node of an audit tree. `value` is t CO2e at the node's own scale: a product node is per the
 * stated amount of that product, and its children add up to it exactly (a `residual` child shows
 * the last-digit difference a loop solution or a non-decimal declared unit can leave). An exchange
 * node (`input`, `waste-treatment`, `substitution`) equals `coefficient × unitFootprint` and has
 * the supplying product, per one of its units, as its only child.
 */
export interface ExplainNode {
  readonly kind: ExplainKind;
  readonly label: string;
  readonly path?: string;
  readonly value: Decimal;
  /** Tonnes of each gas at this node's scale (CO2e-only factors appear as `CO2e`). */
  readonly gases: Readonly<Record<string, Decimal>>;
  readonly quantity?: string;
  /** Units of the supplier per unit of the product above (exchange nodes). */
  readonly coefficient?: string;
  /** t CO2e per unit of the supplier (exchange nodes). */
  readonly unitFootprint?: string;
  readonly detail?: ItemDetail;
  readonly note?: string;
  readonly children: readonly ExplainNode[];
}

export interface ExplainOptions {
  /** Amount of the product the tree is for, in its reference unit (1 by default). */
  readonly amount?: Decimal;
  /** Upper bound on nodes, so explaining a huge model stays cheap; the rest is summarized. */
  readonly maxNodes?: number;
  /**
   * `expanded` (default): each supplier's own tree is nested under the exchange that uses it.
   * `referenced`: exchanges give the supplier's value (coefficient × unit footprint) and name it,
   * without its tree — for trails that explain every product on its own, where nesting would
   * repeat each supplier's tree under every product downstream (products × chain length nodes).
   */
  readonly suppliers?: 'expanded' | 'referenced';
}

/**
 * Explains a product's footprint as a tree from the total down to each declared emission, method
 * evaluation and factor. A supplier appears expanded once; later mentions and loop members point
 * back to it instead of being counted again.
 */
export function explainProduct(system: System, solution: Solution, index: number, options: ExplainOptions = {}): ExplainNode {
  const state = { expanded: new Set<number>(), nodes: 0, maxNodes: options.maxNodes ?? 5000, depth: 0, referenced: options.suppliers === 'referenced' };
  return productNode(system, solution, index, options.amount ?? ONE, state);
}

interface State {
  readonly expanded: Set<number>;
  nodes: number;
  readonly maxNodes: number;
  /** Suppliers nested above the node being built. */
  depth: number;
  /** Suppliers are named, not expanded (ExplainOptions.suppliers). */
  readonly referenced: boolean;
}

// Each supplier level is a few stack frames: a chain of thousands of processes overflowed the
// stack (RangeError). Deeper suppliers are summarized like those past the node budget.
const MAX_DEPTH = 1000;

function productNode(system: System, solution: Solution, index: number, scale: Decimal, state: State): ExplainNode {
  state.expanded.add(index);
  state.nodes++;
  const product = system.products[index]!;
  const process = system.processes[product.process]!;
  const eq = solution.equations[index]!;
  const children: ExplainNode[] = [];

  process.items.forEach((item, i) => {
    children.push({ kind: item.kind, label: item.label, path: formatPath(item.path), ...scaledSummary(eq.directItems[i]!, scale), detail: item.detail, children: [] });
  });
  eq.links.forEach((l) => {
    const supplier = system.products[l.provider]!;
    const perUnit = solution.footprints[l.provider]!;
    const coefficient = l.coefficient.times(scale);
    const { value, gases } = scaledSummary(perUnit, coefficient);
    const again = state.expanded.has(l.provider);
    const sameLoop = solution.loopOf.get(l.provider) !== undefined && solution.loopOf.get(l.provider) === solution.loopOf.get(index);
    const budgetLeft = state.nodes < state.maxNodes && state.depth < MAX_DEPTH;
    const child =
      !again && budgetLeft && !state.referenced
        ? [nested(state, () => productNode(system, solution, l.provider, ONE, state))]
        : [];
    state.nodes++;
    children.push({
      kind: l.link.kind,
      label: l.link.label,
      path: formatPath(l.link.path),
      value,
      gases,
      quantity: l.link.quantity,
      coefficient: coefficient.toFixed(),
      unitFootprint: totalCO2e(perUnit).toFixed(),
      ...(child.length === 0
        ? {
            note: state.referenced
              ? `"${supplier.flow}" is explained on its own: its unit footprint × the coefficient is this exchange's value`
              : sameLoop
              ? `"${supplier.flow}" is in a loop with this product: its footprint is the loop's exact solution, explained where it is first expanded`
              : again
                ? `"${supplier.flow}" is explained above`
                : state.depth >= MAX_DEPTH
                  ? `not expanded: explanation depth limit (${MAX_DEPTH} suppliers) reached`
                  : 'not expanded: explanation size limit reached',
          }
        : {}),
      children: child,
    });
  });
  process.freeInputs.forEach((free) => {
    state.nodes++;
    children.push({ kind: 'free-input', label: free.label, path: formatPath(free.path), value: ZERO, gases: {}, quantity: free.quantity, note: free.reason, children: [] });
  });

  const own = scaledSummary(solution.footprints[index]!, scale);
  const total = own.value;
  // add (wide precision), not minus: at 34 digits the residual of a tree mixing 1e-30 t with
  // hundreds of tonnes was itself rounded, and the children no longer added up to the total.
  const residual = add(total, sum(children.map((c) => c.value)).negated());
  if (!residual.isZero()) {
    children.push({
      kind: 'residual',
      label: 'rounding residual of the loop solution at 34 significant digits',
      value: residual,
      gases: {},
      children: [],
    });
  }
  const share = product.share.eq(ONE) ? undefined : `allocation share ${product.share.toFixed()} (${process.allocation?.method ?? 'allocation'})`;
  return {
    kind: 'product',
    label: `${scale.toFixed()} ${product.unit.symbol} ${product.flow} from ${process.id}`,
    path: formatPath(product.path),
    value: total,
    gases: own.gases,
    ...(share === undefined ? {} : { note: share }),
    children,
  };
}

function nested<T>(state: State, build: () => T): T {
  state.depth++;
  try {
    return build();
  } finally {
    state.depth--;
  }
}

/**
 * Total CO2e and tonnes of each gas of k × vector — each cell rounded once, as scaleVector rounds
 * it, and summed exactly — without making the scaled vector (with per-process origins a vector
 * has a cell per process and gas, and a tree scales one per node).
 */
function scaledSummary(vector: BurdenVector, k: Decimal): { value: Decimal; gases: Record<string, Decimal> } {
  const gases: Record<string, Decimal> = Object.create(null) as Record<string, Decimal>;
  if (k.isZero()) return { value: ZERO, gases };
  const co2e: Decimal[] = [];
  const masses = new Map<string, Decimal[]>();
  for (const [encoded, unscaled] of vector) {
    const cell = scaleCell(unscaled, k);
    co2e.push(cell.co2e);
    const key = decodeKey(encoded);
    if (key.kind !== 'gas') continue;
    const list = masses.get(key.gas);
    if (list === undefined) masses.set(key.gas, [cell.mass]);
    else list.push(cell.mass);
  }
  for (const gas of [...masses.keys()].sort()) gases[gas] = sum(masses.get(gas)!);
  return { value: sum(co2e), gases };
}

export { Decimal };
