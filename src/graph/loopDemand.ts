import { add, ONE, ZERO, type Decimal } from '../decimal/decimal.js';
import { solveSparse, sparseRow } from './solve.js';
import type { BurdenVector } from './vector.js';

const DEMAND = 'demand';

/**
 * How much of each product of one loop is made when `incoming[i]` units of member i are taken
 * from outside the loop: s = e + Cᵀ s, c_pq the units of member q one unit of member p takes
 * (its links to members). The same solver as the footprints' loops (float64 LU, exact residuals,
 * refinement; exact LU as fallback) gives the correctly rounded 34-digit demand at about the
 * cost of a float64 factorization, where Gaussian elimination in Decimal costs the cube of the
 * loop's size in decimal operations. Undefined when the loop has no unique solution.
 *
 * @example
 * loopDemand([3, 4], (p) => equations[p].links, [ONE, ZERO]) // units of products 3 and 4
 */
export function loopDemand(
  members: readonly number[],
  linksOf: (product: number) => readonly { readonly provider: number; readonly coefficient: Decimal }[],
  incoming: readonly Decimal[],
): Decimal[] | undefined {
  const position = new Map(members.map((p, i) => [p, i]));
  // Row q: s_q − Σ_p c_pq s_p = e_q.
  const rows = members.map((_, i) => new Map<number, Decimal>([[i, ONE]]));
  members.forEach((p, j) => {
    for (const link of linksOf(p)) {
      const i = position.get(link.provider);
      if (i !== undefined) rows[i]!.set(j, add(rows[i]!.get(j) ?? ZERO, link.coefficient.negated()));
    }
  });
  const rhs = incoming.map((e): BurdenVector => new Map([[DEMAND, { mass: e, co2e: ZERO }]]));
  const solved = solveSparse(rows.map(sparseRow), [rhs], 'mixed');
  return solved?.[0]!.map((v) => v.get(DEMAND)?.mass ?? ZERO);
}
