import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'dist', 'cli.js');
const CHAIN = join(ROOT, 'test', 'fixtures', 'cli', 'chain.yaml');

describe('the built smeltprint binary', () => {
  beforeAll(() => {
    // CI builds before testing; a fresh clone running `npm test` builds here once.
    if (!existsSync(BIN)) execFileSync('npx', ['tsup'], { cwd: ROOT, stdio: 'ignore' });
  }, 120_000);

  it('computes a footprint as JSON, byte-identical across two processes', () => {
    const first = spawnSync(process.execPath, [BIN, 'footprint', CHAIN, '--format', 'json'], { encoding: 'utf8' });
    const second = spawnSync(process.execPath, [BIN, 'footprint', CHAIN, '--format', 'json'], { encoding: 'utf8' });
    expect(first.status).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    expect(JSON.parse(first.stdout).products.map((p: { total: string }) => p.total)).toEqual(['0.5', '1.5']);
  });
  it('exits 1 with paths on stderr for a bad model and 2 for bad usage', () => {
    const bad = spawnSync(process.execPath, [BIN, 'footprint', join(ROOT, 'test', 'fixtures', 'cli', 'invalid.yaml')], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/processes\[0\]/);
    const usage = spawnSync(process.execPath, [BIN, 'nonsense'], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
  });
  it('runs the demo', () => {
    const demo = spawnSync(process.execPath, [BIN, 'demo'], { encoding: 'utf8' });
    expect(demo.status).toBe(0);
    expect(demo.stdout).toMatch(/Carbon footprint of the product: 15\.4368 t CO2e per 1 t/);
  });
});
