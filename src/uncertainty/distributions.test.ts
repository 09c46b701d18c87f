import { describe, expect, it } from 'vitest';
import { InvalidNumberError } from '../core/errors.js';
import { Decimal } from '../decimal/decimal.js';
import type { Uncertainty } from '../factors/types.js';
import { standardNormal, termDistribution } from './distributions.js';
import { seededRandom } from './random.js';

const D = (v: string) => new Decimal(v);

/** Sample mean and sd of n draws. */
function moments(sample: () => number, n: number): { mean: number; sd: number } {
  let total = 0;
  let squares = 0;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = sample();
    total += values[i]!;
  }
  const mean = total / n;
  for (let i = 0; i < n; i++) squares += (values[i]! - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / (n - 1)) };
}

const N = 100_000;
// Tolerances: 5 standard errors. SE(mean) = sd/√N; SE(sd) ≈ sd·√((κ − 1)/(4N)) with kurtosis κ,
// at most κ = 9 for the distributions below (lognormal gsd 1.5 has κ ≈ 8.0), so 5·sd·√(2/N).
function expectMoments(u: Uncertainty, value: string, mean: number, sd: number): void {
  const distribution = termDistribution(u, D(value));
  expect(distribution.mean).toBeCloseTo(mean, 12);
  expect(distribution.sd).toBeCloseTo(sd, 12);
  const random = seededRandom(11);
  const sampled = moments(() => distribution.sample(random), N);
  expect(Math.abs(sampled.mean - mean)).toBeLessThan((5 * sd) / Math.sqrt(N));
  expect(Math.abs(sampled.sd - sd)).toBeLessThan(5 * sd * Math.sqrt(2 / N));
}

describe('term distributions (multipliers of the central value)', () => {
  it('standard normal: mean 0, sd 1', () => {
    const random = seededRandom(5);
    const sampled = moments(() => standardNormal(random), N);
    expect(Math.abs(sampled.mean)).toBeLessThan(5 / Math.sqrt(N));
    expect(Math.abs(sampled.sd - 1)).toBeLessThan(5 * Math.sqrt(1 / (2 * N)));
  });

  it('normal: sd 0.1 on a value of 2 is a relative sd of 0.05', () => {
    expectMoments({ distribution: 'normal', sd: D('0.1') }, '2', 1, 0.05);
  });

  it('IPCC range ±10 % at 95 %: relative sd 10/196', () => {
    expectMoments({ distribution: 'range', percent: D('10') }, '0.5366', 1, 10 / 196);
  });

  it('uniform 0.9..1.3 around 1: mean 1.1, sd 0.4/√12', () => {
    expectMoments({ distribution: 'uniform', min: D('0.9'), max: D('1.3') }, '1', 1.1, 0.4 / Math.sqrt(12));
  });

  it('triangular 0.9, 1.2, 1.8 on 1.2: multipliers 0.75, 1, 1.5 → mean 3.25/3, sd √(0.4375/18)', () => {
    // a² + b² + c² − ab − ac − bc = 0.5625 + 1 + 2.25 − 0.75 − 1.125 − 1.5 = 0.4375
    expectMoments({ distribution: 'triangular', min: D('0.9'), mode: D('1.2'), max: D('1.8') }, '1.2', 3.25 / 3, Math.sqrt(0.4375 / 18));
  });

  it('lognormal gsd 1.5 with the value as median: mean e^(σ²/2), sd √((e^(σ²) − 1) e^(σ²)), σ = ln 1.5', () => {
    const s2 = Math.log(1.5) ** 2;
    expectMoments({ distribution: 'lognormal', gsd: D('1.5') }, '3', Math.exp(s2 / 2), Math.sqrt((Math.exp(s2) - 1) * Math.exp(s2)));
  });

  it('rejects parameters that describe no distribution', () => {
    expect(() => termDistribution({ distribution: 'normal', sd: D('-1') }, D('1'))).toThrow(InvalidNumberError);
    expect(() => termDistribution({ distribution: 'lognormal', gsd: D('0.5') }, D('1'))).toThrow(InvalidNumberError);
    expect(() => termDistribution({ distribution: 'uniform', min: D('2'), max: D('1') }, D('1'))).toThrow(InvalidNumberError);
    expect(() => termDistribution({ distribution: 'triangular', min: D('1'), mode: D('3'), max: D('2') }, D('1'))).toThrow(InvalidNumberError);
    expect(() => termDistribution({ distribution: 'range', percent: D('5') }, D('0'))).toThrow(InvalidNumberError);
  });
});
