import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturing } from '../cliRun.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'cli');

async function run(...argv: string[]) {
  return runCapturing(argv, FIXTURES);
}

describe('smeltprint CLI (in-process)', () => {
  it('prints JSON per the DESIGN.md contract', async () => {
    const { code, stdout } = await run('footprint', 'chain.yaml', '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['model', 'period', 'gwp', 'products']));
    const b = json.products.find((p: { flow: string }) => p.flow === 'b');
    // b = (2 + 8 × 0.5) / 4 = 1.5
    expect(b).toMatchObject({ flow: 'b', declaredUnit: '1 t', total: '1.5', unit: 't CO2e', byScope: { '1': '1.5', '2': '0', '3': '0' } });
    expect(b.byProcess).toEqual({ 'make-a': '1', 'make-b': '0.5' });
  });
  it('selects a product and a declared unit', async () => {
    const { code, stdout } = await run('footprint', 'chain.yaml', '--format', 'json', '--product', 'b', '--per', '1 kg');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.products).toHaveLength(1);
    expect(json.products[0].total).toBe('0.0015');
  });
  it('prints a table by default', async () => {
    const { code, stdout } = await run('footprint', 'chain.yaml');
    expect(code).toBe(0);
    expect(stdout).toMatch(/b\s+\(per 1 t, from make-b\)/);
    expect(stdout).toMatch(/total t CO2e\s+1\.5000/);
  });
  it('explains as JSON with decimals as fixed-point text', async () => {
    const { code, stdout } = await run('explain', 'chain.yaml', '--product', 'b', '--format', 'json');
    expect(code).toBe(0);
    const tree = JSON.parse(stdout);
    expect(tree.value).toBe('1.5'); // (2 + 8 × 0.5) / 4
    expect(stdout).not.toMatch(/"d":\s*\[/);
  });
  it('explains a product down to its emissions', async () => {
    const { code, stdout } = await run('explain', 'chain.yaml', '--product', 'b');
    expect(code).toBe(0);
    expect(stdout).toContain('1 t b from make-b: 1.500000 t CO2e');
    expect(stdout).toContain('a from make-a: 1.000000 t CO2e');
  });
  it('exit 1 with every issue and its path for an invalid model', async () => {
    const { code, stderr, stdout } = await run('footprint', 'invalid.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/processes\[0\]\.inputs\[0\]\.from/);
    expect(stderr).toMatch(/processes\[1\]\.id/);
    expect(stderr).not.toMatch(/    at /); // no stack trace
  });
  it('exit 1 for a missing file, with the file named', async () => {
    const { code, stderr } = await run('footprint', 'no-such-file.yaml');
    expect(code).toBe(1);
    expect(stderr).toMatch(/no-such-file\.yaml/);
  });
  it('exit 1 for an unknown product, listing the products', async () => {
    const { code, stderr } = await run('footprint', 'chain.yaml', '--product', 'zinc');
    expect(code).toBe(1);
    expect(stderr).toMatch(/products: a, b/);
  });
  it('exit 2 for usage errors', async () => {
    expect((await run('footprint')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect((await run('footprint', 'chain.yaml', '--format', 'xml')).code).toBe(2);
    expect((await run('footprint', 'chain.yaml', '--no-such-flag')).code).toBe(2);
    expect((await run('footprint', 'chain.yaml', '--gwp', 'AR9')).code).toBe(2);
    expect((await run('explain', 'chain.yaml')).code).toBe(2);
    // checked before the model is read: exit 2 even when the file is missing or the value is off
    expect((await run('footprint', 'no-such-file.yaml', '--format', 'bogus')).code).toBe(2);
    expect((await run('footprint', 'chain.yaml', '--per', 'abc')).code).toBe(2);
    expect((await run('footprint', 'chain.yaml', '--per', '0 kg')).code).toBe(2);
    expect((await run('footprint', 'chain.yaml', '--scope2', 'sideways')).code).toBe(2);
  });
  it('prints help and version', async () => {
    expect((await run('--help')).stdout).toMatch(/Usage:/);
    expect((await run('--version')).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
  it('prints the JSON Schema of the model document', async () => {
    const { code, stdout } = await run('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout);
    expect(JSON.stringify(schema)).toContain('processes');
  });
  it('writes -o output atomically and leaves no temporary file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-cli-'));
    const out = join(dir, 'result.json');
    const { code } = await run('footprint', 'chain.yaml', '--format', 'json', '-o', out);
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).products).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['result.json']);
  });
  it('runs the demo', async () => {
    const { code, stdout } = await run('demo');
    expect(code).toBe(0);
    expect(stdout).toMatch(/aluminium/);
  });
  it('--uncertainty: seeded Monte Carlo, the same numbers on every call, beside the exact value', async () => {
    const args = ['footprint', 'chain.yaml', '--uncertainty', '500', '--seed', '3', '--uncertainty-file', 'uncertainty.yaml', '--format', 'json'];
    const first = await run(...args);
    expect(first.code).toBe(0);
    expect((await run(...args)).stdout).toBe(first.stdout);
    const json = JSON.parse(first.stdout);
    expect(json.backend).toBe('float64');
    const b = json.products.find((p: { flow: string }) => p.flow === 'b');
    expect(b.exact).toBe('1.5');
    // first order: b = (2 + 8 × 0.5)/4, sd = sqrt((0.5 × 0.2/1.96)² + (1 × 0.1/1.96)²) = 0.0721…
    expect(Number(b.analytic.sd)).toBeCloseTo(Math.sqrt((0.5 * 0.2 / 1.96) ** 2 + (0.1 / 1.96) ** 2), 6);
    expect(Number(b.p2_5)).toBeLessThan(1.5);
    expect(Number(b.p97_5)).toBeGreaterThan(1.5);
  });
  it('--uncertainty without uncertain terms says so', async () => {
    const { code, stdout } = await run('footprint', 'chain.yaml', '--uncertainty', '100');
    expect(code).toBe(0);
    expect(stdout).toMatch(/no uncertain terms/);
    expect((await run('footprint', 'chain.yaml', '--uncertainty', 'many')).code).toBe(2);
  });
});
