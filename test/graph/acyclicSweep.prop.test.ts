import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smelterChainDocument } from '../../bench/generate.js';
import { computeFootprints, systemOf } from '../../src/compute/computeFootprints.js';
import type { Decimal } from '../../src/decimal/decimal.js';
import { solveSystem, type Solution } from '../../src/graph/solve.js';
import type { System } from '../../src/graph/system.js';
import { forEachCell } from '../../src/graph/vector.js';
import { modelArbitrary } from '../arbitraries/models.js';
import { doc, proc } from '../helpers.js';

/** decimal.js's own representation: the paths must give the very same Decimals. */
function parts(x: Decimal): string {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] };
  return `${s}|${e}|${d.join(',')}`;
}

/** Every footprint cell in order, with whether its CO2e is its mass (one Decimal for both). */
function cells(solution: Solution): string[][] {
  return solution.footprints.map((vector) => {
    const out: string[] = [];
    forEachCell(vector, (mass, co2e, key) => out.push(`${key}:${parts(mass)}:${co2e === mass ? '=' : parts(co2e)}`));
    return out;
  });
}

function equations(solution: Solution): string[] {
  return solution.equations.map((eq) => `${parts(eq.perUnit)} ${eq.links.map((l) => `${l.provider}×${parts(l.coefficient)}`).join(' ')}`);
}

function expectSamePaths(system: System): Solution {
  const reference = solveSystem(system, { acyclic: 'decimal' });
  for (const acyclic of ['pooled', 'pooled-js'] as const) {
    const pooled = solveSystem(system, { acyclic });
    expect(cells(pooled)).toEqual(cells(reference));
    expect(equations(pooled)).toEqual(equations(reference));
    expect(pooled.loops).toEqual(reference.loops);
  }
  return reference;
}

const systemFor = (document: unknown, byProcess = false) => systemOf(computeFootprints(document, { byProcess }))!;

describe('acyclic sweep on pooled words (WebAssembly and JavaScript) against the Decimal path', () => {
  it('gives the same cells, keys, key order and Decimals on random models, with and without loops', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true, maxProcesses: 12 }), fc.boolean(), ({ document }, byProcess) => {
        expectSamePaths(systemFor(document, byProcess));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same footprints on a generated smelter chain with co-products and loops', () => {
    const reference = expectSamePaths(systemFor(smelterChainDocument({ processes: 300, loopSize: 5, seed: 7 })));
    expect(reference.loops.length).toBeGreaterThan(0);
  });

  it('takes the Decimal path for what the pool leaves to decimal.js, with the same numbers', () => {
    // 1e24 t and 1e-30 t of CO2 per run in one sum: 54 digits apart are still pooled; amounts
    // with more than nine significant digits divide by decimal.js; 40-digit shares of a
    // co-product split exercise long operands.
    const processes = [
      proc('big', ['b', '1'], '1e24'),
      proc('tiny', ['t', '3'], '1e-30'),
      proc('mix', ['m', '1234567.891'], '7', [
        { flow: 'b', amount: '1e-20', unit: 't', from: 'big' },
        { flow: 't', amount: '1e10', unit: 't', from: 'tiny' },
      ]),
      proc('far', ['f', '1'], '0', [
        { flow: 'b', amount: '1e20', unit: 't', from: 'big' },
        { flow: 't', amount: '1e-20', unit: 't', from: 'tiny' },
      ]),
    ];
    const reference = expectSamePaths(systemFor(doc(processes)));
    // far: 1e20 × 1e24 = 1e44 t and 1e-20 × 1e-30/3 ≈ 3.3e-51 t: 95 digits apart, exact.
    const far = reference.footprints[3]!;
    let text = '';
    forEachCell(far, (_mass, co2e) => {
      text = co2e.toFixed();
    });
    expect(text).toBe(`1${'0'.repeat(44)}.${'0'.repeat(50)}${'3'.repeat(34)}`);
  });
});
