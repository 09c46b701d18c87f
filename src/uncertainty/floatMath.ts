/**
 * Natural logarithm and exponential from + − × ÷ only. IEEE 754 makes those four operations
 * correctly rounded everywhere, while Math.log and Math.exp may differ in the last bit between
 * JavaScript engines; a simulation must give the same numbers for the same seed on every machine.
 */
const LN2 = 0.6931471805599453;
const SQRT_HALF = 0.7071067811865476;

/**
 * ln(x) for x > 0: x = m · 2^e with m in [√½, √2), ln m = 2 atanh((m − 1)/(m + 1)) by its series.
 *
 * @example
 * portableLog(Math.E); // ≈ 1
 */
export function portableLog(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Number.NaN;
  let m = x;
  let e = 0;
  // Scaling by powers of two is exact.
  while (m >= 2 * SQRT_HALF * 2) {
    m /= 16;
    e += 4;
  }
  while (m >= 2 * SQRT_HALF) {
    m /= 2;
    e += 1;
  }
  while (m < SQRT_HALF / 8) {
    m *= 16;
    e -= 4;
  }
  while (m < SQRT_HALF) {
    m *= 2;
    e -= 1;
  }
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  // |s| ≤ 0.1716, s² ≤ 0.0295: terms fall by 30× each, 12 terms reach below 1e-17 relative.
  let term = s;
  let series = 0;
  for (let k = 1; k <= 25; k += 2) {
    series += term / k;
    term *= s2;
  }
  return e * LN2 + 2 * series;
}

/**
 * e^x: x = k ln 2 + r with |r| ≤ ln 2 / 2, e^r by its Taylor series, times 2^k.
 *
 * @example
 * portableExp(1); // ≈ 2.718281828459045
 */
export function portableExp(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 709.7) return Number.POSITIVE_INFINITY;
  if (x < -745) return 0;
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let series = 1;
  for (let i = 1; i <= 20; i++) {
    term *= r / i;
    series += term;
  }
  let scale = 1;
  const base = k >= 0 ? 2 : 0.5;
  for (let i = 0; i < Math.abs(k); i++) scale *= base;
  return series * scale;
}
