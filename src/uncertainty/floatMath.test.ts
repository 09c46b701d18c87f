import { describe, expect, it } from 'vitest';
import { portableExp, portableLog } from './floatMath.js';

describe('portable ln and exp', () => {
  it('agree with Math.log to within a few units in the last place', () => {
    for (const x of [1e-300, 1e-12, 0.001, 0.25, 0.7071, 0.999999, 1, 1.000001, 1.5, 2, 3, 10, 12345.678, 1e12, 1e300]) {
      const reference = Math.log(x);
      expect(Math.abs(portableLog(x) - reference)).toBeLessThanOrEqual(4 * Number.EPSILON * Math.max(1, Math.abs(reference)));
    }
    expect(portableLog(1)).toBe(0);
    expect(Number.isNaN(portableLog(0))).toBe(true);
    expect(Number.isNaN(portableLog(-1))).toBe(true);
  });

  it('agree with Math.exp over the range simulations use', () => {
    for (const x of [-30, -5, -1, -0.3, 0, 0.3, 1, 2.5, 5, 30]) {
      expect(Math.abs(portableExp(x) - Math.exp(x)) / Math.exp(x)).toBeLessThan(1e-14);
    }
    expect(portableExp(0)).toBe(1);
  });

  it('are inverse to each other', () => {
    for (const x of [0.01, 0.5, 1, 2, 100]) expect(Math.abs(portableExp(portableLog(x)) / x - 1)).toBeLessThan(1e-14);
  });
});
