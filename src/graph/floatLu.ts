/**
 * Dense LU factorization with partial pivoting in float64, for the mixed-precision loop solver:
 * the factorization only has to be good enough to make each refinement step gain digits; the
 * answer itself comes from exact decimal residuals (see solve.ts). Plain IEEE 754 double
 * arithmetic in a fixed order, so the result is the same on every machine.
 */
export interface FloatLu {
  readonly size: number;
  /** Row-major m × m: L below the diagonal (unit diagonal implied), U on and above it. */
  readonly lu: Float64Array;
  /** Row i of LU came from row perm[i] of the matrix. */
  readonly perm: Int32Array;
}

/**
 * Factorizes a row-major dense m × m matrix; returns undefined when a pivot is zero or so small
 * relative to the matrix that float64 cannot be trusted (the caller then falls back to exact
 * elimination, which decides singularity exactly).
 *
 * @example
 * const lu = floatLuFactorize(Float64Array.from([4, 3, 6, 3]), 2);
 * floatLuSolve(lu!, Float64Array.from([10, 12])); // ≈ [1, 2]
 */
export function floatLuFactorize(matrix: Float64Array, m: number): FloatLu | undefined {
  const a = Float64Array.from(matrix);
  const perm = new Int32Array(m);
  for (let i = 0; i < m; i++) perm[i] = i;
  let norm = 0;
  for (let i = 0; i < a.length; i++) norm = Math.max(norm, Math.abs(a[i]!));
  const tiny = norm * m * Number.EPSILON;
  for (let col = 0; col < m; col++) {
    let pivot = col;
    let best = Math.abs(a[col * m + col]!);
    for (let r = col + 1; r < m; r++) {
      const v = Math.abs(a[r * m + col]!);
      if (v > best) {
        best = v;
        pivot = r;
      }
    }
    if (!(best > tiny)) return undefined;
    if (pivot !== col) {
      for (let c = 0; c < m; c++) {
        const t = a[col * m + c]!;
        a[col * m + c] = a[pivot * m + c]!;
        a[pivot * m + c] = t;
      }
      const t = perm[col]!;
      perm[col] = perm[pivot]!;
      perm[pivot] = t;
    }
    const pivotValue = a[col * m + col]!;
    const pivotBase = col * m;
    for (let r = col + 1; r < m; r++) {
      const rowBase = r * m;
      const below = a[rowBase + col]!;
      if (below === 0) continue;
      const factor = below / pivotValue;
      a[rowBase + col] = factor;
      for (let c = col + 1; c < m; c++) a[rowBase + c] = a[rowBase + c]! - factor * a[pivotBase + c]!;
    }
  }
  return { size: m, lu: a, perm };
}

/**
 * Solves A x = b with a factorization of A.
 *
 * @example
 * floatLuSolve(floatLuFactorize(Float64Array.from([2, 0, 0, 4]), 2)!, Float64Array.from([2, 2])); // [1, 0.5]
 */
export function floatLuSolve({ size: m, lu, perm }: FloatLu, b: Float64Array): Float64Array {
  const x = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[perm[i]!]!;
    const base = i * m;
    for (let j = 0; j < i; j++) s -= lu[base + j]! * x[j]!;
    x[i] = s;
  }
  for (let i = m - 1; i >= 0; i--) {
    let s = x[i]!;
    const base = i * m;
    for (let j = i + 1; j < m; j++) s -= lu[base + j]! * x[j]!;
    x[i] = s / lu[base + i]!;
  }
  return x;
}
