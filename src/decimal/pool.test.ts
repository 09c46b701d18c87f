import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal, ZERO } from './decimal.js';
import { DecimalPool, NOT_POOLED, ZERO_REF } from './pool.js';

function parts(x: Decimal): { s: number; e: number; d: number[] } {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] };
  return { s, e, d: [...d] };
}

// The slow reference: each product by decimal.js at 34 digits (half-even, the library's
// Decimal), summed by decimal.js at 2000 digits and copied without rounding.
const Wide = DecimalJs.clone({ precision: 2000, rounding: DecimalJs.ROUND_HALF_EVEN });
function referenceSum(xs: readonly Decimal[], ys: readonly Decimal[]): Decimal {
  let acc = new Wide(0);
  xs.forEach((x, i) => {
    acc = acc.plus(x.times(ys[i]!));
  });
  return new Decimal(acc);
}

/** Decimals of 1 to 60 significant digits (9s weighted, for carries) at exponents −40 … 40, and zero. */
const decimalArb = fc.oneof(
  { weight: 12, arbitrary: fc
    .tuple(
      fc.boolean(),
      fc.array(fc.constantFrom('0', '1', '2', '4', '5', '9', '9', '9'), { minLength: 1, maxLength: 60 }),
      fc.integer({ min: -40, max: 40 }),
    )
    .map(([negative, digits, exponent]) => new Decimal(`${negative ? '-' : ''}1${digits.join('')}e${exponent}`)) },
  { weight: 1, arbitrary: fc.constant(ZERO) },
);

const pairsArb = fc.array(fc.tuple(decimalArb, decimalArb), { minLength: 1, maxLength: 8 });

function pooledSum(pool: DecimalPool, pairs: readonly (readonly [Decimal, Decimal])[]): number {
  const xs = Int32Array.from(pairs.map(([x]) => pool.ref(x)));
  const ys = Int32Array.from(pairs.map(([, y]) => pool.ref(y)));
  return pool.sumOfRoundedProducts(xs, ys, 0, pairs.length);
}

describe('DecimalPool', () => {
  it('sums products rounded to 34 digits exactly, in the representation decimal.js gives', () => {
    fc.assert(
      fc.property(pairsArb, (pairs) => {
        const pool = new DecimalPool(Decimal, ZERO);
        const ref = pooledSum(pool, pairs);
        const reference = referenceSum(pairs.map(([x]) => x), pairs.map(([, y]) => y));
        if (reference.isZero()) expect(ref).toBe(ZERO_REF);
        else expect(parts(pool.decimal(ref) as Decimal)).toEqual(parts(reference));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes its own sums as operands (a chain of products, as the sweep makes)', () => {
    fc.assert(
      fc.property(pairsArb, decimalArb, (pairs, k) => {
        const pool = new DecimalPool(Decimal, ZERO);
        const first = pooledSum(pool, pairs);
        const second = pool.sumOfRoundedProducts(Int32Array.of(first, first), Int32Array.of(pool.ref(k), pool.ref(k)), 0, 2);
        const x = pool.decimal(first) as Decimal;
        const reference = referenceSum([x, x], [k, k]);
        if (reference.isZero()) expect(second).toBe(ZERO_REF);
        else expect(parts(pool.decimal(second) as Decimal)).toEqual(parts(reference));
      }),
      { numRuns: 1000 },
    );
  });

  it('gives back the Decimal it was given, the same object each time, and the library zero', () => {
    const pool = new DecimalPool(Decimal, ZERO);
    const x = new Decimal('-12.5');
    const ref = pool.ref(x);
    expect(pool.decimal(ref)).toBe(x);
    expect(pool.ref(new Decimal(0))).toBe(ZERO_REF);
    expect(pool.decimal(ZERO_REF)).toBe(ZERO);
    // A sum is made into a Decimal once.
    const sum = pool.sumOfRoundedProducts(Int32Array.of(ref), Int32Array.of(ref), 0, 1);
    expect(pool.decimal(sum)).toBe(pool.decimal(sum));
    expect(pool.decimal(sum).toFixed()).toBe('156.25'); // (−12.5)² = 156.25
  });

  it('grows past its first allocation without changing earlier values', () => {
    const pool = new DecimalPool(Decimal, ZERO);
    const values = Array.from({ length: 5000 }, (_, i) => new Decimal(`${i + 1}.${'3'.repeat(30)}`));
    const refs = values.map((v) => pool.ref(v));
    const three = pool.ref(new Decimal(3));
    const sums = refs.map((r) => pool.sumOfRoundedProducts(Int32Array.of(r), Int32Array.of(three), 0, 1));
    // (i + 1).333…3 (30 threes) × 3 = 3(i + 1) + 0.999…9 (30 nines), 31–35 digits: rounded to 34.
    sums.forEach((s, i) => expect(pool.decimal(s).toFixed()).toBe(values[i]!.times(3).toFixed()));
    expect(pool.size).toBe(1 + 5000 + 1 + 5000);
  });

  it('leaves extreme exponents, very long values and far-apart sums to decimal.js', () => {
    const pool = new DecimalPool(Decimal, ZERO);
    expect(pool.ref(new Decimal('1e2000000000000000'))).toBe(NOT_POOLED);
    const Long = DecimalJs.clone({ precision: 400 });
    expect(pool.ref(new Long(`1.${'7'.repeat(300)}`) as unknown as Decimal)).toBe(NOT_POOLED);
    const one = pool.ref(new Decimal(1));
    const far = Int32Array.of(pool.ref(new Decimal('1e990')), pool.ref(new Decimal('1e-990')));
    expect(pool.sumOfRoundedProducts(far, Int32Array.of(one, one), 0, 2)).toBe(NOT_POOLED);
  });
});
