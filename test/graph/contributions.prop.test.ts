import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFootprints, resultForProduct, withProcessContributions } from '../../src/compute/computeFootprints.js';
import { productOf } from '../../src/graph/results.js';
import { sum } from '../../src/decimal/decimal.js';
import { ROUNDING_RESIDUAL } from '../../src/graph/contributions.js';
import { modelArbitrary } from '../arbitraries/models.js';
import { compute, doc, proc } from '../helpers.js';

describe('per-process contributions on demand', () => {
  it('the diamond: t = 3.5, of which source 2.5 and top 1 (same as tracked cells)', () => {
    const model = doc([
      proc('source', ['s', '1'], '1'),
      proc('left', ['l', '1'], undefined, [{ flow: 's', amount: '2', unit: 't', from: 'source' }]),
      proc('right', ['r', '1'], undefined, [{ flow: 's', amount: '3', unit: 't', from: 'source' }]),
      proc('top', ['t', '2'], '2', [{ flow: 'l', amount: '1', unit: 't', from: 'left' }, { flow: 'r', amount: '1', unit: 't', from: 'right' }]),
    ]);
    const result = withProcessContributions(compute(model, { byProcess: false }), 't');
    const t = result.products.find((p) => p.flow === 't')!;
    expect(t.byProcess?.['source']?.toFixed()).toBe('2.5');
    expect(t.byProcess?.['top']?.toFixed()).toBe('1');
    expect(t.byProcess?.[ROUNDING_RESIDUAL]).toBeUndefined();
  });

  it('agree with tracked cells to working precision and add up to the total exactly, loops included', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true }), ({ document, products }) => {
        const tracked = computeFootprints(document, { byProcess: true });
        const plain = computeFootprints(document, { byProcess: false });
        for (const flow of products) {
          const onDemand = withProcessContributions(plain, flow).products.find((p) => p.flow === flow)!;
          const reference = tracked.products.find((p) => p.flow === flow)!;
          expect(sum(Object.values(onDemand.byProcess!)).eq(onDemand.total)).toBe(true);
          for (const [process, value] of Object.entries(reference.byProcess!)) {
            const other = onDemand.byProcess![process] ?? value.minus(value);
            expect(other.minus(value).abs().lte(value.abs().times('1e-28').plus('1e-28'))).toBe(true);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('for one product alone: that product only, made without the others, as withProcessContributions gives it', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true }), ({ document, products }) => {
        const flow = products[0]!;
        const fresh = computeFootprints(document, { byProcess: false });
        // Nothing made yet: the product is made anew each time it is asked for.
        expect(productOf(fresh, flow)).not.toBe(productOf(fresh, flow));
        const alone = resultForProduct(fresh, flow);
        expect(alone.products.map((p) => p.flow)).toEqual([flow]);
        expect(alone.products[0]).toEqual(withProcessContributions(fresh, flow).products.find((p) => p.flow === flow));
        expect(alone.explain(flow)).toEqual(fresh.explain(flow));
        // Once the list is made, a product is taken from it.
        expect(productOf(fresh, flow)).toBe(fresh.products.find((p) => p.flow === flow));
      }),
      { numRuns: 30 },
    );
  });

  it('for a flow that is not a product: the error lists the products', () => {
    const result = compute(doc([proc('p', ['x', '1'], '1')]));
    expect(() => resultForProduct(result, 'y')).toThrow(/"y" is not a product of the model \(products: x\)/);
    expect(productOf(result, 'y')).toBeUndefined();
  });
});
