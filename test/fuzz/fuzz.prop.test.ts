// The fuzz run of `npm run fuzz` in miniature: a fixed seed and a few thousand cases, so that every
// `npm test` checks that hostile documents and text compute or fail with a located SmeltprintError.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzzCase } from './arbitraries.js';
import { seedDocuments } from './cases.js';
import { fuzzContext, runCase } from './oracle.js';

const TIME_LIMIT_MS = 2000;

describe('fuzzing the whole pipeline (fixed seed)', () => {
  it('computes or throws a located SmeltprintError for every generated case, each within 2 s', () => {
    const context = fuzzContext();
    let slowest = 0;
    fc.assert(
      // Large models are left to npm run fuzz and limits.test.ts: they cost seconds each.
      fc.property(fuzzCase(seedDocuments()), (fuzz) => {
        const started = performance.now();
        const outcome = runCase(fuzz, context);
        const ms = performance.now() - started;
        slowest = Math.max(slowest, ms);
        expect(outcome.status === 'failed' ? outcome.reason : 'ok').toBe('ok');
        expect(ms).toBeLessThan(TIME_LIMIT_MS);
      }),
      { seed: 20250101, numRuns: 2000 },
    );
    expect(slowest).toBeGreaterThan(0);
  }, 60_000);
});
