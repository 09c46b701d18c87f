"""Reference solve for the smeltprint benchmark (issue 7).

Reads the linear system a benchmark case exported -- A = I - C as sparse triplets, the
right-hand sides (one column per burden key and mass/CO2e) and smeltprint's own solution --
solves A X = B with float64 scipy.sparse.linalg.spsolve (SuperLU), and prints one JSON line:
the best of three solve times and the largest relative difference to smeltprint's solution.

Usage: python3 bench/scipy_reference.py DIR   (DIR holds meta.json, rows.i32, cols.i32,
vals.f64, rhs.f64, ours.f64; matrices column-major, n x k)
"""
import json
import sys
import time

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla


def main(directory: str) -> None:
    meta = json.load(open(f"{directory}/meta.json"))
    n, k = meta["n"], meta["k"]
    rows = np.fromfile(f"{directory}/rows.i32", dtype=np.int32)
    cols = np.fromfile(f"{directory}/cols.i32", dtype=np.int32)
    vals = np.fromfile(f"{directory}/vals.f64", dtype=np.float64)
    rhs = np.fromfile(f"{directory}/rhs.f64", dtype=np.float64).reshape((k, n)).T
    ours = np.fromfile(f"{directory}/ours.f64", dtype=np.float64).reshape((k, n)).T
    matrix = sp.csc_matrix((vals, (rows, cols)), shape=(n, n))
    timings = {}
    solution = None
    # spsolve's default column ordering (COLAMD) and the natural one: for an acyclic model in
    # document order A is triangular and the natural ordering has no fill-in at all. The best
    # of the two is the reference, so our ratio is never flattered by a poor ordering.
    # COLAMD's fill-in on these matrices grows fast (seconds at 10,000): above 20,000 products
    # only the natural ordering is timed, and COLAMD once above 5,000. The natural ordering is
    # cheap and always timed three times: the reference is its best of three at every size (ours
    # is the best of three solves too).
    orderings = ("COLAMD", "NATURAL") if n <= 20000 else ("NATURAL",)
    for ordering in orderings:
        repeats = 3 if ordering == "NATURAL" or n <= 5000 else 1
        best = float("inf")
        for _ in range(repeats):
            start = time.perf_counter()
            solution = spla.spsolve(matrix, rhs, permc_spec=ordering)
            best = min(best, time.perf_counter() - start)
        timings[ordering] = best
    best = min(timings.values())
    solution = np.asarray(solution).reshape((n, k))
    scale = np.maximum(np.abs(ours), 1e-300)
    mask = np.abs(ours) > 0
    difference = float(np.max(np.abs(solution - ours)[mask] / scale[mask])) if mask.any() else 0.0
    print(json.dumps({"seconds": best, "colamdSeconds": timings.get("COLAMD"), "naturalSeconds": timings["NATURAL"], "n": n, "k": k, "nnz": int(matrix.nnz), "maxRelativeDifference": difference}))


if __name__ == "__main__":
    main(sys.argv[1])
