import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCapturing } from '../cliRun.js';

const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

async function run(...argv: string[]) {
  return runCapturing(argv, EXAMPLES);
}

describe('output formats on the CLI (examples/aluminium-smelter.yaml)', () => {
  it('pact: a v3 ProductFootprint per kilogram, AR6', async () => {
    const { code, stdout, stderr } = await run('footprint', 'aluminium-smelter.yaml', '--format', 'pact', '--product', 'aluminium-ingot');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const pf = JSON.parse(stdout);
    expect(pf.specVersion).toMatch(/^3\./);
    expect(pf.pcf.declaredUnitOfMeasurement).toBe('kilogram');
    expect(pf.pcf.ipccCharacterizationFactors).toEqual(['AR6']);
  });
  it('pact for every product: a data list, and a note naming the products not measured in mass', async () => {
    const { code, stdout, stderr } = await run('footprint', 'aluminium-smelter.yaml', '--format', 'pact');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^note: PACT describes products per kg; not measured in mass, left out: electricity-captive/);
    const flows = JSON.parse(stdout).data.map((pf: { productNameCompany: string }) => pf.productNameCompany);
    expect(flows).toContain('aluminium-ingot');
    expect(flows).not.toContain('electricity-captive');
  });
  it('pact without --product is a data list even for a model of one product (the shape follows the request)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-pact-'));
    writeFileSync(join(dir, 'meta.yaml'), 'companyName: Example Zinc Co.\ncompanyIds: ["urn:example:company:zinc"]\n');
    writeFileSync(
      join(dir, 'one.yaml'),
      'smeltprint: 1\nid: one-product\nperiod: { start: "2024-01-01", end: "2024-12-31" }\ngwp: AR6\nprocesses:\n' +
        '  - id: electrowinning\n    outputs: [{ flow: zinc-ingot, amount: "100", unit: t }]\n    emissions: [{ gas: CO2, amount: "50", unit: t, category: process }]\n',
    );
    const { code, stdout } = await runCapturing(['footprint', 'one.yaml', '--format', 'pact', '--pact-meta', 'meta.yaml'], dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).data.map((pf: { productNameCompany: string }) => pf.productNameCompany)).toEqual(['zinc-ingot']);
    const one = await runCapturing(['footprint', 'one.yaml', '--format', 'pact', '--pact-meta', 'meta.yaml', '--product', 'zinc-ingot'], dir);
    expect(JSON.parse(one.stdout).productNameCompany).toBe('zinc-ingot');
  });
  it('pact 2.3 on request', async () => {
    const { code, stdout, stderr } = await run('footprint', 'aluminium-smelter.yaml', '--format', 'pact', '--pact-version', '2.3', '--product', 'aluminium-ingot');
    // v2.3 needs a CPC code that the model cannot know: without --pact-meta it is a clear error
    expect(code === 0 || /productCategoryCpc|cpc/i.test(stderr)).toBe(true);
    if (code === 0) expect(JSON.parse(stdout).specVersion).toMatch(/^2\./);
  });
  it('audit: digests that change when the document changes', async () => {
    const { code, stdout } = await run('footprint', 'aluminium-smelter.yaml', '--format', 'audit', '--product', 'aluminium-ingot');
    expect(code).toBe(0);
    const audit = JSON.parse(stdout);
    expect(audit.digests.document).toMatch(/^[0-9a-f]{64}$/);
    expect(audit.digests.result).toMatch(/^[0-9a-f]{64}$/);
    const again = JSON.parse((await run('footprint', 'aluminium-smelter.yaml', '--format', 'audit', '--product', 'aluminium-ingot')).stdout);
    expect(again.digests).toEqual(audit.digests);
  });
  it('cbam: JSON, CSV and an xlsx workbook written with -o', async () => {
    const json = await run('footprint', 'aluminium-smelter.yaml', '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'aluminium-ingot=7601');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).goods[0].cn).toBe('7601');
    const csv = await run('footprint', 'aluminium-smelter.yaml', '--format', 'cbam', '--cbam-period', 'transitional-2023/1773', '--good', 'aluminium-ingot=7601', '--cbam-output', 'csv');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('\r\n');
    const dir = mkdtempSync(join(tmpdir(), 'smeltprint-cbam-'));
    const file = join(dir, 'cbam.xlsx');
    const xlsx = await run('footprint', 'aluminium-smelter.yaml', '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'aluminium-ingot=7601', '--cbam-output', 'xlsx', '-o', file);
    expect(xlsx.code).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(file)))).toContain('xl/workbook.xml');
  });
  it('cbam without a period or a good is a usage error', async () => {
    expect((await run('footprint', 'aluminium-smelter.yaml', '--format', 'cbam', '--good', 'aluminium-ingot=7601')).code).toBe(2);
    expect((await run('footprint', 'aluminium-smelter.yaml', '--format', 'cbam', '--cbam-period', 'definitive-2025/2547')).code).toBe(2);
    expect((await run('footprint', 'aluminium-smelter.yaml', '--format', 'cbam', '--cbam-period', 'definitive-2025/2547', '--good', 'aluminium-ingot=7601', '--cbam-output', 'xlsx')).code).toBe(2);
  });
  it('report and html in both languages', async () => {
    const zh = await run('footprint', 'aluminium-smelter.yaml', '--format', 'report', '--product', 'aluminium-ingot');
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('碳足迹');
    const html = await run('footprint', 'aluminium-smelter.yaml', '--format', 'html', '--lang', 'en', '--product', 'aluminium-ingot');
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/<svg[\s\S]*<\/svg>/);
  });
  it('check: the smelter passes GB/T 44905; a smelter without PFCs fails with exit 1', async () => {
    const ok = await run('check', 'aluminium-smelter.yaml', '--rulebook', 'gb-t-44905-aluminium');
    expect(ok.stdout).toMatch(/0 errors/);
    expect(ok.code).toBe(0);
    expect((await run('check', 'aluminium-smelter.yaml', '--rulebook', 'no-such-rulebook')).code).toBe(2);
  });
  it('scope 2 side by side', async () => {
    const { code, stdout } = await run('footprint', 'aluminium-smelter.yaml', '--product', 'aluminium-ingot', '--scope2', 'both', '--format', 'json');
    expect(code).toBe(0);
    const both = JSON.parse(stdout);
    expect(both.location.scope2).toBe('location');
    expect(both.market.scope2).toBe('market');
  });
  it('check --mass-balance lists each process and warns over the tolerance', async () => {
    // casthouse: 400000 t metal + 6000 t own scrap in; 397600 t ingot + 6000 t scrap + 2400 t dross out
    const tight = await run('check', 'aluminium-smelter.yaml', '--mass-balance', '10 %');
    expect(tight.code).toBe(0);
    expect(tight.stdout).toMatch(/casthouse: in 406000 t, out 406000 t, difference 0 t \(0 %\)/);
    // the potline loses most input mass as CO2: 947200 t in, 400000 t out → 57.77 %
    expect(tight.stdout).toMatch(/mass_imbalance/);
    expect((await run('check', 'aluminium-smelter.yaml', '--mass-balance', 'lots')).code).toBe(2);
  });
});
