import { Decimal, ZERO, isDecimalText, sum, toDecimal } from '../../decimal/decimal.js';
import type { ExplainNode } from '../../graph/explain.js';

/** A footprint split by the kind of data behind it, in t CO2e at the explained node's scale. */
export interface PrimaryDataSplit {
  /** From model-declared emissions and methods (explain leaves `declared` and `method`). */
  readonly primary: Decimal;
  /** From secondary emission factors (`factor-input` leaves and factor-priced substitution credits). */
  readonly secondary: Decimal;
  /** Not traceable to either: loop residuals, or suppliers the explanation did not expand. */
  readonly unclassified: Decimal;
}

const PRIMARY_KINDS = new Set(['declared', 'method']);
const SECONDARY_KINDS = new Set(['factor-input', 'substitution-credit']);
const EXCHANGE_KINDS = new Set(['input', 'waste-treatment', 'substitution']);

/** Enough passes for loops of a few processes to settle; a DAG needs one. */
const MAX_PASSES = 30;

/**
 * Splits an explained footprint into primary data (the model's own declared emissions and method
 * evaluations) and secondary data (emission factors), following supplier products through their
 * exchange coefficients. The three parts add up to the node's value exactly. A supplier explained
 * once and referred to again reuses its split; products in a loop are resolved by repeated passes,
 * and whatever is still unresolved is reported as `unclassified`.
 *
 * @example
 * const split = primaryDataSplit(result.explain('aluminium-ingot'));
 * // Exact sums (plus() would round to 34 digits; the parts may carry more):
 * sumDecimals([split.primary, split.secondary, split.unclassified]).eq(result.explain('aluminium-ingot').value) // true
 */
export function primaryDataSplit(root: ExplainNode): PrimaryDataSplit {
  let previous = new Map<string, PrimaryDataSplit>();
  let split: PrimaryDataSplit = { primary: ZERO, secondary: ZERO, unclassified: root.value };
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const walk: Walk = { previous, current: new Map(), suppliers: new Map(), lookedBack: false };
    split = productSplit(root, walk);
    const settled = !walk.lookedBack || sameSplits(previous, walk.current);
    previous = walk.current;
    if (settled) break;
  }
  return split;
}

interface Walk {
  /** Per-unit splits of products from the previous pass (for loop members). */
  readonly previous: ReadonlyMap<string, PrimaryDataSplit>;
  /** Per-unit splits of products finished in this pass. */
  readonly current: Map<string, PrimaryDataSplit>;
  /** Exchange label → path of the supplying product, learned where the supplier is expanded. */
  readonly suppliers: Map<string, string>;
  lookedBack: boolean;
}

function productSplit(node: ExplainNode, walk: Walk): PrimaryDataSplit {
  const split = childrenSplit(node, (exchange) => supplierUnitSplit(exchange, walk));
  if (node.path !== undefined) walk.current.set(node.path, perUnit(split, scaleOf(node)));
  return split;
}

/**
 * A product node's split from its children: primary and secondary leaves as they are, each
 * exchange (the k-th of the node) its supplier's split per unit (`unitOf`) times its coefficient.
 * Residual, free and recycled inputs — and exchanges whose supplier's split is unknown — stay
 * unclassified.
 */
function childrenSplit(node: ExplainNode, unitOf: (exchange: ExplainNode, k: number) => PrimaryDataSplit | undefined): PrimaryDataSplit {
  const primary: Decimal[] = [];
  const secondary: Decimal[] = [];
  let exchanges = 0;
  for (const child of node.children) {
    if (PRIMARY_KINDS.has(child.kind)) primary.push(child.value);
    else if (SECONDARY_KINDS.has(child.kind)) secondary.push(child.value);
    else if (EXCHANGE_KINDS.has(child.kind)) {
      const part = exchangePart(child, unitOf(child, exchanges++));
      primary.push(part.primary);
      secondary.push(part.secondary);
    }
  }
  return complete(node.value, sum(primary), sum(secondary));
}

function exchangePart(exchange: ExplainNode, unit: PrimaryDataSplit | undefined): PrimaryDataSplit {
  const coefficient = exchange.coefficient !== undefined && isDecimalText(exchange.coefficient) ? toDecimal(exchange.coefficient) : undefined;
  if (unit === undefined || coefficient === undefined) return complete(exchange.value, ZERO, ZERO);
  return complete(exchange.value, unit.primary.times(coefficient), unit.secondary.times(coefficient));
}

/** The split per unit of an exchange's supplier: expanded under it, met earlier in this pass, or from the last pass. */
function supplierUnitSplit(exchange: ExplainNode, walk: Walk): PrimaryDataSplit | undefined {
  const supplier = exchange.children.find((c) => c.kind === 'product');
  let unit: PrimaryDataSplit | undefined;
  if (supplier !== undefined) {
    if (supplier.path !== undefined) walk.suppliers.set(exchange.label, supplier.path);
    unit = perUnit(productSplit(supplier, walk), scaleOf(supplier));
  } else {
    const path = walk.suppliers.get(exchange.label);
    unit = path === undefined ? undefined : walk.current.get(path);
    if (unit === undefined && path !== undefined) {
      walk.lookedBack = true;
      unit = walk.previous.get(path);
    }
  }
  return unit;
}

/**
 * The split of one explained product whose exchanges name their suppliers without expanding them
 * (`suppliers: 'referenced'`): leaves are classified as in `primaryDataSplit`, and the exchange
 * at position `i` among the node's exchanges takes `unitSplit(i)` (the supplier's split per unit
 * of it) times its coefficient — what the nested tree computes where the supplier is expanded.
 * An exchange whose supplier's split is not known is unclassified.
 */
export function splitWithSuppliers(node: ExplainNode, unitSplit: (exchange: number) => PrimaryDataSplit | undefined): PrimaryDataSplit {
  return childrenSplit(node, (_, k) => unitSplit(k));
}

/** True when two splits have the same primary and secondary parts. */
export function sameSplit(a: PrimaryDataSplit, b: PrimaryDataSplit): boolean {
  return a.primary.eq(b.primary) && a.secondary.eq(b.secondary);
}

/**
 * Makes the parts add up to `value` exactly: what is not primary or secondary is unclassified.
 * A remainder within 1e-30 of the value is the rounding of the split's own divisions at 34
 * digits, not an untraced emission; it goes to the larger part so no noise is reported.
 */
function complete(value: Decimal, primary: Decimal, secondary: Decimal): PrimaryDataSplit {
  const rest = sum([value, primary.neg(), secondary.neg()]);
  if (!rest.isZero() && rest.abs().lte(value.abs().times(ROUNDING_NOISE))) {
    return primary.abs().gte(secondary.abs())
      ? { primary: sum([primary, rest]), secondary, unclassified: ZERO }
      : { primary, secondary: sum([secondary, rest]), unclassified: ZERO };
  }
  return { primary, secondary, unclassified: rest };
}

const ROUNDING_NOISE = '1e-30';

function perUnit(split: PrimaryDataSplit, scale: Decimal): PrimaryDataSplit {
  if (scale.eq(1)) return split;
  return { primary: split.primary.div(scale), secondary: split.secondary.div(scale), unclassified: split.unclassified.div(scale) };
}

/** A product node's label starts with the amount it is explained for (src/graph/explain.ts). */
function scaleOf(node: ExplainNode): Decimal {
  const first = node.label.split(' ', 1)[0] ?? '';
  const scale = isDecimalText(first) ? toDecimal(first) : new Decimal(1);
  return scale.isZero() ? new Decimal(1) : scale;
}

function sameSplits(a: ReadonlyMap<string, PrimaryDataSplit>, b: ReadonlyMap<string, PrimaryDataSplit>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, split] of b) {
    const other = a.get(key);
    if (other === undefined || !sameSplit(other, split)) return false;
  }
  return true;
}
