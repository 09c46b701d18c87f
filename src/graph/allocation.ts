import { MissingAllocationError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { Decimal, ONE, ZERO, sum } from '../decimal/decimal.js';

/**
 * Splits 1 into shares proportional to `weights`, so that the shares add up to exactly 1.
 * Each share is weight/total rounded to 34 decimal places (not significant digits: then every
 * share and the residual are whole multiples of 1e-34, so adding the residual is itself exact);
 * the residual goes to the largest share — on ties, the one whose name sorts first (`names`, e.g.
 * the output flows), else the first — the same rule every run, whatever the document order.
 *
 * @example
 * allocationShares([new Decimal(1), new Decimal(2)]) // [0.3333…3333, 0.6666…6667]: sums to 1 (the residual goes to the largest)
 */
export function allocationShares(weights: readonly Decimal[], path: DocumentPath = [], names?: readonly string[]): Decimal[] {
  if (weights.length === 0) return [];
  for (const w of weights) {
    if (w.isNegative()) throw new MissingAllocationError('allocation weights must not be negative', { path });
  }
  const total = sum(weights);
  if (total.isZero()) {
    throw new MissingAllocationError('allocation weights add up to zero: no output carries any value', { path });
  }
  const shares = weights.map((w) => w.div(total).toDecimalPlaces(SHARE_PLACES, Decimal.ROUND_HALF_EVEN));
  const residual = ONE.minus(sum(shares));
  if (residual.isZero()) return shares;
  // Ties go to the first name in sorting order (not document order), so the result does not
  // depend on how the outputs are listed.
  const nameOf = (i: number) => names?.[i] ?? String(i).padStart(12, '0');
  let largest = 0;
  shares.forEach((s, i) => {
    const best = shares[largest] ?? ZERO;
    if (s.gt(best) || (s.eq(best) && nameOf(i) < nameOf(largest))) largest = i;
  });
  shares[largest] = (shares[largest] ?? ZERO).plus(residual);
  return shares;
}

const SHARE_PLACES = 34;

export { Decimal };
