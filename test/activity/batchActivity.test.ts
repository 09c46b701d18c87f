import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturing } from '../cliRun.js';

async function run(argv: string[], cwd: string) {
  return runCapturing(argv, cwd);
}

const model = (id: string, series: string) =>
  [
    'smeltprint: 1', `id: ${id}`, 'period: { start: 2025-01-01, end: 2025-01-31 }', 'gwp: AR5', 'processes:',
    '  - id: p', `    outputs: [{ flow: ${series}, amount: { activity: ${series} }, unit: t }]`,
    '    emissions: [{ gas: CO2, amount: "10", unit: t, category: process }]', '',
  ].join('\n');

async function workspace(): Promise<string> {
  const directory = await mkdtemp(join(tmpdir(), 'smeltprint-batch-activity-'));
  await mkdir(join(directory, 'models'));
  await writeFile(join(directory, 'models', 'a.yaml'), model('a', 'al'));
  // A ledger in another layout, read through a mapping; the zinc row is no series of model a.
  await writeFile(join(directory, 'ledger.csv'), 'Datum;Item;Qty;Unit\n2025-01;al;5;t\n2025-01;zinc;1;t\n');
  await writeFile(join(directory, 'map.yaml'), 'smeltprintMapping: 1\ncolumns: { date: Datum, series: Item, amount: Qty, unit: Unit }\n');
  return directory;
}

describe('smeltprint batch --activity', () => {
  it('fills each model from the activity files before computing', async () => {
    const directory = await workspace();
    const { code, stdout, stderr } = await run(['batch', 'models', '--activity', 'ledger.csv', '--mapping', 'map.yaml', '--allow-rejects'], directory);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const line = JSON.parse(stdout.trim());
    // 10 t CO2 over the 5 t of al in the ledger.
    expect([line.model, line.product, line.total]).toEqual(['a', 'al', '2']);
  });

  it('fails a model with a rejected row unless --allow-rejects, listing file, row and code', async () => {
    const directory = await workspace();
    const { code, stdout, stderr } = await run(['batch', 'models', '--activity', 'ledger.csv', '--mapping', 'map.yaml'], directory);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/1 of 1 models failed/);
    expect(stderr).toMatch(/models\/a\.yaml: activity: 2 rows read, 1 used/);
    expect(stderr).toMatch(/rejected ledger\.csv:3 \[Item\]: .*\[unknown_series\]/);
  });

  it('fails only the model whose series has no rows, even with --allow-rejects; the others are computed', async () => {
    const directory = await workspace();
    await writeFile(join(directory, 'models', 'b.yaml'), model('b', 'cu'));
    const { code, stdout, stderr } = await run(['batch', 'models', '--activity', 'ledger.csv', '--mapping', 'map.yaml', '--allow-rejects'], directory);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n').map((l) => JSON.parse(l).model)).toEqual(['a']);
    expect(stderr).toMatch(/models\/b\.yaml: activity:[\s\S]*\[series_without_rows\]/);
  });

  it('reads the ledgers once; a ledger that cannot be read fails every model, saying which file', async () => {
    const directory = await workspace();
    await writeFile(join(directory, 'models', 'b.yaml'), model('b', 'al'));
    const { code, stdout, stderr } = await run(['batch', 'models', '--activity', 'missing.csv', '--mapping', 'map.yaml'], directory);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/2 of 2 models failed/);
    expect(stderr.match(/missing\.csv/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('refuses --mapping without --activity as a usage error', async () => {
    const directory = await workspace();
    expect((await run(['batch', 'models', '--mapping', 'map.yaml'], directory)).code).toBe(2);
  });
});
