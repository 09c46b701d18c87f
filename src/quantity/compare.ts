import { exactFactorOf } from '../units/makeUnit.js';
import { assertSameDimension } from './sameDimension.js';
import type { Quantity } from './types.js';

/**
 * −1, 0 or 1 as a is less than, equal to or greater than b. Same dimension required, as for
 * `add`. Compares amount × factor cross-multiplied, without dividing, so 1 kWh and 0.001 MWh are
 * equal.
 *
 * @example
 * compare(quantity('1', 'kWh'), quantity('0.001', 'MWh')) // 0
 * compare(quantity('999', 'kg'), quantity('1', 't')) // -1
 */
export function compare<D extends string>(a: Quantity<D>, b: Quantity<NoInfer<D>>): -1 | 0 | 1 {
  assertSameDimension('compare', a, b);
  const fa = exactFactorOf(a.unit);
  const fb = exactFactorOf(b.unit);
  // a·na/da vs b·nb/db, with positive denominators: compare a·na·db with b·nb·da.
  const left = a.amount.times(fa.numerator).times(fb.denominator);
  const right = b.amount.times(fb.numerator).times(fa.denominator);
  const order = left.comparedTo(right);
  return order < 0 ? -1 : order > 0 ? 1 : 0;
}
