import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFootprints, systemOf } from '../../src/compute/computeFootprints.js';
import { Decimal } from '../../src/decimal/decimal.js';
import { floatLuFactorize, floatLuSolve } from '../../src/graph/floatLu.js';
import { solveSystem } from '../../src/graph/solve.js';
import type { BurdenVector } from '../../src/graph/vector.js';
import { modelArbitrary } from '../arbitraries/models.js';
import { doc, proc } from '../helpers.js';

const text = (v: BurdenVector) => [...v].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, c]) => `${k}=${c.mass.toFixed()}/${c.co2e.toFixed()}`);

function expectSameFootprints(document: unknown, byProcess: boolean): number {
  const system = systemOf(computeFootprints(document, { byProcess }))!;
  const mixed = solveSystem(system, { loops: 'mixed' });
  const exact = solveSystem(system, { loops: 'exact' });
  expect(mixed.footprints.map(text)).toEqual(exact.footprints.map(text));
  expect(mixed.loops).toEqual(exact.loops);
  return mixed.loops.length;
}

describe('mixed-precision loop solver (float64 LU + exact residuals + refinement)', () => {
  it('gives the same 34-digit footprints as exact elimination on random loop models', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true, maxProcesses: 10 }), fc.boolean(), ({ document }, byProcess) => {
        expectSameFootprints(document, byProcess);
      }),
      { numRuns: 80 },
    );
  });

  it('gives the same footprints on a ring of 40 processes with cross links (one component)', () => {
    // p_i uses 0.1 t of p_{i−1} and 0.05 t of p_{i+7} per t made: every row sums to 0.15 < 1.
    const n = 40;
    const processes = Array.from({ length: n }, (_, i) =>
      proc(`p${i}`, [`f${i}`, '1'], String(10 + i), [
        { flow: `f${(i + n - 1) % n}`, amount: '0.1', unit: 't', from: `p${(i + n - 1) % n}` },
        { flow: `f${(i + 7) % n}`, amount: '0.05', unit: 't', from: `p${(i + 7) % n}` },
      ]),
    );
    expect(expectSameFootprints(doc(processes), false)).toBe(1);
  });

  it('reaches the correctly rounded answer (x = 1 + 0.2 x → 1.25; a non-terminating 1 × 1 loop)', () => {
    const system = systemOf(computeFootprints(doc([proc('s', ['x', '1'], '1', [{ flow: 'x', amount: '0.2', unit: 't', from: 's' }])]), { byProcess: false }))!;
    expect([...solveSystem(system).footprints[0]!.values()][0]!.co2e.toFixed()).toBe('1.25');
    // 3 t made from 2 t of itself, 3 t CO2: per unit = 1/3 → 0.333…3 (34 digits), so the direct
    // burden is 3 × 0.333…3 = 0.999…9 (34 nines), the coefficient 2 × 0.333…3 = 0.666…6 and
    // x = (1 − 10⁻³⁴) / (1/3 + ⅔·10⁻³⁴) = 3 − 9·10⁻³⁴ + … = 2.999…9991…: one division,
    // correctly rounded by Decimal itself, is the answer the refinement must reach.
    const third = systemOf(
      computeFootprints(doc([proc('s', ['x', '3'], '3', [{ flow: 'x', amount: '2', unit: 't', from: 's' }])]), { byProcess: false }),
    )!;
    const perUnit = new Decimal(1).div(3);
    const expected = new Decimal(3).times(perUnit).div(new Decimal(1).minus(new Decimal(2).times(perUnit)));
    expect(expected.toFixed()).toBe('2.999999999999999999999999999999999');
    expect([...solveSystem(third).footprints[0]!.values()][0]!.co2e.eq(expected)).toBe(true);
  });
});

describe('floatLu', () => {
  it('solves a small system with pivoting', () => {
    // [[0, 2], [3, 1]] x = [4, 5] → x₂ = 2, x₁ = (5 − 2)/3 = 1
    const lu = floatLuFactorize(Float64Array.from([0, 2, 3, 1]), 2)!;
    expect([...floatLuSolve(lu, Float64Array.from([4, 5]))]).toEqual([1, 2]);
  });
  it('reports a singular matrix', () => {
    expect(floatLuFactorize(Float64Array.from([1, 2, 2, 4]), 2)).toBeUndefined();
  });

  it('solves the loop as written: 1 − c is not rounded to 34 digits before the refinement (property)', () => {
    // s makes `made` t of x from `used` t of x and emits `co2` t: per unit 1/made (34 digits),
    // direct burden co2 × that and coefficient used × that (each rounded once, as the solver
    // rounds them), and the footprint d / (1 − c) correctly rounded — here from 120-digit
    // arithmetic. 1 − c has more than 34 digits when c is small (3,000 t from 1 t of itself:
    // c = 0.0003333…), and rounding it first gave 0.002334111370456818939646548849616538 for
    // co2 = 7 instead of …539.
    const Wide = DecimalJs.clone({ precision: 120, rounding: DecimalJs.ROUND_HALF_EVEN });
    const expected = (made: number, used: number, co2: number): string => {
      const perUnit = new Wide(1).div(made).toSignificantDigits(34);
      const direct = new Wide(co2).times(perUnit).toSignificantDigits(34);
      const c = new Wide(used).times(perUnit).toSignificantDigits(34);
      return new Decimal(direct.div(new Wide(1).minus(c)).toSignificantDigits(34).toString()).toString();
    };
    const footprint = (made: number, used: number, co2: number): string =>
      computeFootprints(doc([proc('s', ['x', String(made)], String(co2), [{ flow: 'x', amount: String(used), unit: 't', from: 's' }])]), { byProcess: false }).products[0]!.total.toString();
    expect(footprint(3000, 1, 7)).toBe('0.002334111370456818939646548849616539');
    expect(expected(3000, 1, 7)).toBe('0.002334111370456818939646548849616539');
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100_000 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10_000 }), (made, usedPart, co2) => {
        const used = 1 + (usedPart % (made - 1));
        expect(footprint(made, used, co2)).toBe(expected(made, used, co2));
      }),
      { numRuns: 200, seed: 20261203 },
    );
  });
});
