import { describe, expect, it } from 'vitest';
import { computeFootprints, withProcessContributions } from '../../src/compute/computeFootprints.js';
import { Decimal } from '../../src/decimal/decimal.js';
import { aluminiumSmelterDocument } from '../../src/demo/index.js';
import { footprintJsonText } from '../../src/report/json.js';

describe('results are immutable all the way down', () => {
  it('freezes every breakdown of every product, so none can drift from its total', () => {
    const result = computeFootprints(aluminiumSmelterDocument());
    const before = footprintJsonText(result);
    for (const product of result.products) {
      for (const part of [product, product.byGas, product.byScope, product.byCategory, product.recycledContent, product.declaredUnit, ...Object.values(product.byGas)]) {
        expect(Object.isFrozen(part)).toBe(true);
      }
      if (product.byProcess !== undefined) expect(Object.isFrozen(product.byProcess)).toBe(true);
    }
    const ingot = result.products.find((p) => p.flow === 'aluminium-ingot')!;
    // Modules are strict: writing to a frozen object throws, and the result is unchanged.
    expect(() => {
      (ingot.byScope as Record<string, Decimal>)['1'] = new Decimal(0);
    }).toThrow(TypeError);
    expect(footprintJsonText(result)).toBe(before);
  });

  it('freezes the per-process breakdown made on demand', () => {
    const result = computeFootprints(aluminiumSmelterDocument(), { byProcess: false });
    const product = withProcessContributions(result, 'aluminium-ingot').products.find((p) => p.flow === 'aluminium-ingot')!;
    expect(product.byProcess).toBeDefined();
    expect(Object.isFrozen(product.byProcess)).toBe(true);
  });
});
