import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturing } from '../cliRun.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

async function runIn(cwd: string, ...argv: string[]) {
  return runCapturing(argv, cwd);
}

// Location-based computes (the grid factor, 2023, CN); market-based multiplies MWh by a per-tonne
// contract factor, which is a unit mismatch.
const MARKET_FAILS = `smeltprint: 1
id: scope2-market-fails
period: { start: 2023-01-01, end: 2023-12-31 }
gwp: AR5
region: CN
factors:
  - { id: per-tonne, value: "2", unit: t CO2e/t, gwp: AR5, source: { title: "test", year: 2023 } }
processes:
  - id: smelt
    outputs: [{ flow: metal, amount: "10", unit: t }]
    inputs:
      - { flow: electricity-grid, amount: "100", unit: MWh, factor: per-tonne, instrument: green-certificate, locationFactor: cn-mee/grid/national }
`;

describe('footprint --scope2 both --format json when the market-based half fails', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smeltprint-scope2-'));
  writeFileSync(join(dir, 'model.yaml'), MARKET_FAILS);

  it('the location-based half alone computes (the model is a fair test)', async () => {
    const { code, stdout } = await runIn(dir, 'footprint', 'model.yaml', '--scope2', 'location', '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).products[0].total).toBe('5.306');
    expect((await runIn(dir, 'footprint', 'model.yaml', '--scope2', 'market', '--format', 'json')).code).toBe(1);
  });

  it('writes nothing to stdout and exits 1', async () => {
    const { code, stdout, stderr } = await runIn(dir, 'footprint', 'model.yaml', '--scope2', 'both', '--format', 'json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/\[unit_mismatch\]/);
  });

  it('leaves no file with -o', async () => {
    const out = mkdtempSync(join(tmpdir(), 'smeltprint-scope2-out-'));
    const { code, stdout } = await runIn(dir, 'footprint', 'model.yaml', '--scope2', 'both', '--format', 'json', '-o', join(out, 'both.json'));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('files named by --pact-meta, --cbam-options and --uncertainty-file', () => {
  const missingModel = () => runIn(EXAMPLES, 'footprint', 'no-such-model.yaml');
  const cases: Record<string, (file: string) => string[]> = {
    '--pact-meta': (file) => ['--format', 'pact', '--pact-meta', file],
    '--cbam-options': (file) => ['--format', 'cbam', '--cbam-period', 'transitional-2023/1773', '--good', 'aluminium-ingot=7601', '--cbam-options', file],
    '--uncertainty-file': (file) => ['--uncertainty', '100', '--uncertainty-file', file],
  };
  const directory = mkdtempSync(join(tmpdir(), 'smeltprint-side-'));
  mkdirSync(join(directory, 'a-directory.yaml'));

  for (const [flag, args] of Object.entries(cases)) {
    it(`${flag}: a missing file is a file_access error, named, exit as for a missing MODEL`, async () => {
      const expected = await missingModel();
      expect(expected.code).toBe(1);
      const { code, stdout, stderr } = await runIn(EXAMPLES, 'footprint', 'aluminium-smelter.yaml', ...args('nope.yaml'));
      expect(code).toBe(expected.code);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^error: cannot read nope\.yaml: ENOENT.*\[file_access\]\n$/);
      expect(stderr).not.toMatch(/internal error|Please report/);
    });
    it(`${flag}: a directory is a file_access error too`, async () => {
      const { code, stderr } = await runIn(EXAMPLES, 'footprint', 'aluminium-smelter.yaml', ...args(join(directory, 'a-directory.yaml')));
      expect(code).toBe(1);
      expect(stderr).toMatch(/^error: cannot read .*a-directory\.yaml: EISDIR.*\[file_access\]\n$/);
    });
  }
});

describe('help', () => {
  it('with no arguments: to stderr, exit 2, nothing on stdout', async () => {
    const { code, stdout, stderr } = await runIn(EXAMPLES);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/Usage:/);
  });
  it('--help: to stdout, exit 0', async () => {
    const { code, stdout, stderr } = await runIn(EXAMPLES, '--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage:/);
    expect(stderr).toBe('');
  });
});

describe('an invalid mapping file', () => {
  it('is named before its issues, so their paths do not read as the model’s', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'smeltprint-badmap-'));
    writeFileSync(join(directory, 'm.yaml'), 'smeltprint: 1\nid: m\nperiod: { start: 2025-01-01, end: 2025-01-31 }\nprocesses:\n  - id: p\n    outputs: [{ flow: al, amount: { activity: al }, unit: t }]\n    emissions: [{ gas: CO2, amount: "1", unit: t, category: process }]\n');
    writeFileSync(join(directory, 'l.csv'), 'date,series,amount,unit\n2025-01,al,1,t\n');
    writeFileSync(join(directory, 'map.yaml'), 'smeltprintMapping: 1\nbogus: 1\ncolumns: { date: date, series: series, unit: unit }\n');
    const { code, stderr } = await runCapturing(['footprint', 'm.yaml', '--activity', 'l.csv', '--mapping', 'map.yaml'], directory);
    expect(code).toBe(1);
    expect(stderr.split('\n')[0]).toBe('activity mapping map.yaml is invalid:');
    expect(stderr).toMatch(/bogus: unknown field "bogus"; known fields: .* \[unknown_field\]/);
  });
});
