// Size limits without stack overflow. The full 100,000-process chain and 100,000-input process run
// in `npm run fuzz` (about 35 s and 9 s on the development machine); here 10,000 of each, which
// already went past the depth at which explaining a chain overflowed the stack.
import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import type { ExplainNode } from '../../src/graph/explain.js';
import { explainText } from '../../src/report/explainText.js';
import { chainDocument, wideDocument, wideTotal } from '../fuzz/limits.js';

const N = 10_000;

function depthOf(root: ExplainNode): number {
  let deepest = 0;
  const stack: [ExplainNode, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const child of node.children) stack.push([child, depth + 1]);
  }
  return deepest;
}

describe('size limits', () => {
  it(`computes and explains a chain of ${N} processes`, () => {
    const result = computeFootprints(chainDocument(N));
    // Each process adds 0.001 t CO2 per t and passes on 1 t per t: N × 0.001 = 10.
    expect(result.products.find((p) => p.flow === `f${N - 1}`)!.total.toFixed()).toBe('10');
    const tree = result.explain(`f${N - 1}`);
    expect(tree.value.toFixed()).toBe('10');
    // Suppliers nest 1000 deep at most (two tree levels each); the rest is summarized with a note.
    expect(depthOf(tree)).toBeLessThanOrEqual(2 * 1000 + 2);
    const notes: string[] = [];
    const stack = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.note !== undefined) notes.push(node.note);
      stack.push(...node.children);
    }
    expect(notes.some((note) => note.includes('depth limit'))).toBe(true);
    // The text form walks the same 2000 levels (it recursed, and overflowed the stack).
    expect(explainText(tree).split('\n')[0]).toMatch(/^1 t f9999 from p9999: 10(\.0+)? t CO2e/);
  }, 120_000);

  it(`computes and explains a process with ${N} inputs`, () => {
    const result = computeFootprints(wideDocument(N));
    expect(result.products.find((p) => p.flow === 'product')!.total.toFixed()).toBe(wideTotal(N));
    expect(result.explain('product').value.toFixed()).toBe(wideTotal(N));
  }, 120_000);
});
