import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeFootprints, computeScope2Comparison } from '../../src/compute/computeFootprints.js';
import { productsInTurn } from '../../src/graph/results.js';
import { canonicalJson } from '../../src/report/canonical.js';
import { footprintComparisonJsonParts, footprintJsonParts, footprintJsonText, footprintToJson } from '../../src/report/json.js';
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

  it('makes the products of a fresh result one at a time, with the same text as when they are all made first', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true }), ({ document }) => {
        const fresh = computeFootprints(document);
        const streamed = footprintJsonText(fresh);
        const inTurn = [...productsInTurn(fresh)];
        // Not yet read: the products made in turn are made again (not kept) ...
        expect(inTurn.map((p, i) => p === [...productsInTurn(fresh)][i])).not.toContain(true);
        // ... and equal the list made on first reading, which later turns then give out.
        expect(inTurn).toEqual(fresh.products);
        expect([...productsInTurn(fresh)].every((p, i) => p === fresh.products[i])).toBe(true);
        expect(streamed).toBe(`${canonicalJson(footprintToJson(fresh), 2)}\n`);
      }),
      { numRuns: 40 },
    );
  });

  it('orders process ids by code units in byProcess, "__proto__" and integer-like ids included', () => {
    const chain = doc([
      proc('10', ['a', '1'], '1'),
      proc('9', ['b', '1'], '2', [{ flow: 'a', amount: '1', unit: 't', from: '10' }]),
      proc('__proto__', ['c', '1'], '3', [{ flow: 'b', amount: '1', unit: 't', from: '9' }]),
    ]);
    const result = computeFootprints(chain, { byProcess: true });
    const text = footprintJsonText(result);
    expect(text).toBe(`${canonicalJson(footprintToJson(result), 2)}\n`);
    // Products are sorted by flow: c's byProcess block is the last one.
    const c = text.slice(text.lastIndexOf('"byProcess": {'));
    expect(c.indexOf('"10": "1"')).toBeLessThan(c.indexOf('"9": "2"'));
    expect(c.indexOf('"9": "2"')).toBeLessThan(c.indexOf('"__proto__": "3"'));
  });

  it('writes process ids that need escaping as JSON.stringify does', () => {
    const ids = ['say "hi"', 'back\\slash', 'tab\there', 'line\u2028sep', '铝 smelter', 'pair \ud83d\ude00', 'lone \ud800 half'];
    const processes = ids.map((id, i) => proc(id, [`f${i}`, '1'], '1', i === 0 ? [] : [{ flow: `f${i - 1}`, amount: '1', unit: 't', from: ids[i - 1] }]));
    const result = computeFootprints(doc(processes), { byProcess: true });
    const text = footprintJsonText(result);
    expect(text).toBe(`${canonicalJson(footprintToJson(result), 2)}\n`);
    for (const id of ids) expect(text).toContain(JSON.stringify(id));
  });

  it('writes location- and market-based results side by side as canonicalJson of both, byte for byte', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true }), ({ document }) => {
        const { location, market } = computeScope2Comparison(document);
        const whole = `${canonicalJson({ location: footprintToJson(location), market: footprintToJson(market) }, 2)}\n`;
        expect([...footprintComparisonJsonParts(() => location, () => market)].join('')).toBe(whole);
      }),
      { numRuns: 40 },
    );
  });

  it('writes a result without products as an empty list', () => {
    const result = computeFootprints(doc([proc('p', ['x', '1'], '1')]));
    const empty = { ...result, products: [] };
    expect(footprintJsonText(empty)).toBe(`${canonicalJson(footprintToJson(empty), 2)}\n`);
    expect(footprintJsonText(empty)).toContain('"products": [],');
  });
});
