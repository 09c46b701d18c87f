import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal, ONE, sum } from '../../src/decimal/decimal.js';
import { allocationShares } from '../../src/graph/allocation.js';
import { decimalText } from '../arbitraries/models.js';

describe('allocationShares', () => {
  it('shares add up to exactly 1 and follow the weights', () => {
    fc.assert(
      fc.property(fc.array(decimalText(0, 100000, 6), { minLength: 1, maxLength: 12 }), (texts) => {
        const weights = texts.map((t) => new Decimal(t));
        fc.pre(weights.some((w) => !w.isZero()));
        const shares = allocationShares(weights);
        expect(sum(shares).eq(ONE)).toBe(true);
        const total = sum(weights);
        shares.forEach((s, i) => {
          // each share within 1e-33 of weight/total (rounding plus the residual)
          expect(s.minus(weights[i]!.div(total)).abs().lte('1e-33')).toBe(true);
        });
      }),
      { numRuns: 300 },
    );
  });
  it('the classic thirds: 1/3 + 1/3 + 1/3 is exactly 1 after the residual', () => {
    const shares = allocationShares([new Decimal(1), new Decimal(1), new Decimal(1)]);
    expect(sum(shares).toFixed()).toBe('1');
    expect(shares[0]!.toFixed()).toBe('0.3333333333333333333333333333333334');
  });
  it('rejects all-zero and negative weights', () => {
    expect(() => allocationShares([new Decimal(0), new Decimal(0)])).toThrow(/zero/);
    expect(() => allocationShares([new Decimal(-1), new Decimal(2)])).toThrow(/negative/);
  });
});
