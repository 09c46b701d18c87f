import { copyFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchCommand } from '../../src/cli/batch.js';
import { runCli } from '../../src/cli/run.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('CLI input checks', () => {
  it('batch lists a path that does not exist as a failed model (exit 1)', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'smeltprint-batch-missing-'));
    await copyFile(join(ROOT, 'examples', 'aluminium-remelt.yaml'), join(directory, 'remelt.yaml'));
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: directory, stderrIsTTY: false };
    expect(await batchCommand(['remelt.yaml', 'missing.yaml'], io)).toBe(1);
    expect(stdout).toMatch(/remelt\.yaml/);
    expect(stderr).toMatch(/1 of 2 models failed:\n {2}missing\.yaml: .*\[file_access\]/);
  });

  it('footprint --period bad is a usage error (exit 2) even when the model file does not exist', async () => {
    let stderr = '';
    const code = await runCli(['footprint', 'no-such-model.yaml', '--period', 'bad'], { stdout: () => undefined, stderr: (t) => (stderr += t), cwd: ROOT });
    expect(code).toBe(2);
    expect(stderr).toMatch(/--period/);
  });
});
