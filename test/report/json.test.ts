import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { canonicalJson } from '../../src/report/canonical.js';
import { footprintJsonParts, footprintJsonText, footprintToJson } from '../../src/report/json.js';
import { modelArbitrary } from '../arbitraries/models.js';
import { doc, proc } from '../helpers.js';

describe('footprint JSON written a product at a time', () => {
  it('is the canonical JSON of footprintToJson, byte for byte, rounded or not, by-process or not', () => {
    fc.assert(
      fc.property(
        modelArbitrary({ loops: true }),
        fc.boolean(),
        fc.option(fc.record({ places: fc.integer({ min: 0, max: 6 }), mode: fc.constantFrom('HALF_EVEN' as const, 'UP' as const) }), { nil: undefined }),
        ({ document }, byProcess, rounding) => {
          const result = computeFootprints(document, { byProcess });
          const whole = `${canonicalJson(footprintToJson(result, rounding), 2)}\n`;
          expect(footprintJsonText(result, rounding)).toBe(whole);
          expect([...footprintJsonParts(result, rounding)].length).toBe(result.products.length + 2);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes a result without products as an empty list', () => {
    const result = computeFootprints(doc([proc('p', ['x', '1'], '1')]));
    const empty = { ...result, products: [] };
    expect(footprintJsonText(empty)).toBe(`${canonicalJson(footprintToJson(empty), 2)}\n`);
    expect(footprintJsonText(empty)).toContain('"products": [],');
  });
});
