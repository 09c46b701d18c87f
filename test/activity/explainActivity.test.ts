import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturing } from '../cliRun.js';

const ROOT = join(import.meta.dirname, '..', '..');
const MODEL = 'examples/erp/smelter-2022-2023.yaml';
const LEDGER = ['--activity', 'examples/erp/ledger-utf8.csv', '--mapping', 'examples/erp/mapping-utf8.yaml'];

async function run(argv: string[], cwd = ROOT) {
  return runCapturing(argv, cwd);
}

describe('smeltprint explain --activity', () => {
  it('fills the model from the ledger and shows the yearly grid factors split by the activity rows', async () => {
    const { code, stdout, stderr } = await run(['explain', MODEL, '--product', 'aluminium-liquid', ...LEDGER, '--format', 'json']);
    expect(code).toBe(0);
    // The same account of rows as footprint --activity gives for this ledger (test/activity/cli.test.ts).
    expect(stderr).toMatch(/144 rows read, 96 used, 48 skipped, 0 rejected/);
    const selections = [...stdout.matchAll(/"selection": "([^"]*)"/g)].map((m) => m[1]);
    // 24 monthly electricity rows, 12 in each of the grid factor's two yearly vintages (2022, 2023).
    expect(selections.filter((s) => /split by its 24 activity rows/.test(s ?? ''))).toHaveLength(2);
  });

  it('explains the same total as footprint --activity computes, decimals written as exact text', async () => {
    const explained = await run(['explain', MODEL, '--product', 'aluminium-liquid', ...LEDGER, '--format', 'json']);
    const footprint = await run(['footprint', MODEL, ...LEDGER, '--format', 'json']);
    expect(footprint.code).toBe(0);
    const total = JSON.parse(footprint.stdout).products[0].total as string;
    expect(JSON.parse(explained.stdout).value).toBe(total);
  });

  it('fails on a rejected row unless --allow-rejects, and needs --product', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'smeltprint-explain-'));
    await writeFile(join(directory, 'model.yaml'), [
      'smeltprint: 1', 'id: m', 'period: { start: 2025-01-01, end: 2025-01-31 }', 'gwp: AR5', 'processes:',
      '  - id: p', '    outputs: [{ flow: al, amount: { activity: al }, unit: t }]',
      '    emissions: [{ gas: CO2, amount: "10", unit: t, category: process }]', '',
    ].join('\n'));
    await writeFile(join(directory, 'ledger.csv'), 'date,series,amount,unit\n2025-01,al,5,t\n2025-01,zinc,1,t\n');
    const strict = await run(['explain', 'model.yaml', '--product', 'al', '--activity', 'ledger.csv'], directory);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/\[unknown_series\]/);
    expect(strict.stdout).toBe('');
    const lenient = await run(['explain', 'model.yaml', '--product', 'al', '--activity', 'ledger.csv', '--allow-rejects', '--format', 'json'], directory);
    expect(lenient.code).toBe(0);
    // 10 t CO2 over 5 t of al (the one usable row).
    expect(JSON.parse(lenient.stdout).value).toBe('2');
    expect((await run(['explain', 'model.yaml', '--activity', 'ledger.csv'], directory)).code).toBe(2);
  });
});
