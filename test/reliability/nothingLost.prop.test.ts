// Nothing lost: every declared emission, method and input of a model appears in the explanation of
// some product, and every product node's children add up to it exactly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { formatPath } from '../../src/core/issues.js';
import { sum } from '../../src/decimal/decimal.js';
import type { ExplainNode } from '../../src/graph/explain.js';
import { modelArbitrary } from '../arbitraries/models.js';
import { cyclicModel } from '../fuzz/arbitraries.js';
import { seedDocuments } from '../fuzz/cases.js';

interface DocumentProcess {
  readonly inputs?: readonly unknown[];
  readonly emissions?: readonly unknown[];
}

/** `processes[i].emissions[j]` and `processes[i].inputs[k]` for every entry of the document. */
function declaredPaths(document: { processes: readonly DocumentProcess[] }): string[] {
  return document.processes.flatMap((process, i) => [
    ...(process.emissions ?? []).map((_, j) => formatPath(['processes', i, 'emissions', j])),
    ...(process.inputs ?? []).map((_, k) => formatPath(['processes', i, 'inputs', k])),
  ]);
}

function walk(root: ExplainNode, visit: (node: ExplainNode) => void): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    stack.push(...node.children);
  }
}

function checkNothingLost(document: { processes: readonly DocumentProcess[] }): void {
  const result = computeFootprints(document);
  const seen = new Set<string>();
  for (const product of result.products) {
    walk(result.explain(product.flow), (node) => {
      if (node.path !== undefined) seen.add(node.path);
      if (node.kind === 'product') expect(sum(node.children.map((c) => c.value)).eq(node.value)).toBe(true);
    });
  }
  const missing = declaredPaths(document).filter((path) => !seen.has(path));
  expect(missing).toEqual([]);
}

describe('nothing lost in the explanation', () => {
  it('finds every emission and input of generated models (chains, diamonds, loops)', () => {
    fc.assert(
      fc.property(fc.oneof(modelArbitrary({ maxProcesses: 7 }), modelArbitrary({ maxProcesses: 7, loops: true })), (shape) => {
        checkNothingLost(shape.document as { processes: DocumentProcess[] });
      }),
      { seed: 8, numRuns: 150 },
    );
  });
  it('finds every emission and input of generated cyclic models that compute', () => {
    let computed = 0;
    fc.assert(
      fc.property(cyclicModel, (document) => {
        try {
          computeFootprints(document);
        } catch {
          return; // singular loops: nothing to explain
        }
        computed++;
        checkNothingLost(document as { processes: DocumentProcess[] });
      }),
      { seed: 9, numRuns: 150 },
    );
    expect(computed).toBeGreaterThan(50);
  });
  it('finds every emission, method and input of the example plants', () => {
    for (const document of seedDocuments()) {
      try {
        computeFootprints(document);
      } catch {
        continue; // fixtures that need factors this registry lacks
      }
      checkNothingLost(document as { processes: DocumentProcess[] });
    }
  });
});
