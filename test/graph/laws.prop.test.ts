import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { Decimal, sum } from '../../src/decimal/decimal.js';
import type { ExplainNode } from '../../src/graph/explain.js';
import { footprintJsonText } from '../../src/report/json.js';
import { modelArbitrary, shuffle } from '../arbitraries/models.js';

const RUNS = { numRuns: 60 };

function checkTree(node: ExplainNode): void {
  if (node.kind === 'product' || node.children.length > 0 && node.kind !== 'input' && node.kind !== 'waste-treatment' && node.kind !== 'substitution') {
    expect(sum(node.children.map((c) => c.value)).eq(node.value)).toBe(true);
  }
  node.children.forEach(checkTree);
}

describe('laws of the solver', () => {
  it('conservation: every breakdown and the explain tree add up to the total exactly', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true }), ({ document, products }) => {
        const result = computeFootprints(document);
        for (const flow of products) {
          const p = result.products.find((x) => x.flow === flow)!;
          const gas = sum(Object.values(p.byGas).map((g) => g.co2e));
          expect(gas.eq(p.total)).toBe(true);
          expect(sum(Object.values(p.byScope)).eq(p.total)).toBe(true);
          expect(sum(Object.values(p.byCategory)).eq(p.total)).toBe(true);
          expect(sum(Object.values(p.byProcess ?? {})).eq(p.total)).toBe(true);
          const tree = result.explain(flow);
          expect(tree.value.eq(p.total)).toBe(true);
          checkTree(tree);
        }
      }),
      RUNS,
    );
  });

  it('invariance: reordering processes, inputs and emissions gives byte-identical JSON', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true }), fc.array(fc.nat(), { minLength: 1, maxLength: 20 }), ({ document }, picks) => {
        const processes = document['processes'] as Record<string, unknown>[];
        const shuffled = {
          ...document,
          processes: shuffle(processes, picks).map((p) => ({
            ...p,
            inputs: shuffle(p['inputs'] as unknown[], [...picks].reverse()),
            emissions: shuffle(p['emissions'] as unknown[], picks),
          })),
        };
        expect(footprintJsonText(computeFootprints(shuffled))).toBe(footprintJsonText(computeFootprints(document)));
      }),
      RUNS,
    );
  });

  it('scale invariance: scaling a process run (all its amounts) leaves every footprint unchanged', () => {
    fc.assert(
      fc.property(modelArbitrary(), fc.nat(), fc.constantFrom('2', '3', '0.7', '12.5'), ({ document, products }, which, k) => {
        const processes = document['processes'] as Record<string, unknown>[];
        const index = which % processes.length;
        const scaleAmount = (x: { amount: string }) => ({ ...x, amount: new Decimal(x.amount).times(k).toFixed() });
        const scaled = {
          ...document,
          processes: processes.map((p, i) =>
            i !== index
              ? p
              : {
                  ...p,
                  outputs: (p['outputs'] as { amount: string }[]).map(scaleAmount),
                  inputs: (p['inputs'] as { amount: string }[]).map(scaleAmount),
                  emissions: (p['emissions'] as { amount: string }[]).map(scaleAmount),
                },
          ),
        };
        const before = computeFootprints(document);
        const after = computeFootprints(scaled);
        for (const flow of products) {
          const a = before.products.find((p) => p.flow === flow)!.total;
          const b = after.products.find((p) => p.flow === flow)!.total;
          // Equal to working precision: per-unit coefficients are rounded at 34 digits either way.
          expect(a.minus(b).abs().lte(a.abs().times('1e-30').plus('1e-30'))).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('linearity: doubling every declared emission and factor-priced input doubles every footprint', () => {
    fc.assert(
      fc.property(modelArbitrary(), ({ document, products }) => {
        const processes = document['processes'] as Record<string, unknown>[];
        const doubled = {
          ...document,
          processes: processes.map((p) => ({
            ...p,
            inputs: (p['inputs'] as { amount: string; factor?: string }[]).map((x) => (x.factor === undefined ? x : { ...x, amount: new Decimal(x.amount).times(2).toFixed() })),
            emissions: (p['emissions'] as { amount: string }[]).map((x) => ({ ...x, amount: new Decimal(x.amount).times(2).toFixed() })),
          })),
        };
        const base = computeFootprints(document);
        const twice = computeFootprints(doubled);
        for (const flow of products) {
          const a = base.products.find((p) => p.flow === flow)!.total.times(2);
          const b = twice.products.find((p) => p.flow === flow)!.total;
          expect(a.minus(b).abs().lte(a.abs().times('1e-30').plus('1e-30'))).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
