// Determinism: the same model, however its processes, inputs, emissions, factors and object keys
// are ordered, gives byte-identical JSON and the same result digest; with only keys reordered the
// whole audit trail is identical. Across two processes: the built CLI, twice, on permuted files.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { auditJsonText, toAudit } from '../../src/report/audit/index.js';
import { footprintJsonText } from '../../src/report/json.js';
import { modelArbitrary, shuffle } from '../arbitraries/models.js';
import { define } from '../fuzz/arbitraries.js';

type Json = unknown;

/** Reorders arrays of processes, inputs, emissions and factors (`arrays`) and every object's keys. */
function permute(value: Json, picks: readonly number[], arrays: boolean, key = ''): Json {
  if (Array.isArray(value)) {
    const items = value.map((item) => permute(item, picks, arrays));
    // Outputs keep their order: the first output is the reference output (it means something).
    return arrays && ['processes', 'inputs', 'emissions', 'factors'].includes(key) ? shuffle(items, picks) : items;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const k of shuffle(Object.keys(value), picks)) define(out, k, permute((value as Record<string, Json>)[k], picks.slice(1).concat(picks.slice(0, 1)), arrays, k));
    return out;
  }
  return value;
}

const picks = fc.array(fc.nat({ max: 1000 }), { minLength: 1, maxLength: 16 });

describe('determinism under reordering', () => {
  it('gives the same JSON and result digest over 100 permutations of a model with loops', () => {
    fc.assert(
      fc.property(modelArbitrary({ maxProcesses: 6, loops: true }), fc.array(picks, { minLength: 100, maxLength: 100 }), (shape, permutations) => {
        const baseline = computeFootprints(shape.document);
        const json = footprintJsonText(baseline);
        const digest = toAudit(baseline, { document: shape.document }).digests.result;
        for (const p of permutations) {
          const permuted = permute(shape.document, p, true);
          const result = computeFootprints(permuted);
          expect(footprintJsonText(result)).toBe(json);
          expect(toAudit(result, { document: permuted }).digests.result).toBe(digest);
        }
      }),
      { seed: 5, numRuns: 3 },
    );
  }, 60_000);

  it('gives a byte-identical audit trail, digests included, when only object keys are reordered', () => {
    fc.assert(
      fc.property(modelArbitrary({ maxProcesses: 5 }), picks, (shape, p) => {
        const permuted = permute(shape.document, p, false);
        const first = auditJsonText(toAudit(computeFootprints(shape.document), { document: shape.document }));
        expect(auditJsonText(toAudit(computeFootprints(permuted), { document: permuted }))).toBe(first);
      }),
      { seed: 6, numRuns: 30 },
    );
  });
});

describe('determinism across processes', () => {
  const ROOT = join(import.meta.dirname, '..', '..');
  const BIN = join(ROOT, 'dist', 'cli.js');
  let directory: string;
  beforeAll(() => {
    // As test/cli/binary.test.ts: build once when dist is missing.
    if (!existsSync(BIN)) execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'ignore' });
    directory = mkdtempSync(join(tmpdir(), 'smeltprint-determinism-'));
  }, 120_000);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('prints the same JSON for the aluminium smelter and a reordered copy, in two processes', () => {
    const original = join(ROOT, 'examples', 'aluminium-smelter.yaml');
    const document = parseModelText(readFileSync(original, 'utf8'), 'yaml');
    const reordered = join(directory, 'reordered.yaml');
    writeFileSync(reordered, stringify(permute(document, [7, 3, 11, 5, 2], true)));
    const run = (file: string) => spawnSync(process.execPath, [BIN, 'footprint', file, '--format', 'json'], { encoding: 'utf8' });
    const first = run(original);
    const second = run(reordered);
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  }, 60_000);
});
