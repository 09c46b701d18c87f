import { mkdtemp, mkdir, writeFile, copyFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchCommand } from '../../src/cli/batch.js';
import { runCapturing } from '../cliRun.js';
import { monthlyResultSchema } from '../../src/schemas/resultSchema.js';

const ROOT = join(import.meta.dirname, '..', '..');

async function run(argv: string[], cwd = ROOT) {
  return runCapturing(argv, cwd);
}
const MODEL = 'examples/erp/smelter-2022-2023.yaml';

describe('smeltprint footprint --activity', () => {
  it('gives the same JSON from the UTF-8 ledger and from the GBK one, and accounts for every row', async () => {
    const utf8 = await run(['footprint', MODEL, '--activity', 'examples/erp/ledger-utf8.csv', '--mapping', 'examples/erp/mapping-utf8.yaml', '--format', 'json']);
    const gbk = await run(['footprint', MODEL, '--activity', 'examples/erp/ledger-gbk.csv', '--mapping', 'examples/erp/mapping-gbk.yaml', '--format', 'json']);
    expect(utf8.code).toBe(0);
    expect(gbk.code).toBe(0);
    expect(gbk.stdout).toBe(utf8.stdout);
    // 24 months × 6 rows: 4 series used, 1 ignored (water), 1 of another plant.
    expect(utf8.stderr).toMatch(/144 rows read, 96 used, 48 skipped, 0 rejected/);
    const product = JSON.parse(utf8.stdout).products[0];
    expect(product.flow).toBe('aluminium-liquid');
  });

  it('fails on a rejected row with file, row and column, unless --allow-rejects', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'smeltprint-activity-'));
    await writeFile(join(directory, 'model.yaml'), [
      'smeltprint: 1', 'id: m', 'period: { start: 2025-01-01, end: 2025-01-31 }', 'gwp: AR5', 'processes:',
      '  - id: p', '    outputs: [{ flow: al, amount: { activity: al }, unit: t }]',
      '    emissions: [{ gas: CO2, amount: "10", unit: t, category: process }]', '',
    ].join('\n'));
    await writeFile(join(directory, 'ledger.csv'), 'date,series,amount,unit\n2025-01,al,5,t\n2025-01,zinc,1,t\n');
    const strict = await run(['footprint', 'model.yaml', '--activity', 'ledger.csv'], directory);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/rejected ledger.csv:3 \[series\]: "zinc" is no series .* \[unknown_series\]/);
    expect(strict.stdout).toBe('');
    const lenient = await run(['footprint', 'model.yaml', '--activity', 'ledger.csv', '--allow-rejects', '--format', 'json'], directory);
    expect(lenient.code).toBe(0);
    // 10 t CO2 / 5 t.
    expect(JSON.parse(lenient.stdout).products[0].total).toBe('2');
  });

  it('--period and --by month print one line per month and the total', async () => {
    const { code, stdout } = await run(['footprint', MODEL, '--activity', 'examples/erp/ledger-utf8.csv', '--mapping', 'examples/erp/mapping-utf8.yaml', '--period', '2023-01..2023-03', '--by', 'month', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.months.map((m: { period: { start: string } }) => m.period.start)).toEqual(['2023-01-01', '2023-02-01', '2023-03-01']);
    // Production in 2023-01..03 (months 13–15 of the ledger): 8430 + 8440 + 8450 = 25320 t.
    expect(json.total.products[0].production).toBe('25320');
  });

  it('refuses bad flags as usage errors', async () => {
    expect((await run(['footprint', MODEL, '--by', 'week'])).code).toBe(2);
    expect((await run(['footprint', MODEL, '--period', '2023-13..2023-01'])).code).toBe(2);
  });
});

describe('smeltprint batch', () => {
  it('writes one line per product, continues past a failing model and lists it with exit 1', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'smeltprint-batch-'));
    await mkdir(join(directory, 'plants'));
    await copyFile(join(ROOT, 'examples', 'aluminium-remelt.yaml'), join(directory, 'plants', 'remelt.yaml'));
    await writeFile(join(directory, 'plants', 'broken.yaml'), 'smeltprint: 1\nid: broken\n');
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: directory, stderrIsTTY: false };
    expect(await batchCommand(['plants', '--output-format', 'csv'], io)).toBe(1);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('file,model,periodStart,periodEnd,gwp,product,declaredUnit,total,unit,scope1,scope2,scope3');
    expect(lines.slice(1).every((line) => line.startsWith('plants/remelt.yaml,'))).toBe(true);
    expect(stderr).toMatch(/1 of 2 models failed:\n  plants\/broken.yaml: /);
    // No progress bar when stderr is not a terminal.
    expect(stderr).not.toMatch(/\[#/);
  });

  it('neutralizes model ids and flows a spreadsheet would run as formulas', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'smeltprint-batch-formula-'));
    await writeFile(
      join(directory, 'evil.yaml'),
      'smeltprint: 1\nid: "=cmd|\' /C calc\'!A0"\nperiod: { start: "2024-01-01", end: "2024-12-31" }\ngwp: AR6\nprocesses:\n' +
        '  - id: p\n    outputs: [{ flow: "=1+1", amount: "1", unit: t }]\n    emissions: [{ gas: CO2, amount: "1", unit: t, category: process }]\n',
    );
    let stdout = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: () => undefined, cwd: directory, stderrIsTTY: false };
    expect(await batchCommand(['evil.yaml', '--output-format', 'csv'], io)).toBe(0);
    const row = stdout.split('\r\n')[1]!;
    expect(row).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(row).toContain(`,'=1+1,`);
  });

  it('takes linked model files in a directory and in a glob, and lists a dangling link as a failing model', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'smeltprint-batch-links-'));
    await mkdir(join(directory, 'plants'));
    await symlink(join(ROOT, 'examples', 'zinc-rle.yaml'), join(directory, 'plants', 'linked.yaml'));
    for (const target of ['plants', 'plants/*.yaml']) {
      const { code, stdout } = await run(['batch', target], directory);
      expect(code).toBe(0);
      expect(stdout).toContain('"file":"plants/linked.yaml"');
    }
    await symlink(join(directory, 'nowhere.yaml'), join(directory, 'plants', 'dangling.yaml'));
    const { code, stderr } = await run(['batch', 'plants'], directory);
    expect(code).toBe(1);
    expect(stderr).toMatch(/plants\/dangling.yaml: .*\[file_access\]/);
  });

  it('matches globs, writes JSON Lines and draws a progress bar on a terminal', async () => {
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), cwd: ROOT, stderrIsTTY: true };
    expect(await batchCommand(['examples/zinc-*.yaml'], io)).toBe(0);
    const records = stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as { file: string });
    expect([...new Set(records.map((r) => r.file))]).toEqual(['examples/zinc-rle.yaml', 'examples/zinc-waelz.yaml']);
    expect(stderr).toMatch(/\[#+\] 2\/2/);
  });
});

describe('smeltprint schema', () => {
  it('prints the model, mapping and result schemas, and refuses others', async () => {
    for (const name of ['model', 'mapping', 'result']) {
      const { code, stdout } = await run(['schema', name]);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).$id).toBe(`https://smeltprint.dev/schema/${name}-v1.json`);
    }
    expect((await run(['schema', 'pact'])).code).toBe(2);
  });
});

describe('footprint --activity with the whole-model formats (report, html, pact, cbam)', () => {
  const ledger = ['--activity', 'examples/erp/ledger-utf8.csv', '--mapping', 'examples/erp/mapping-utf8.yaml'];

  it('computes the filled model as --format json does (the same total, yearly grid factors split by the ledger rows)', async () => {
    const json = await run(['footprint', MODEL, ...ledger, '--format', 'json']);
    expect(json.code).toBe(0);
    const total: string = JSON.parse(json.stdout).products[0].total;

    const meta = join(await mkdtemp(join(tmpdir(), 'smeltprint-erp-pact-')), 'meta.yaml');
    await writeFile(meta, 'companyName: Example Aluminium\ncompanyIds: ["urn:example:company:erp"]\n');
    const pact = await run(['footprint', MODEL, ...ledger, '--format', 'pact', '--pact-meta', meta, '--product', 'aluminium-liquid']);
    expect(pact.code).toBe(0);
    expect(pact.stderr).toMatch(/^activity: 144 rows read, 96 used/);
    // PACT is per kg of product: kg CO2e/kg is the same number as t CO2e/t
    expect(JSON.parse(pact.stdout).pcf.pcfExcludingBiogenicUptake).toBe(total);

    const report = await run(['footprint', MODEL, ...ledger, '--format', 'report', '--lang', 'en']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('aluminium-liquid');

    const cbam = await run(['footprint', MODEL, ...ledger, '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'aluminium-liquid=7601']);
    expect(cbam.code).toBe(0);
    expect(JSON.parse(cbam.stdout).goods[0].flow).toBe('aluminium-liquid');
  });

  it('fails on the ledgers as the other formats do, and refuses activity data with --uncertainty', async () => {
    const rejected = await run(['footprint', MODEL, '--activity', 'examples/erp/ledger-utf8.csv', '--format', 'report']);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toBe('');
    const interval = await run(['footprint', MODEL, ...ledger, '--uncertainty', '100']);
    expect([interval.code, interval.stderr.includes('--activity has no effect with --uncertainty')]).toEqual([2, true]);
  });
});

describe('footprint --activity takes the flags footprint takes', () => {
  const ledger = ['--activity', 'examples/erp/ledger-utf8.csv', '--mapping', 'examples/erp/mapping-utf8.yaml'];
  it('--scope2 location and both (they were "Unknown option"); location equals the library run at scope2 location', async () => {
    const market = JSON.parse((await run(['footprint', MODEL, ...ledger, '--format', 'json'])).stdout);
    const location = await run(['footprint', MODEL, ...ledger, '--format', 'json', '--scope2', 'location']);
    expect(location.code).toBe(0);
    expect(JSON.parse(location.stdout).scope2).toBe('location');
    const both = await run(['footprint', MODEL, ...ledger, '--format', 'json', '--scope2', 'both']);
    expect(both.code).toBe(0);
    const pair = JSON.parse(both.stdout);
    expect(pair.market.products[0].total).toBe(market.products[0].total);
    expect(pair.location.products[0].total).toBe(JSON.parse(location.stdout).products[0].total);
    const monthly = await run(['footprint', MODEL, ...ledger, '--by', 'month', '--scope2', 'location', '--format', 'json']);
    expect(monthly.code).toBe(0);
  });
  it('refuses by name the flags its format does not take (not "Unknown option")', async () => {
    for (const [argv, message] of [
      [['--format', 'table', '--metal', 'zinc'], '--metal has no effect with --format table'],
      [['--uncertainty', '100'], '--activity has no effect with --uncertainty'],
      [['--by', 'month', '--format', 'report'], '--by has no effect with --format report'],
      [['--by', 'month', '--scope2', 'both'], '--scope2 both compares one computation'],
    ] as const) {
      const { code, stderr } = await run(['footprint', MODEL, ...ledger, ...argv]);
      expect([code, stderr.includes(message)]).toEqual([2, true]);
    }
  });
  it('--period without --activity is refused (it relabelled a year of amounts as a quarter)', async () => {
    const { code, stderr } = await run(['footprint', 'examples/aluminium-smelter.yaml', '--period', '2023-01..2023-03', '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'aluminium-ingot=7601']);
    expect([code, stderr.includes('--period selects the rows of --activity FILE')]).toEqual([2, true]);
  });
});

describe('ledger gaps and rejected rows are in the results, not only on stderr', () => {
  it('a gap the mapping allows and rows rejected under --allow-rejects are warnings of the JSON result', async () => {
    // Q1 2025: production rows for January and March only (February missing, gaps allowed), and
    // one electricity row with a bad amount (rejected under --allow-rejects).
    const dir = await mkdtemp(join(tmpdir(), 'smeltprint-ledger-warnings-'));
    await writeFile(join(dir, 'l.csv'), 'date,series,amount,unit\n2025-01,al,100,t\n2025-03,al,100,t\n2025-01,elec,1340,MWh\n2025-02,elec,1340,MWh\n2025-03,elec,1340,MWh\n2025-03,elec,n/a,MWh\n');
    await writeFile(join(dir, 'map.yaml'), 'smeltprintMapping: 1\ncolumns: { date: date, series: series, amount: amount, unit: unit }\nallowGaps: true\n');
    await writeFile(
      join(dir, 'm.yaml'),
      'smeltprint: 1\nid: gap\nperiod: { start: "2025-01-01", end: "2025-03-31" }\nregion: CN\ngwp: AR5\nprocesses:\n' +
        '  - id: potline\n    outputs: [{ flow: aluminium, amount: { activity: al }, unit: t }]\n' +
        '    inputs: [{ flow: electricity, amount: { activity: elec }, unit: MWh, factor: cn-mee/grid/national, vintage: 2023 }]\n',
    );
    const { code, stdout } = await run(['footprint', 'm.yaml', '--activity', 'l.csv', '--mapping', 'map.yaml', '--allow-rejects', '--format', 'json'], dir);
    expect(code).toBe(0);
    const expectLedgerWarnings = (warnings: { code: string; path: (string | number)[]; message: string; severity: string }[]) => {
      expect(warnings.find((w) => w.code === 'activity_gap')).toMatchObject({ path: ['processes', 0, 'outputs', 0], message: expect.stringContaining('2025-02-01..2025-02-28'), severity: 'warning' });
      expect(warnings.find((w) => w.code === 'activity_rows_rejected')?.message).toBe('1 ledger row was rejected and left out of the amounts: l.csv:7');
    };
    expectLedgerWarnings(JSON.parse(stdout).warnings);
    // By month: the period's warnings once, at the top level of the document (the schema's
    // `warnings`), whether written a month at a time or for one product; and in the table's notes.
    const byMonth = ['footprint', 'm.yaml', '--activity', 'l.csv', '--mapping', 'map.yaml', '--allow-rejects', '--by', 'month'];
    for (const extra of [['--format', 'json'], ['--format', 'json', '--product', 'aluminium']]) {
      const monthly = await run([...byMonth, ...extra], dir);
      expect(monthly.code).toBe(0);
      const document = JSON.parse(monthly.stdout);
      expectLedgerWarnings(document.warnings);
      expect(document.warnings).toHaveLength(2);
      expect(monthlyResultSchema.safeParse(document).success).toBe(true);
    }
    // CBAM: the communication's notes say it (the verifier reads the report, not stderr).
    await writeFile(join(dir, 'cbam.yaml'), 'period: definitive-2025/2547\ngoods: [{ flow: aluminium, cn: "7601", route: primary-smelting }]\n');
    const cbam = await run(['footprint', 'm.yaml', '--activity', 'l.csv', '--mapping', 'map.yaml', '--allow-rejects', '--format', 'cbam', '--cbam-options', 'cbam.yaml'], dir);
    expect(cbam.code).toBe(0);
    const notes = JSON.parse(cbam.stdout).notes as string[];
    expect(notes).toContain('From the activity data: 1 ledger row was rejected and left out of the amounts: l.csv:7');
    expect(notes.some((note) => note.startsWith('From the activity data: series "al" has no rows for 2025-02-01..2025-02-28'))).toBe(true);
    const table = await run(byMonth, dir);
    expect(table.stdout).toMatch(/\nnotes:\n {2}warning: series "al" has no rows for 2025-02-01\.\.2025-02-28/);
    expect(table.stdout).toContain('  warning: 1 ledger row was rejected and left out of the amounts: l.csv:7');
  });
});
