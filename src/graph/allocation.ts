import { MissingAllocationError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { Decimal, ONE, ZERO, sum } from '../decimal/decimal.js';

/**
 * Splits 1 into shares proportional to `weights`, so that the shares add up to exactly 1.
 * Each share is weight/total at working precision; the rounding residual (at most a few units in
 * the 34th digit) goes to the largest share, the first one on ties — the same rule every run, so
 * results are reproducible and the allocated burdens add back to the process burden.
 *
 * @example
 * allocationShares([new Decimal(1), new Decimal(2)]) // [0.3333…3334, 0.6666…6666]: sums to 1
 */
export function allocationShares(weights: readonly Decimal[], path: DocumentPath = []): Decimal[] {
  if (weights.length === 0) return [];
  for (const w of weights) {
    if (w.isNegative()) throw new MissingAllocationError('allocation weights must not be negative', { path });
  }
  const total = sum(weights);
  if (total.isZero()) {
    throw new MissingAllocationError('allocation weights add up to zero: no output carries any value', { path });
  }
  const shares = weights.map((w) => w.div(total));
  const residual = ONE.minus(sum(shares));
  if (residual.isZero()) return shares;
  let largest = 0;
  shares.forEach((s, i) => {
    if (s.gt(shares[largest] ?? ZERO)) largest = i;
  });
  shares[largest] = (shares[largest] ?? ZERO).plus(residual);
  return shares;
}

export { Decimal };
