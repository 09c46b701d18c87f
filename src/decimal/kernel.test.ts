import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal, sum } from './decimal.js';
import { exactSum, fixedText, fromFloat, parsePlainDecimal, roundedToPrecision, sumOfRoundedProducts, timesExact, timesRounded, toFloat } from './kernel.js';

/** The representation decimal.js keeps: the kernel must produce the very same one. */
function parts(x: Decimal): { s: number; e: number; d: number[] } {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] };
  return { s, e, d: [...d] };
}

// The slow reference for sums: decimal.js at 2000 digits, copied without rounding.
const Wide = DecimalJs.clone({ precision: 2000, rounding: DecimalJs.ROUND_HALF_EVEN });
function referenceSum(values: readonly Decimal[]): Decimal {
  let acc = new Wide(0);
  for (const v of values) acc = acc.plus(v);
  return new Decimal(acc);
}

/** Decimals of 1 to 60 significant digits (9s weighted, for carries) at exponents −40 … 40. */
const decimalArb = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.constantFrom('0', '1', '2', '4', '5', '9', '9', '9'), { minLength: 1, maxLength: 60 }),
    fc.integer({ min: -40, max: 40 }),
  )
  .map(([negative, digits, exponent]) => new Decimal(`${negative ? '-' : ''}1${digits.join('')}e${exponent}`));

/** A value with more than 34 digits, as an exact sum of rounded terms can have. */
const longArb = fc.tuple(decimalArb, decimalArb).map(([a, b]) => referenceSum([a, b]));

describe('timesRounded', () => {
  it('gives the same Decimal as decimal.js times() at 34 digits, half-even', () => {
    fc.assert(
      fc.property(fc.oneof(decimalArb, longArb), fc.oneof(decimalArb, longArb), (a, b) => {
        expect(parts(timesRounded(a, b))).toEqual(parts(a.times(b)));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds ties to even and carries out of a run of nines', () => {
    // A 36-digit 9.99…9 (an exact sum can be that long) × 1 rounds to 34 digits: up, to 10.
    const nines = new Decimal(`9.${'9'.repeat(35)}`);
    expect(parts(timesRounded(nines, new Decimal(1)))).toEqual(parts(nines.times(1)));
    expect(timesRounded(nines, new Decimal(1)).toFixed()).toBe('10');
    // 2 × 5.0…025 = 10.0…05 (35 digits): a tie after a 0 stays; 2 × 5.0…075 = 10.0…15: a tie
    // after a 1 goes up to 2.
    const even = new Decimal(`5.${'0'.repeat(32)}25`);
    const odd = new Decimal(`5.${'0'.repeat(32)}75`);
    expect(parts(timesRounded(even, new Decimal(2)))).toEqual(parts(even.times(2)));
    expect(parts(timesRounded(odd, new Decimal(2)))).toEqual(parts(odd.times(2)));
    expect(timesRounded(even, new Decimal(2)).toFixed()).toBe('10');
    expect(timesRounded(odd, new Decimal(2)).toFixed()).toBe(`10.${'0'.repeat(31)}2`);
  });

  it('leaves zero and extreme exponents to decimal.js', () => {
    expect(timesRounded(new Decimal(0), new Decimal('-3')).isZero()).toBe(true);
    const huge = new Decimal('1e2000000000000000');
    expect(parts(timesRounded(huge, new Decimal(2)))).toEqual(parts(huge.times(2)));
  });
});

describe('exactSum', () => {
  it('gives the exact sum, in the representation the wide decimal.js path gives', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(decimalArb, longArb), { minLength: 1, maxLength: 8 }), (values) => {
        const fast = exactSum(values, Decimal);
        const reference = referenceSum(values);
        if (reference.isZero()) expect(fast).toBeNull();
        else expect(parts(fast as Decimal)).toEqual(parts(reference));
      }),
      { numRuns: 3000 },
    );
  });

  it('returns null for a sum that cancels and leaves far-apart operands to decimal.js', () => {
    expect(exactSum([new Decimal('1.5'), new Decimal('-1.5')], Decimal)).toBeNull();
    const far = [new Decimal('1e990'), new Decimal('1e-990')];
    expect(exactSum(far, Decimal)).toBeUndefined();
    // sum() still adds them exactly, through decimal.js (1981 digits, within its 2000).
    expect(sum(far).toFixed()).toBe(`1${'0'.repeat(990)}.${'0'.repeat(989)}1`);
  });
});

describe('sumOfRoundedProducts', () => {
  // The reference: each product rounded by decimal.js times() (34 digits, half-even), summed
  // exactly at 2000 digits.
  const zeroArb = fc.constant(new Decimal(0));
  const operand = fc.oneof({ arbitrary: decimalArb, weight: 6 }, { arbitrary: longArb, weight: 2 }, { arbitrary: zeroArb, weight: 1 });

  it('is the exact sum of the rounded products, in the representation decimal.js gives', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(operand, operand), { minLength: 1, maxLength: 8 }), (pairs) => {
        const xs = pairs.map(([x]) => x);
        const ys = pairs.map(([, y]) => y);
        const fast = sumOfRoundedProducts(xs, ys, 0, pairs.length, Decimal);
        const reference = referenceSum(pairs.map(([x, y]) => x.times(y)));
        if (reference.isZero()) expect(fast).toBeNull();
        else expect(parts(fast as Decimal)).toEqual(parts(reference));
      }),
      { numRuns: 3000 },
    );
  });

  it('sums a range, cancels to null, and leaves extreme operands to decimal.js', () => {
    // 1/3 to 34 digits × 3 = 0.999…9 (34 nines); twice, from index 1: 1.999…98.
    const third = new Decimal(1).div(3);
    const three = new Decimal(3);
    const sumOfTwo = sumOfRoundedProducts([three, third, third], [three, three, three], 1, 3, Decimal)!;
    expect(sumOfTwo.toFixed()).toBe(`1.${'9'.repeat(33)}8`);
    expect(sumOfRoundedProducts([third, third], [three, three.negated()], 0, 2, Decimal)).toBeNull();
    expect(sumOfRoundedProducts([new Decimal('1e2000000000000000')], [three], 0, 1, Decimal)).toBeUndefined();
  });
});

describe('fixedText', () => {
  it('is toFixed() for every Decimal', () => {
    fc.assert(
      fc.property(fc.oneof(decimalArb, longArb, fc.integer().map((n) => new Decimal(n))), (x) => {
        expect(fixedText(x)).toBe(x.toFixed());
      }),
      { numRuns: 3000 },
    );
    // Up to 16 significant digits around the range where the engine's number printing is used
    // (1e-6 ≤ |x| < 1e21, at most 15 digits), its edges included.
    fc.assert(
      fc.property(fc.boolean(), fc.bigInt({ min: 1n, max: 10n ** 16n }), fc.integer({ min: -30, max: 30 }), (negative, m, exponent) => {
        const x = new Decimal(`${negative ? '-' : ''}${m}e${exponent}`);
        expect(fixedText(x)).toBe(x.toFixed());
      }),
      { numRuns: 5000 },
    );
    for (const text of ['0', '-0', '1000', '1e-7', '1e-6', '9.99999999999999e20', '1e21', '999999999999999', '9999999999999999', '0.5', '-123.4500', '10000000', '1e40', '-1e-40']) {
      expect(fixedText(new Decimal(text))).toBe(new Decimal(text).toFixed());
    }
  });
});

describe('timesExact', () => {
  it('is the exact product, as decimal.js gives it at a precision that holds every digit', () => {
    const Exact = DecimalJs.clone({ precision: 2000 });
    fc.assert(
      fc.property(fc.oneof(decimalArb, longArb), fc.oneof(decimalArb, longArb), (a, b) => {
        const reference = new Decimal(new Exact(a).times(b));
        // Zero (an exact sum can be zero) is left to decimal.js.
        if (reference.isZero()) expect(timesExact(a, b)).toBeUndefined();
        else expect(parts(timesExact(a, b)!)).toEqual(parts(reference));
      }),
      { numRuns: 3000 },
    );
    expect(timesExact(new Decimal(0), new Decimal(3))).toBeUndefined();
  });
});

describe('toFloat', () => {
  it('is within a few units in the last place of toNumber()', () => {
    fc.assert(
      fc.property(fc.oneof(decimalArb, longArb), (x) => {
        const exact = x.toNumber();
        expect(Math.abs(toFloat(x) - exact)).toBeLessThanOrEqual(Math.abs(exact) * 8 * Number.EPSILON);
      }),
      { numRuns: 3000 },
    );
    expect(toFloat(new Decimal(0))).toBe(0);
    expect(toFloat(new Decimal('-2.5'))).toBe(-2.5);
  });
});

describe('roundedToPrecision', () => {
  it('is toSignificantDigits(34)', () => {
    fc.assert(
      fc.property(fc.oneof(decimalArb, longArb), (x) => {
        expect(parts(roundedToPrecision(x))).toEqual(parts(x.toSignificantDigits(34)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('fromFloat', () => {
  it('is within about 1e-14 of the float, relatively, and keeps its sign', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e250, max: 1e250 }).filter((v) => v !== 0 && Math.abs(v) > 1e-250), (v) => {
        const d = fromFloat(v, Decimal)!;
        const exact = new Decimal(v);
        expect(d.minus(exact).abs().lte(exact.abs().times('1e-14'))).toBe(true);
        expect(d.isNegative()).toBe(v < 0);
        // Laid out as decimal.js lays out the same number read from its text.
        expect(parts(d)).toEqual(parts(new Decimal(d.toString())));
      }),
      { numRuns: 3000 },
    );
    expect(fromFloat(0, Decimal)).toBeUndefined();
    expect(fromFloat(Number.NaN, Decimal)).toBeUndefined();
    expect(fromFloat(0.1, Decimal)!.toString()).toBe('0.1');
  });
});

describe('parsePlainDecimal', () => {
  it('reads plain decimal text as decimal.js does, and leaves everything else to it', () => {
    const plain = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,25}$/), fc.option(fc.stringMatching(/^[0-9]{1,30}$/), { nil: undefined }))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    fc.assert(
      fc.property(plain, (text) => {
        const fast = parsePlainDecimal(text, Decimal);
        const reference = new Decimal(text);
        if (reference.isZero()) expect(fast).toBeUndefined();
        else expect(parts(fast!)).toEqual(parts(reference));
      }),
      { numRuns: 5000 },
    );
    for (const text of ['', '-', '.5', '5.', '+1', '1e5', ' 1', '1 ', '1..2', '0x10', '١٢']) expect(parsePlainDecimal(text, Decimal)).toBeUndefined();
    expect(parsePlainDecimal('1'.repeat(61), Decimal)).toBeUndefined();
  });
});
