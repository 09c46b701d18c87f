import { spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturing } from '../cliRun.js';

// A real process, so -o meets real descriptors: /dev/stdout and /dev/fd/N of `>(cmd)` exist only
// for the process that opens them. Run from source (tsx), so the test never meets a stale dist/.
const ROOT = join(import.meta.dirname, '..', '..');
const CLI = ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')];
const FOOTPRINT = ['footprint', join(ROOT, 'test', 'fixtures', 'cli', 'chain.yaml'), '--format', 'json'];

const totals = (text: string) => (JSON.parse(text) as { products: { total: string }[] }).products.map((p) => p.total);

describe('-o FILE naming something other than a plain file', () => {
  it('-o /dev/stdout writes into the pipe the shell gave it, and /dev/stdout stays a link', () => {
    // Through a shell pipeline: stdout is a FIFO, as for `smeltprint … -o /dev/stdout | jq`. (Node's
    // own child pipes are sockets, which Linux does not let a process open by name.)
    const script = `set -o pipefail; "$0" "$@" -o /dev/stdout | cat`;
    const run = spawnSync('bash', ['-c', script, process.execPath, ...CLI, ...FOOTPRINT], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(totals(run.stdout)).toEqual(['0.5', '1.5']);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  }, 30_000);

  it('-o >(cmd) writes into the process substitution', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-procsub-'));
    const copy = join(dir, 'copy.json');
    // `wait` lets the substituted `cat` finish before bash exits.
    const script = `"$0" "$@" -o >(cat > '${copy}'); status=$?; wait; exit $status`;
    const run = spawnSync('bash', ['-c', script, process.execPath, ...CLI, ...FOOTPRINT], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(totals(readFileSync(copy, 'utf8'))).toEqual(['0.5', '1.5']);
    expect(readdirSync(dir)).toEqual(['copy.json']);
  }, 30_000);
});

describe('-o naming an input of the run', () => {
  it('is refused before anything is read or written (the model was replaced by its JSON)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-o-input-'));
    const model = join(dir, 'model.yaml');
    copyFileSync(join(ROOT, 'examples', 'zinc-rle.yaml'), model);
    const before = readFileSync(model, 'utf8');
    for (const argv of [
      ['footprint', model, '--format', 'json', '-o', model],
      ['footprint', model, '--format', 'json', '--output', join(dir, '.', 'model.yaml')],
      ['footprint', model, `--output=${model}`],
      ['explain', model, '--product', 'shg-zinc', '-o', model],
    ]) {
      const { code, stdout, stderr } = await runCapturing(argv, dir);
      expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
      expect(stderr).toContain('is an input of this run');
    }
    expect(readFileSync(model, 'utf8')).toBe(before);
    expect((await runCapturing(['footprint', model, '--format', 'json', '-o', join(dir, 'out.json')], dir)).code).toBe(0);
  });

  it('footprint --help prints the help', async () => {
    const { code, stdout } = await runCapturing(['footprint', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage:');
  });
});

describe('arguments read as the commands read them', () => {
  it('-o: an existing output that is no input is overwritten; the last -o, -oFILE and --output=FILE are guarded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-o-forms-'));
    const model = join(dir, 'm.yaml');
    copyFileSync(join(ROOT, 'examples', 'zinc-rle.yaml'), model);
    for (let i = 0; i < 2; i++) expect((await runCapturing(['footprint', 'm.yaml', '--format', 'json', '--output=out.json'], dir)).code).toBe(0);
    for (let i = 0; i < 2; i++) expect((await runCapturing(['footprint', 'm.yaml', '--product', 'out.json', '-o', 'out.json'], dir)).code).not.toBe(2);
    for (const argv of [
      ['footprint', 'm.yaml', '--format', 'json', '-o', 'x.json', '-o', 'm.yaml'],
      ['footprint', 'm.yaml', '--format', 'json', '-om.yaml'],
    ]) {
      const { code, stderr } = await runCapturing(argv, dir);
      expect([code, stderr.includes('is an input of this run')]).toEqual([2, true]);
    }
  });

  it('--help only for a known command and before --', async () => {
    expect((await runCapturing(['bogus', '--help'])).code).toBe(2);
    expect((await runCapturing(['footprint', 'examples/zinc-rle.yaml', '--', '-h'])).stdout).not.toContain('Usage:');
  });
});
