import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridRecord } from './__fixtures__/records.js';
import { nextDay } from './interval.js';
import { createFactorRegistry } from './registry.js';
import { resolveFactor } from './resolveFactor.js';
import { resolveFactorsOverPeriod } from './resolveFactorsOverPeriod.js';
import type { FactorRecord } from './types.js';

// Members of one family with random validities (whole years or mid-year spans) and random places,
// and queries over random regions, periods and vintages.
const regionShape = fc.constantFrom<{ region?: string; covers?: string[] }>(
  {},
  { region: 'CN' },
  { region: 'CN-NM' },
  { region: 'CN-BJ' },
  { covers: ['CN-BJ', 'CN-NM'] },
);
const validity = fc.option(
  fc.tuple(fc.integer({ min: 2020, max: 2024 }), fc.integer({ min: 0, max: 1 }), fc.constantFrom('01-01', '07-01')).map(([y, extra, start]) => ({
    from: `${y}-${start}`,
    to: `${y + extra}-${start === '01-01' ? '12-31' : '06-30'}`,
  })),
  { nil: undefined },
);
const familyRecords = fc
  .array(fc.tuple(regionShape, validity), { minLength: 1, maxLength: 8 })
  .map((rows) =>
    rows.map(([place, valid], index) =>
      gridRecord({ id: `fam/${String(index).padStart(2, '0')}`, families: ['fam'], ...place, ...(valid === undefined ? {} : { valid }) }),
    ),
  );
const query = fc.record({
  region: fc.option(fc.constantFrom('CN', 'CN-NM', 'CN-BJ', 'CN-GD', 'US'), { nil: undefined }),
  startYear: fc.integer({ min: 2019, max: 2025 }),
  years: fc.integer({ min: 1, max: 3 }),
  vintage: fc.option(fc.constantFrom('2021', '2022', '2023-07-15'), { nil: undefined }),
});

function outcome(fn: () => unknown): string {
  try {
    return JSON.stringify(fn(), (key, value: unknown) => (key === 'record' ? (value as FactorRecord).id : value));
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

function withShuffle(records: FactorRecord[]) {
  return fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length });
}

describe('factor resolution laws', () => {
  it('is invariant under reordering of the records', () => {
    fc.assert(
      fc.property(
        familyRecords.chain((records) => fc.tuple(fc.constant(records), withShuffle(records))),
        query,
        ([records, shuffled], q) => {
          const period = { start: `${q.startYear}-01-01`, end: `${q.startYear + q.years - 1}-12-31` };
          const full = { id: 'fam', period, ...(q.region === undefined ? {} : { region: q.region }), ...(q.vintage === undefined ? {} : { vintage: q.vintage }) };
          const a = createFactorRegistry(records);
          const b = createFactorRegistry(shuffled);
          expect(outcome(() => resolveFactor(b, full))).toBe(outcome(() => resolveFactor(a, full)));
          expect(outcome(() => resolveFactorsOverPeriod(b, full))).toBe(outcome(() => resolveFactorsOverPeriod(a, full)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('segments over a period are contiguous, in order, cover it exactly, and each record is valid over its segment', () => {
    fc.assert(
      fc.property(familyRecords, query, (records, q) => {
        const period = { start: `${q.startYear}-01-01`, end: `${q.startYear + q.years - 1}-12-31` };
        const registry = createFactorRegistry(records);
        let segments;
        try {
          segments = resolveFactorsOverPeriod(registry, { id: 'fam', period, ...(q.region === undefined ? {} : { region: q.region }) });
        } catch {
          return; // gaps and ties are errors, checked in the example tests
        }
        expect(segments[0]?.from).toBe(period.start);
        expect(segments[segments.length - 1]?.to).toBe(period.end);
        segments.forEach((segment, index) => {
          expect(segment.from <= segment.to).toBe(true);
          const valid = segment.record.valid;
          if (valid !== undefined) expect(valid.from <= segment.from && segment.to <= valid.to).toBe(true);
          const next = segments[index + 1];
          if (next !== undefined) {
            expect(next.from).toBe(nextDay(segment.to));
            expect(next.record.id).not.toBe(segment.record.id);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
