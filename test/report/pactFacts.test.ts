import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFootprints, solutionOf, systemOf } from '../../src/compute/computeFootprints.js';
import { sum } from '../../src/decimal/decimal.js';
import { builtinFactorRegistry } from '../../src/factors/datasets/index.js';
import type { FootprintResult } from '../../src/graph/results.js';
import { parseModelText } from '../../src/io/index.js';
import { AUDIT_EXPANDED_PRODUCTS } from '../../src/report/audit/index.js';
import { pactFromModelAll, toPact } from '../../src/report/pact/index.js';
import { factsOfEveryProduct, factsOfTree, type PactFacts } from '../../src/report/pact/pactFacts.js';
import { modelArbitrary } from '../arbitraries/models.js';
import { doc, proc } from '../helpers.js';
import { META } from './pactFixtures.js';

// PACT reads a product's primary-data split, factor sources, GWP reports and allocation notes
// from its explanation. One nested tree per product costs products × chain length; past
// AUDIT_EXPANDED_PRODUCTS they are gathered product by product, and must be the same facts.
const registry = builtinFactorRegistry();
const lookup = (id: string) => registry.get(id);

function comparable(facts: PactFacts) {
  return {
    value: facts.value.toFixed(),
    split: [facts.split.primary.toFixed(), facts.split.secondary.toFixed(), facts.split.unclassified.toFixed()],
    sources: facts.sources,
    reports: [...facts.reports].sort(),
    notes: facts.notes,
    substitution: facts.substitution,
  };
}

function bothWays(result: FootprintResult, flow: string) {
  const linear = factsOfEveryProduct(result, systemOf(result)!, solutionOf(result)!, lookup);
  return { linear: comparable(linear(flow)), nested: comparable(factsOfTree(result.explain(flow), lookup)) };
}

describe('PACT facts gathered product by product', () => {
  it('are the facts of the nested trees for models without loops', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: false }), ({ document, products }) => {
        const result = computeFootprints(document);
        for (const flow of products) {
          const { linear, nested } = bothWays(result, flow);
          expect(linear).toEqual(nested);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('are those of the nested trees for the examples without loops (allocation, substitution, factor sources)', () => {
    for (const name of ['aluminium-remelt', 'lead-battery-recycling', 'lead-smelter', 'zinc-rle', 'zinc-waelz']) {
      const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', `${name}.yaml`), 'utf8');
      const result = computeFootprints(parseModelText(text, 'yaml'), { gwp: 'AR6', per: '1 kg' });
      expect(solutionOf(result)!.loops, name).toEqual([]);
      for (const product of result.products) {
        const { linear, nested } = bothWays(result, product.flow);
        expect(linear, `${name} ${product.flow}`).toEqual(nested);
      }
    }
  });

  it('add up in loops too: primary + secondary + unclassified is the total', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'copper-smelter.yaml'), 'utf8');
    const result = computeFootprints(parseModelText(text, 'yaml'), { gwp: 'AR6', per: '1 kg' });
    expect(solutionOf(result)!.loops.length).toBeGreaterThan(0);
    const linear = factsOfEveryProduct(result, systemOf(result)!, solutionOf(result)!, lookup);
    for (const product of result.products) {
      const { split, value } = linear(product.flow);
      expect(sum([split.primary, split.secondary, split.unclassified]).eq(value), product.flow).toBe(true);
      expect(value.eq(product.total)).toBe(true);
    }
  });

  it('give every product of a model past the limit the footprint toPact gives it alone', () => {
    const n = AUDIT_EXPANDED_PRODUCTS + 1;
    const chain = doc(
      Array.from({ length: n }, (_, i) =>
        proc(`p${i}`, [`f${String(i).padStart(3, '0')}`, '1'], '0.5', [
          { flow: 'power', amount: '2', unit: 'MWh', factor: 'cn-mee/grid/national/2023' },
          ...(i === 0 ? [] : [{ flow: `f${String(i - 1).padStart(3, '0')}`, amount: '0.9', unit: 't', from: `p${i - 1}` }]),
        ]),
      ),
      { region: 'CN' },
    );
    const all = pactFromModelAll(chain, META);
    expect(all.length).toBe(n);
    const result = computeFootprints(chain, { gwp: 'AR6', per: '1 kg' });
    for (const flow of ['f000', 'f050', `f${n - 1}`]) {
      expect(all.find((f) => f.productNameCompany === flow)).toEqual(toPact(result, flow, META));
    }
  });
});
