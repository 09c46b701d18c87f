import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillFromActivityFiles } from '../../src/cli/activity.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { canonicalJson } from '../../src/report/canonical.js';
import { sha256Hex } from '../../src/report/audit/sha256.js';
import { runCapturing } from '../cliRun.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MODEL = 'examples/erp/smelter-2022-2023.yaml';
const LEDGER = ['--activity', 'examples/erp/ledger-utf8.csv', '--mapping', 'examples/erp/mapping-utf8.yaml'];

async function run(argv: string[]) {
  return runCapturing(argv, ROOT);
}

describe('smeltprint footprint --activity --format audit (docs/audit-trail.md item 3)', () => {
  it('digests the document as filled from the ledger, and accounts for the rows on stderr', async () => {
    const { code, stdout, stderr } = await run(['footprint', MODEL, ...LEDGER, '--format', 'audit']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/144 rows read, 96 used, 48 skipped, 0 rejected/);
    const raw = parseModelText(await readFile(join(ROOT, MODEL), 'utf8'), 'yaml', MODEL);
    const { document: filled } = await fillFromActivityFiles(raw, ['examples/erp/ledger-utf8.csv'], 'examples/erp/mapping-utf8.yaml', ROOT);
    const audit = JSON.parse(stdout) as { digests: { document: string } };
    // The digest is SHA-256 of the canonical JSON of the filled document, not of the file's.
    expect(audit.digests.document).toBe(sha256Hex(new TextEncoder().encode(canonicalJson(filled))));
    expect(audit.digests.document).not.toBe(sha256Hex(new TextEncoder().encode(canonicalJson(raw))));
  });

  it('lists the SHA-256 of the ledger and mapping files it was filled from (a verifier ties the figures to the exports)', async () => {
    const { code, stdout } = await run(['footprint', MODEL, ...LEDGER, '--format', 'audit']);
    expect(code).toBe(0);
    const { digests } = JSON.parse(stdout) as { digests: { files: { name: string; sha256: string }[] } };
    // Recomputed with Node's own SHA-256 over the files' bytes.
    const expected = await Promise.all(
      ['examples/erp/ledger-utf8.csv', 'examples/erp/mapping-utf8.yaml'].map(async (name) => ({ name, sha256: createHash('sha256').update(await readFile(join(ROOT, name))).digest('hex') })),
    );
    expect(digests.files).toEqual(expected);
  });

  it('is of the whole period: --by month with it is a usage error', async () => {
    const { code, stdout, stderr } = await run(['footprint', MODEL, ...LEDGER, '--format', 'audit', '--by', 'month']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('--by has no effect with --format audit; it is taken by --format table, json');
  });
});
