// The CLI's -o file is either the old content or the whole new content: never a part, whether the
// process is killed while writing or fails after it has started producing results.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chainDocument } from '../fuzz/limits.js';
import { doc, proc } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli.js');
const OLD = '{"old": true}\n';

describe('atomic output files of the CLI', () => {
  let root: string;
  let directory: string;
  beforeAll(() => {
    if (!existsSync(BIN)) execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'ignore' });
    root = mkdtempSync(join(tmpdir(), 'smeltprint-atomic-'));
  }, 120_000);
  // Each test in its own directory: a SIGKILL leaves the hidden temporary file behind.
  beforeEach(() => {
    directory = mkdtempSync(join(root, 'case-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('killed while writing a large output leaves the old file whole (or the new one, complete)', async () => {
    // 10,000 products: about 6 MB of JSON.
    const model = join(directory, 'large.json');
    writeFileSync(model, JSON.stringify(chainDocument(10_000)));
    const output = join(directory, 'large-out.json');
    writeFileSync(output, OLD);
    const child = spawn(process.execPath, [BIN, 'footprint', model, '--format', 'json', '-o', output], { stdio: 'ignore' });
    let killedMidWrite = false;
    // The temporary file appears when writing starts: kill then, before the rename.
    const watcher = watch(directory, (_, name) => {
      if (name !== null && name.startsWith('.large-out.json.') && name.endsWith('.tmp') && child.exitCode === null) {
        killedMidWrite = child.kill('SIGKILL');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
    watcher.close();
    const content = readFileSync(output, 'utf8');
    if (killedMidWrite) {
      expect(content).toBe(OLD);
      // SIGKILL allows no clean-up: the hidden temporary file may stay, never the target half-written.
      expect(readdirSync(directory).filter((name) => !name.startsWith('.')).sort()).toEqual(['large-out.json', 'large.json']);
    } else {
      // The watcher lost the race: the run finished and the file must be complete.
      expect(code).toBe(0);
      expect((JSON.parse(content) as { products: unknown[] }).products).toHaveLength(10_000);
    }
  }, 120_000);

  it('a model that fails to compute leaves the old file and no temporary file', () => {
    const model = join(directory, 'singular.json');
    // A process that consumes all it makes: computing fails after parsing succeeded.
    writeFileSync(model, JSON.stringify(doc([proc('good', ['g', '1'], '1'), proc('loop', ['x', '1'], '1', [{ flow: 'x', amount: '1', unit: 't', from: 'loop' }])])));
    const output = join(directory, 'singular-out.json');
    writeFileSync(output, OLD);
    const run = spawnSync(process.execPath, [BIN, 'footprint', model, '--format', 'json', '-o', output], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/singular|loop/);
    expect(readFileSync(output, 'utf8')).toBe(OLD);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a failure after the first product (an unknown --product) leaves the old file and no temporary file', () => {
    const model = join(directory, 'two.json');
    writeFileSync(model, JSON.stringify(doc([proc('a', ['first', '1'], '1'), proc('b', ['second', '1'], '2')])));
    const output = join(directory, 'two-out.json');
    writeFileSync(output, OLD);
    const run = spawnSync(process.execPath, [BIN, 'footprint', model, '--product', 'third', '--format', 'json', '-o', output], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(readFileSync(output, 'utf8')).toBe(OLD);
    expect(readdirSync(directory).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a write that fails (no such directory) exits 1 and creates nothing', () => {
    const model = join(directory, 'ok.json');
    writeFileSync(model, JSON.stringify(doc([proc('a', ['x', '1'], '1')])));
    const run = spawnSync(process.execPath, [BIN, 'footprint', model, '-o', join(directory, 'missing', 'out.json')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot write/);
    expect(existsSync(join(directory, 'missing'))).toBe(false);
  });
});
