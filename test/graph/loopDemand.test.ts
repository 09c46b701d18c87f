import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ONE } from '../../src/decimal/decimal.js';
import { loopDemand } from '../../src/graph/loopDemand.js';

// A reference with 120 significant digits: Gaussian elimination there, then rounded to 34.
const Wide = DecimalJs.clone({ precision: 120, rounding: DecimalJs.ROUND_HALF_EVEN });

function referenceDemand(members: readonly number[], links: ReadonlyMap<number, readonly { provider: number; coefficient: Decimal }[]>, incoming: readonly Decimal[]): string[] {
  const m = members.length;
  const at = new Map(members.map((p, i) => [p, i]));
  const a = members.map((_, i) => members.map((__, j) => new Wide(i === j ? 1 : 0)));
  const b = incoming.map((e) => new Wide(e.toString()));
  members.forEach((p, j) => {
    for (const l of links.get(p) ?? []) {
      const i = at.get(l.provider);
      if (i !== undefined) a[i]![j] = a[i]![j]!.minus(l.coefficient.toString());
    }
  });
  for (let col = 0; col < m; col++) {
    let pivot = col;
    for (let r = col + 1; r < m; r++) if (a[r]![col]!.abs().gt(a[pivot]![col]!.abs())) pivot = r;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    [b[col], b[pivot]] = [b[pivot]!, b[col]!];
    for (let r = 0; r < m; r++) {
      if (r === col) continue;
      const factor = a[r]![col]!.div(a[col]![col]!);
      for (let c = col; c < m; c++) a[r]![c] = a[r]![c]!.minus(factor.times(a[col]![c]!));
      b[r] = b[r]!.minus(factor.times(b[col]!));
    }
  }
  return b.map((v, i) => new Decimal(v.div(a[i]![i]!).toSignificantDigits(34).toString()).toString());
}

describe('loopDemand: the demand inside one loop', () => {
  it('is the correctly rounded 34-digit solution (against a 120-digit elimination) on random productive loops', () => {
    // Up to three links a member, each coefficient at most 0.3: every column of C sums to < 1, so
    // the loop is productive and I − Cᵀ invertible. Coefficients with many digits make every
    // product inexact at 34 digits.
    const coefficient = fc.tuple(fc.integer({ min: 1, max: 3 * 10 ** 8 }), fc.integer({ min: 0, max: 10 ** 9 - 1 })).map(([a, b]) => new Decimal(`0.${String(a).padStart(9, '0')}${String(b).padStart(9, '0')}7`).div(3));
    const loop = fc.integer({ min: 1, max: 7 }).chain((m) =>
      fc.record({
        links: fc.array(fc.uniqueArray(fc.record({ provider: fc.nat({ max: m - 1 }), coefficient }), { selector: (l) => l.provider, maxLength: 3 }), { minLength: m, maxLength: m }),
        incoming: fc.array(fc.integer({ min: 0, max: 10 ** 6 }).map((v) => new Decimal(v).div(7)), { minLength: m, maxLength: m }),
      }),
    );
    fc.assert(
      fc.property(loop, ({ links, incoming }) => {
        // Members are products 10, 11, …: the function works on product numbers, not positions.
        const members = links.map((_, i) => 10 + i);
        const byProduct = new Map(links.map((list, i) => [10 + i, list.map((l) => ({ provider: 10 + l.provider, coefficient: l.coefficient }))]));
        const solved = loopDemand(members, (p) => byProduct.get(p)!, incoming)!;
        expect(solved.map((v) => v.toString())).toEqual(referenceDemand(members, byProduct, incoming));
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });

  it('solves a one-product loop as the one division it is: x = 1 + 0.2 x → 1.25; 1 + x/3 → 1.5', () => {
    expect(loopDemand([0], () => [{ provider: 0, coefficient: new Decimal('0.2') }], [ONE])!.map(String)).toEqual(['1.25']);
    expect(loopDemand([0], () => [{ provider: 0, coefficient: ONE.div(3) }], [ONE])![0]!.eq(ONE.div(ONE.minus(ONE.div(3))))).toBe(true);
  });

  it('is undefined for a loop without a unique solution (x = x)', () => {
    expect(loopDemand([0], () => [{ provider: 0, coefficient: ONE }], [ONE])).toBeUndefined();
  });
});
