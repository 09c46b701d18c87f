import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturing } from '../cliRun.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SMELTER = join(ROOT, 'examples', 'aluminium-smelter.yaml');
const ERP_MODEL = join(ROOT, 'examples', 'erp', 'smelter-2022-2023.yaml');
const LEDGER = ['--activity', 'examples/erp/ledger-utf8.csv', '--mapping', 'examples/erp/mapping-utf8.yaml', '--period', '2023-01..2023-03', '--by', 'month'];
const dir = mkdtempSync(join(tmpdir(), 'smeltprint-usage-'));
writeFileSync(join(dir, 'bad.yaml'), 'smeltprint: 1\nid: x\n');
const BAD = join(dir, 'bad.yaml');

async function run(...argv: string[]) {
  return runCapturing(argv, ROOT);
}

/** A usage error: exit 2, nothing on stdout, the message on stderr. */
async function expectUsage(argv: string[], message: string) {
  const { code, stdout, stderr } = await run(...argv);
  expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  expect(stderr).toContain(message);
}

describe('usage errors are found before the model is read (exit 2 even with a broken model)', () => {
  it('footprint --format pact --pact-version 9', () => expectUsage(['footprint', BAD, '--format', 'pact', '--pact-version', '9'], '--pact-version takes 3.0 or 2.3, got "9"'));
  it('footprint --format cbam without a period', () => expectUsage(['footprint', BAD, '--format', 'cbam'], 'CBAM needs the regulation period'));
  it('footprint --format cbam with a bad --good or --cbam-output', async () => {
    await expectUsage(['footprint', BAD, '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'x'], '--good takes FLOW=CN');
    await expectUsage(['footprint', BAD, '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'a=7601', '--cbam-output', 'pdf'], '--cbam-output takes json, csv or xlsx, got "pdf"');
    await expectUsage(['footprint', BAD, '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'a=7601', '--cbam-output', 'xlsx'], 'write it to a file with -o FILE');
  });
  it('footprint --uncertainty x, and a bad --seed', async () => {
    await expectUsage(['footprint', BAD, '--uncertainty', 'x'], '--uncertainty takes a number of runs from 2 to 99999999, got "x"');
    await expectUsage(['footprint', BAD, '--uncertainty', '10', '--seed', 'abc'], '--seed takes a whole number, got "abc"');
  });
  it('check --rulebook nope', () => expectUsage(['check', BAD, '--rulebook', 'nope'], 'unknown rulebook "nope" (gb-t-44905-aluminium'));
  it('check --mass-balance abc prints no findings before refusing', () =>
    expectUsage(['check', SMELTER, '--rulebook', 'gb-t-44905-aluminium', '--mass-balance', 'abc'], '--mass-balance takes a tolerance from 0 to 100 %, such as "5 %" or "0.05", got "abc"'));
  it('check --mass-balance 5 (500 %) is a usage error, not [invalid_number]', async () => {
    await expectUsage(['check', SMELTER, '--mass-balance', '5'], 'got "5"');
    await expectUsage(['check', BAD, '--mass-balance=-1 %'], 'got "-1 %"');
  });
  it('check with good flags still reads the model (exit 1 on the broken one)', async () => {
    const { code, stdout } = await run('check', BAD, '--rulebook', 'gb-t-44905-aluminium', '--mass-balance', '5 %');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const ok = await run('check', SMELTER, '--mass-balance', '5 %');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^mass balance: \d+ processes checked/m);
  });
});

describe('flags a format would ignore are refused (exit 2), naming the flag and the formats that take it', () => {
  const cbam = ['footprint', SMELTER, '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'aluminium-ingot=7601'];
  it.each([
    ['--gwp', 'AR6'],
    ['--per', '1 kg'],
    ['--scope2', 'location'],
    ['--product', 'aluminium-ingot'],
    ['--places', '2'],
  ])('--format cbam %s', (flag, value) => expectUsage([...cbam, flag, value], `${flag} has no effect with --format cbam; it is taken by --format`));
  it('--format cbam still works without them', async () => {
    const { code, stdout } = await run(...cbam);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toBeTypeOf('object');
  });
  it('--places with report and html', async () => {
    await expectUsage(['footprint', SMELTER, '--format', 'report', '--places', '2'], '--places has no effect with --format report; it is taken by --format table, json');
    await expectUsage(['footprint', SMELTER, '--format', 'html', '--places', '2'], '--places has no effect with --format html; it is taken by --format table, json');
  });
  it('--scope2 with report, audit and html (they are market-based)', async () => {
    for (const format of ['report', 'audit', 'html']) {
      await expectUsage(['footprint', SMELTER, '--format', format, '--scope2', 'location'], `--scope2 has no effect with --format ${format}; it is taken by --format table, json`);
    }
  });
  it('--per with pact (PACT is per kg), --lang with table, pact flags with json', async () => {
    await expectUsage(['footprint', SMELTER, '--format', 'pact', '--per', '1 kg'], '--per has no effect with --format pact');
    await expectUsage(['footprint', SMELTER, '--lang', 'en'], '--lang has no effect with --format table; it is taken by --format report, html');
    await expectUsage(['footprint', SMELTER, '--format', 'json', '--pact-version', '2.3'], '--pact-version has no effect with --format json; it is taken by --format pact');
  });
  it('--seed or --uncertainty-file without --uncertainty', async () => {
    await expectUsage(['footprint', SMELTER, '--seed', '3'], '--seed needs --uncertainty RUNS');
    await expectUsage(['footprint', SMELTER, '--uncertainty-file', 'u.yaml'], '--uncertainty-file needs --uncertainty RUNS');
    await expectUsage(['footprint', SMELTER, '--uncertainty', '10', '--places', '2'], '--places has no effect with --uncertainty');
    await expectUsage(['footprint', SMELTER, '--uncertainty', '10', '--format', 'pact'], '--uncertainty prints a table or JSON, not --format pact');
  });
  it('documented combinations still work', async () => {
    for (const argv of [
      ['--scope2', 'both'],
      ['--format', 'json', '--places', '2', '--gwp', 'AR6', '--per', '1 kg', '--product', 'aluminium-ingot'],
      ['--format', 'report', '--lang', 'en', '--product', 'aluminium-ingot', '--gwp', 'AR6', '--per', '1 kg'],
      ['--format', 'html', '--lang', 'zh'],
      ['--format', 'audit', '--product', 'aluminium-ingot', '--per', '1 kg'],
      ['--format', 'pact', '--pact-version', '3.0', '--product', 'aluminium-ingot', '--gwp', 'AR6'],
      ['--uncertainty', '20', '--seed', '1', '--format', 'json', '--product', 'aluminium-ingot'],
    ]) {
      const { code, stdout } = await run('footprint', SMELTER, ...argv);
      expect({ argv, code }).toEqual({ argv, code: 0 });
      expect(stdout.length).toBeGreaterThan(0);
    }
  });
});

describe('footprint --by month --product', () => {
  it('prints only that product\'s rows (table)', async () => {
    const all = await run('footprint', ERP_MODEL, ...LEDGER);
    const one = await run('footprint', ERP_MODEL, ...LEDGER, '--product', 'aluminium-liquid');
    expect(one.code).toBe(0);
    // The example makes one product, so its rows are all the rows.
    expect(one.stdout).toBe(all.stdout);
    expect(one.stdout).toMatch(/^total\s+aluminium-liquid\s+25320\.0000/m);
  });
  it('gives the JSON of the streamed document for that product', async () => {
    const all = await run('footprint', ERP_MODEL, ...LEDGER, '--format', 'json');
    const one = await run('footprint', ERP_MODEL, ...LEDGER, '--format', 'json', '--product', 'aluminium-liquid');
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(all.stdout);
  });
  it('an unknown product is exit 1 [unknown_product] and prints nothing', async () => {
    const { code, stdout, stderr } = await run('footprint', ERP_MODEL, ...LEDGER, '--product', 'nonexistent');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/nonexistent.*\[unknown_product\]/);
  });
});

describe('--lang', () => {
  it('an unknown language is a usage error before the model is read (a missing model does not hide it)', async () => {
    const { code, stdout, stderr } = await runCapturing(['footprint', 'no-such-model.yaml', '--format', 'report', '--lang', 'fr']);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr).toContain('--lang takes zh or en, got "fr"');
  });
});

describe('--metal and --stage (key-product report)', () => {
  it('are checked before the model is read, and only taken by report and html', async () => {
    await expectUsage(['footprint', BAD, '--format', 'report', '--metal', 'gold'], '--metal takes aluminium, copper, lead, zinc, got "gold"');
    await expectUsage(['footprint', BAD, '--format', 'report', '--stage', 'refining=prod'], '--stage takes PROCESS=STAGE');
    await expectUsage(['footprint', BAD, '--format', 'report', '--stage', 'refining'], '--stage takes PROCESS=STAGE');
    await expectUsage(['footprint', BAD, '--format', 'report', '--stage', 'a=production', '--stage', 'a=raw-material-acquisition'], 'two stages');
    await expectUsage(['footprint', SMELTER, '--metal', 'zinc'], '--metal has no effect with --format table; it is taken by --format report, html');
  });

  it('--metal reports a product whose flows name no metal (the Waelz oxide)', async () => {
    const refused = await run('footprint', 'examples/zinc-waelz.yaml', '--format', 'report', '--product', 'waelz-oxide');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--metal on the command line');
    const { code, stdout } = await run('footprint', 'examples/zinc-waelz.yaml', '--format', 'report', '--lang', 'en', '--product', 'waelz-oxide', '--metal', 'zinc');
    expect(code).toBe(0);
    expect(stdout).toContain('waelz-oxide');
  });

  it('--stage moves a process to the stage given, and says it was chosen', async () => {
    const argv = ['footprint', 'examples/lead-smelter.yaml', '--format', 'report', '--lang', 'en'];
    const byDefault = await run(...argv);
    expect(byDefault.stdout).toContain('| sks-smelting | Production | default rule |');
    const moved = await run(...argv, '--stage', 'sks-smelting=raw-material-acquisition');
    expect(moved.code).toBe(0);
    expect(moved.stdout).toContain('| sks-smelting | Raw material acquisition | option |');
    const unknown = await run(...argv, '--stage', 'refinin=production');
    expect([unknown.code, unknown.stdout]).toEqual([1, '']);
    expect(unknown.stderr).toContain('stages names process "refinin", which the model does not have');
  });
});

describe('demo refuses flags its format would ignore, as footprint does', () => {
  it('--lang with table or json, --all with report or html', async () => {
    await expectUsage(['demo', '--format', 'table', '--lang', 'zh'], '--lang has no effect with --format table');
    await expectUsage(['demo', '--format', 'report', '--all'], '--all has no effect with --format report');
    await expectUsage(['demo', '--format', 'pdf'], 'unknown format "pdf"');
    expect((await run('demo', '--format', 'json', '--all')).code).toBe(0);
  });
});

describe('several ledgers', () => {
  it('--activity a.csv b.csv says each ledger takes its own flag; one file twice is refused', async () => {
    await expectUsage(['footprint', ERP_MODEL, '--activity', 'a.csv', 'b.csv'], 'one MODEL file expected, got 2 (b.csv: give each ledger its own flag, --activity a.csv --activity b.csv)');
    await expectUsage(['footprint', ERP_MODEL, '--activity', 'a.csv', '--activity', 'a.csv'], '--activity a.csv is given twice');
  });
});
