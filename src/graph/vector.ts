import { Decimal, ZERO, sum } from '../decimal/decimal.js';

/**
 * One cell of a burden vector: a mass (tonnes of a gas, or tonnes of tracked scrap) and its CO2e
 * under the GWP set of the run. Both are propagated through the graph side by side, so every
 * CO2e figure in a result is a sum of the same rounded terms and breakdowns add up exactly.
 */
export interface Cell {
  readonly mass: Decimal;
  readonly co2e: Decimal;
}

/** Burdens keyed by an encoded key (see keys.ts). Treated as immutable once built. */
export type BurdenVector = ReadonlyMap<string, Cell>;

export const EMPTY_VECTOR: BurdenVector = new Map();

/** Exact sum of several vectors, key by key. */
export function sumVectors(vectors: readonly BurdenVector[]): BurdenVector {
  const masses = new Map<string, Decimal[]>();
  const co2es = new Map<string, Decimal[]>();
  for (const vector of vectors) {
    for (const [key, cell] of vector) {
      push(masses, key, cell.mass);
      push(co2es, key, cell.co2e);
    }
  }
  const out = new Map<string, Cell>();
  for (const [key, list] of masses) {
    out.set(key, { mass: sum(list), co2e: sum(co2es.get(key) ?? []) });
  }
  return out;
}

/** k × vector, each cell rounded once at working precision. */
export function scaleVector(vector: BurdenVector, k: Decimal): BurdenVector {
  const out = new Map<string, Cell>();
  if (k.isZero()) return out;
  for (const [key, cell] of vector) out.set(key, { mass: cell.mass.times(k), co2e: cell.co2e.times(k) });
  return out;
}

/** vector / d, each cell rounded once (dividing directly rounds once, × (1/d) would round twice). */
export function divideVector(vector: BurdenVector, d: Decimal): BurdenVector {
  const out = new Map<string, Cell>();
  for (const [key, cell] of vector) out.set(key, { mass: cell.mass.div(d), co2e: cell.co2e.div(d) });
  return out;
}

/** Exact total CO2e of a vector (optionally of the keys `select` accepts). */
export function totalCO2e(vector: BurdenVector, select?: (key: string) => boolean): Decimal {
  const parts: Decimal[] = [];
  for (const [key, cell] of vector) if (select === undefined || select(key)) parts.push(cell.co2e);
  return parts.length === 0 ? ZERO : sum(parts);
}

function push(map: Map<string, Decimal[]>, key: string, value: Decimal): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

// A product of two numbers of at most 34 significant digits has at most 68: at this precision it
// is exact. Refinement residuals b − A x built from exact products and exact sums make iterative
// refinement converge to the correctly rounded solution, whichever factorization started it.
const ExactProduct = Decimal.clone({ precision: 2000 });

/** a × b without rounding (for operands of working precision; see ExactProduct). */
export function exactTimes(a: Decimal, b: Decimal): Decimal {
  const product = new ExactProduct(a).times(b);
  return product.isZero() ? ZERO : new Decimal(product);
}

/** k × vector with exact products (no rounding), for residuals. */
export function scaleVectorExact(vector: BurdenVector, k: Decimal): BurdenVector {
  const out = new Map<string, Cell>();
  if (k.isZero()) return out;
  for (const [key, cell] of vector) out.set(key, { mass: exactTimes(cell.mass, k), co2e: exactTimes(cell.co2e, k) });
  return out;
}

export function cell(mass: Decimal, co2e: Decimal): Cell {
  return { mass, co2e };
}

/** Each cell rounded to working precision (sums may carry more digits). */
export function roundVector(vector: BurdenVector): BurdenVector {
  const out = new Map<string, Cell>();
  for (const [key, cell] of vector) out.set(key, { mass: cell.mass.toSignificantDigits(34), co2e: cell.co2e.toSignificantDigits(34) });
  return out;
}

export function sameVector(a: BurdenVector, b: BurdenVector): boolean {
  if (a.size !== b.size) return false;
  for (const [key, cell] of a) {
    const other = b.get(key);
    if (other === undefined || !other.mass.eq(cell.mass) || !other.co2e.eq(cell.co2e)) return false;
  }
  return true;
}

export function isZeroVector(vector: BurdenVector): boolean {
  for (const c of vector.values()) if (!c.mass.isZero() || !c.co2e.isZero()) return false;
  return true;
}

export { Decimal };
