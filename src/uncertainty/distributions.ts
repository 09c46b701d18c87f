import { InvalidNumberError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import type { Decimal } from '../decimal/decimal.js';
import type { Uncertainty } from '../factors/types.js';
import { portableExp, portableLog } from './floatMath.js';
import type { RandomSource } from './random.js';

/**
 * An uncertainty turned into a float sampler of the multiplier that scales a term's central
 * value, with the multiplier's mean and standard deviation (for first-order propagation).
 */
export interface TermDistribution {
  readonly sample: (random: RandomSource) => number;
  readonly mean: number;
  readonly sd: number;
}

/**
 * A standard normal draw by Marsaglia's polar method (only √ and ln, both portable).
 *
 * @example
 * standardNormal(seededRandom(1)); // one N(0, 1) draw, the same on every machine
 */
export function standardNormal(random: RandomSource): number {
  for (;;) {
    const u = 2 * random.next() - 1;
    const v = 2 * random.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * portableLog(s)) / s);
  }
}

/**
 * The distribution of the multiplier m = X / value of a term whose central value is `value`:
 * - `normal` { sd }: X ~ N(value, sd²) (sd in the value's unit);
 * - `range` { percent }: IPCC's ±percent at 95 % confidence read as a normal with
 *   sd = value × percent / 196 (1.96 sd each side; IPCC 2006 Vol. 1 Ch. 3, Eq. 3.1 notation);
 * - `lognormal` { gsd }: X = value × gsd^Z, the value being the median (geometric mean);
 * - `triangular` { min, mode, max } and `uniform` { min, max }: absolute bounds in the value's unit.
 * Throws InvalidNumberError for parameters that describe no distribution.
 *
 * @example
 * termDistribution({ distribution: 'range', percent: new Decimal(10) }, new Decimal('0.5366')).sd; // 10/196
 */
export function termDistribution(uncertainty: Uncertainty, value: Decimal, path: DocumentPath = []): TermDistribution {
  const central = value.toNumber();
  if (central === 0) throw new InvalidNumberError('an uncertain value of zero cannot be scaled; give the uncertainty to a non-zero value', { path });
  const bad = (message: string) => new InvalidNumberError(message, { path });
  switch (uncertainty.distribution) {
    case 'normal':
    case 'range': {
      const relative = uncertainty.distribution === 'normal' ? uncertainty.sd.toNumber() / Math.abs(central) : uncertainty.percent.toNumber() / 196;
      if (!(relative >= 0) || !Number.isFinite(relative)) throw bad('the standard deviation (or percent) must be a non-negative number');
      return { sample: (random) => 1 + relative * standardNormal(random), mean: 1, sd: relative };
    }
    case 'lognormal': {
      const gsd = uncertainty.gsd.toNumber();
      if (!(gsd >= 1) || !Number.isFinite(gsd)) throw bad('a geometric standard deviation is at least 1');
      const sigma = portableLog(gsd);
      const s2 = sigma * sigma;
      return {
        sample: (random) => portableExp(sigma * standardNormal(random)),
        mean: portableExp(s2 / 2),
        sd: Math.sqrt((portableExp(s2) - 1) * portableExp(s2)),
      };
    }
    case 'uniform': {
      const min = uncertainty.min.toNumber() / central;
      const max = uncertainty.max.toNumber() / central;
      const [low, high] = central > 0 ? [min, max] : [max, min];
      if (!(low <= high)) throw bad('uniform needs min ≤ max');
      return { sample: (random) => low + (high - low) * random.next(), mean: (low + high) / 2, sd: (high - low) / Math.sqrt(12) };
    }
    case 'triangular': {
      const scale = (d: Decimal) => d.toNumber() / central;
      let [a, c, b] = [scale(uncertainty.min), scale(uncertainty.mode), scale(uncertainty.max)];
      if (central < 0) [a, c, b] = [b, c, a];
      if (!(a <= c && c <= b) || a === b) throw bad('triangular needs min ≤ mode ≤ max and min < max');
      const split = (c - a) / (b - a);
      return {
        // Inverse CDF of the triangular distribution.
        sample: (random) => {
          const u = random.next();
          return u < split ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
        },
        mean: (a + b + c) / 3,
        sd: Math.sqrt((a * a + b * b + c * c - a * b - a * c - b * c) / 18),
      };
    }
  }
}
