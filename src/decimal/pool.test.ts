import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal as DecimalJs } from 'decimal.js';
import { Decimal, ZERO } from './decimal.js';
import { NOT_POOLED, ZERO_REF, type WordPool } from './pool.js';
import { POOL_SOURCE_SHA256 } from './wasm/poolWasm.js';
import { hasWasmPool, newWordPool } from './wasmPool.js';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

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

/** Σ xs[t] × ys[t] (references), the lists written into the pool for its `sum`. */
function sumOfRefs(pool: WordPool, xs: readonly number[], ys: readonly number[]): number {
  const at = pool.scratch(2 * xs.length);
  pool.words().set(xs, pool.base + at);
  pool.words().set(ys, pool.base + at + xs.length);
  return pool.sum(at, at + xs.length, xs.length);
}

function pooledSum(pool: WordPool, pairs: readonly (readonly [Decimal, Decimal])[]): number {
  return sumOfRefs(pool, pairs.map(([x]) => pool.ref(x)), pairs.map(([, y]) => pool.ref(y)));
}

it('runs the WebAssembly pool here, built from the pool.c in the tree', () => {
  expect(hasWasmPool()).toBe(true);
  // npm run build:wasm writes the digest of the source it compiled: an edit of pool.c without
  // a rebuild would leave the shipped bytes behind the source.
  const source = readFileSync(new URL('./wasm/pool.c', import.meta.url));
  expect(createHash('sha256').update(source).digest('hex')).toBe(POOL_SOURCE_SHA256);
});

describe('word pool', () => {
  const newPool = () => newWordPool(Decimal, ZERO)!;

  it('sums products rounded to 34 digits exactly, in the representation decimal.js gives', () => {
    fc.assert(
      fc.property(pairsArb, (pairs) => {
        const pool = newPool();
        const ref = pooledSum(pool, pairs);
        const reference = referenceSum(pairs.map(([x]) => x), pairs.map(([, y]) => y));
        if (reference.isZero()) expect(ref).toBe(ZERO_REF);
        else expect(parts(pool.decimal(ref) as Decimal)).toEqual(parts(reference));
      }),
      { numRuns: 3000 },
    );
  });

  it('sums long lists of terms as short ones (carries in 64 bits past 128 terms)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(decimalArb, decimalArb), { minLength: 100, maxLength: 400 }), (pairs) => {
        const pool = newPool();
        const ref = pooledSum(pool, pairs);
        const reference = referenceSum(pairs.map(([x]) => x), pairs.map(([, y]) => y));
        if (reference.isZero()) expect(ref).toBe(ZERO_REF);
        else expect(parts(pool.decimal(ref) as Decimal)).toEqual(parts(reference));
      }),
      { numRuns: 100 },
    );
  });

  it('takes its own sums as operands (a chain of products, as the sweep makes)', () => {
    fc.assert(
      fc.property(pairsArb, decimalArb, (pairs, k) => {
        const pool = newPool();
        const first = pooledSum(pool, pairs);
        const kRef = pool.ref(k);
        const second = sumOfRefs(pool, [first, first], [kRef, kRef]);
        const x = pool.decimal(first) as Decimal;
        const reference = referenceSum([x, x], [k, k]);
        if (reference.isZero()) expect(second).toBe(ZERO_REF);
        else expect(parts(pool.decimal(second) as Decimal)).toEqual(parts(reference));
      }),
      { numRuns: 1000 },
    );
  });

  it('rounds ties at the 34th digit to even, at every alignment of the digits to the words', () => {
    // x has 34 digits and then a 5, so x × 10^e (or × 2 and × 5, which keep the tie or move it)
    // is a tie at the 35th digit: its last kept digit decides, unless a tail below the 5 is not
    // zero. Exponents from −40 to 40 put the cut at every position in a word, and whole-word cuts.
    const digitsArb = fc.array(fc.constantFrom('0', '1', '4', '5', '8', '9'), { minLength: 32, maxLength: 32 });
    fc.assert(
      fc.property(fc.boolean(), digitsArb, fc.integer({ min: 0, max: 9 }), fc.constantFrom('', '0000', '0001', '3'), fc.integer({ min: -40, max: 40 }), fc.constantFrom('1', '2', '5'), fc.boolean(), (negative, digits, last, tail, exponent, y, second) => {
        const x = new Decimal(`${negative ? '-' : ''}1${digits.join('')}${last}5${tail}e${exponent}`);
        const pairs: [Decimal, Decimal][] = second ? [[x, new Decimal(y)], [x, new Decimal(`${y}e-9`)]] : [[x, new Decimal(y)]];
        const pool = newPool();
        const ref = pooledSum(pool, pairs);
        expect(parts(pool.decimal(ref) as Decimal)).toEqual(parts(referenceSum(pairs.map(([a]) => a), pairs.map(([, b]) => b))));
        // The product alone (timesRounded rounds in place, not through a sum).
        const [first, factor] = pairs[0]!;
        expect(parts(pool.decimal(pool.timesRounded(pool.ref(first), pool.ref(factor))) as Decimal)).toEqual(parts(first.times(factor)));
      }),
      { numRuns: 3000 },
    );
  });

  it('rounds a product of nines up into a new first digit, as decimal.js does', () => {
    const pool = newPool();
    // 34 nines then a 5: rounding carries through every word, and the value gains a digit.
    for (const [x, y] of [[`${'9'.repeat(34)}5`, '1'], [`9.${'9'.repeat(33)}5`, '1e-3'], [`-${'9'.repeat(40)}`, '1e7'], ['99999995', `1${'0'.repeat(30)}1`]] as const) {
      const product = pool.timesRounded(pool.ref(new Decimal(x)), pool.ref(new Decimal(y)));
      expect(parts(pool.decimal(product) as Decimal)).toEqual(parts(new Decimal(x).times(new Decimal(y))));
    }
  });

  it('multiplies and divides as decimal.js does at 34 digits, half-even', () => {
    fc.assert(
      fc.property(decimalArb, decimalArb, (a, b) => {
        const pool = newPool();
        const aRef = pool.ref(a);
        const bRef = pool.ref(b);
        const product = pool.timesRounded(aRef, bRef);
        const exact = a.times(b);
        if (exact.isZero()) expect(product).toBe(ZERO_REF);
        else expect(parts(pool.decimal(product) as Decimal)).toEqual(parts(exact));
        if (b.isZero()) return;
        const quotient = pool.quotient(aRef, bRef);
        // The pool divides by divisors of up to twelve significant digits only.
        if (quotient === NOT_POOLED) {
          expect(b.sd()).toBeGreaterThan(12);
          return;
        }
        if (a.isZero()) expect(quotient).toBe(ZERO_REF);
        else expect(parts(pool.decimal(quotient) as Decimal)).toEqual(parts(a.div(b)));
      }),
      { numRuns: 3000 },
    );
  });

  it('divides by short divisors exactly, ties to even (1/8 and 1/3 at 34 digits)', () => {
    const pool = newPool();
    const q = (a: string, b: string) => pool.decimal(pool.quotient(pool.ref(new Decimal(a)), pool.ref(new Decimal(b)))).toFixed();
    expect(q('1', '8')).toBe('0.125');
    expect(q('1', '3')).toBe(`0.${'3'.repeat(34)}`);
    expect(q('2', '3')).toBe(`0.${'6'.repeat(33)}7`);
    // 10.97604 × 24,960 = 273,961.9584: the quotient is exact, no 34th-digit tail.
    expect(q('273961.9584', '24960')).toBe('10.97604');
    expect(q('1', '1.05')).toBe(new Decimal(1).div('1.05').toFixed());
    // 1.000…0005 (35 digits) / 1: a tie after an even digit stays; after an odd one goes up.
    expect(q(`1.${'0'.repeat(33)}5`, '1')).toBe('1');
    expect(q(`1.${'0'.repeat(32)}15`, '1')).toBe(`1.${'0'.repeat(32)}2`);
    expect(q('-7', '2')).toBe('-3.5');
  });

  it('grows past its first allocation without changing earlier values', () => {
    const pool = newPool();
    const values = Array.from({ length: 5000 }, (_, i) => new Decimal(`${i + 1}.${'3'.repeat(30)}`));
    const refs = values.map((v) => pool.ref(v));
    const three = pool.ref(new Decimal(3));
    const sums = refs.map((r) => pool.timesRounded(r, three));
    // (i + 1).333…3 (30 threes) × 3 = 3(i + 1) + 0.999…9 (30 nines), 31–35 digits: rounded to 34.
    sums.forEach((s, i) => expect(pool.decimal(s).toFixed()).toBe(values[i]!.times(3).toFixed()));
    values.forEach((v, i) => expect(pool.decimal(refs[i]!).toFixed()).toBe(v.toFixed()));
  });

  it('leaves extreme exponents, very long values and far-apart sums to decimal.js', () => {
    const pool = newPool();
    expect(pool.ref(new Decimal('1e2000000000000000'))).toBe(NOT_POOLED);
    const Long = DecimalJs.clone({ precision: 400 });
    expect(pool.ref(new Long(`1.${'7'.repeat(300)}`) as unknown as Decimal)).toBe(NOT_POOLED);
    const one = pool.ref(new Decimal(1));
    const far = [pool.ref(new Decimal('1e990')), pool.ref(new Decimal('1e-990'))];
    expect(sumOfRefs(pool, far, [one, one])).toBe(NOT_POOLED);
  });

  it('leaves products of its own long sums, and exponents past 10^7 digits, to decimal.js', () => {
    const pool = newPool();
    // 1e260 + 1e-30: an exact sum of 291 digits, 43 words: fine as a value, too long to multiply
    // (pool.c sizes a product for operands of 40 words).
    const one = pool.ref(new Decimal(1));
    const long = sumOfRefs(pool, [pool.ref(new Decimal('1e260')), pool.ref(new Decimal('1e-30'))], [one, one]);
    expect(pool.decimal(long).toFixed()).toBe(`1${'0'.repeat(260)}.${'0'.repeat(29)}1`);
    expect(pool.timesRounded(long, one)).toBe(NOT_POOLED);
    expect(pool.quotient(long, one)).toBe(NOT_POOLED);
    // Exponents: 3.5e16000000000 is a Decimal, not a pool value; 1e9999999 is, and its square
    // (an exponent of 2 × 10^7 digits) is left to decimal.js.
    expect(pool.ref(new Decimal('3.5e16000000000'))).toBe(NOT_POOLED);
    const huge = pool.ref(new Decimal('1e9999999'));
    expect(huge).not.toBe(NOT_POOLED);
    expect(pool.timesRounded(huge, huge)).toBe(NOT_POOLED);
    expect(pool.timesRounded(NOT_POOLED, one)).toBe(NOT_POOLED);
    expect(pool.quotient(one, NOT_POOLED)).toBe(NOT_POOLED);
    expect(pool.quotient(NOT_POOLED, one)).toBe(NOT_POOLED);
  });

  it('keeps sign, exponent and words through its one-word header, to the exponent limits', () => {
    const pool = newPool();
    for (const text of ['1e9999999', '-1.5e-9999990', '-9999999.9999999', `0.${'0'.repeat(40)}7`, `-${'9'.repeat(280)}`]) {
      const x = new Decimal(text);
      const ref = pool.ref(x);
      expect(ref).not.toBe(NOT_POOLED);
      expect(parts(pool.decimal(ref) as Decimal)).toEqual(parts(x));
    }
  });

  it('loads the image of another pool into a new pool: the same references, values and room after them', () => {
    const first = newPool();
    const values = Array.from({ length: 2000 }, (_, i) => new Decimal(`-${i + 1}.${'7'.repeat(i % 40)}e${(i % 61) - 30}`));
    const refs = values.map((v) => first.ref(v));
    const two = first.ref(new Decimal(2));
    const doubled = refs.map((r) => first.timesRounded(r, two));
    const image = first.image();
    const second = newPool();
    expect(second.load(image, 1000)).toBe(true);
    values.forEach((v, i) => expect(parts(second.decimal(refs[i]!) as Decimal)).toEqual(parts(v)));
    doubled.forEach((d, i) => expect(parts(second.decimal(d) as Decimal)).toEqual(parts(values[i]!.times(2))));
    // Values added after the image do not meet it, and it is a copy: the first pool is unchanged.
    const more = second.timesRounded(refs[5]!, refs[5]!);
    expect(more).toBeGreaterThanOrEqual(image.length);
    expect(second.decimal(more).toFixed()).toBe(values[5]!.times(values[5]!).toFixed());
    values.forEach((v, i) => expect(first.decimal(refs[i]!).toFixed()).toBe(v.toFixed()));
    // Only into a new pool, and only an image (zero's header first).
    expect(second.load(image, 0)).toBe(false);
    const used = newPool();
    used.ref(new Decimal(7));
    expect(used.load(image, 0)).toBe(false);
    expect(newPool().load(Int32Array.of(5, 1), 0)).toBe(false);
    expect(newPool().load(new Int32Array(0), 0)).toBe(false);
  });

  it('gives the library zero for zero', () => {
    const pool = newPool();
    expect(pool.ref(new Decimal(0))).toBe(ZERO_REF);
    expect(pool.decimal(ZERO_REF)).toBe(ZERO);
  });
});
