import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../../src/io/parseModelText.js';
import { cbamEmbeddedEmissions } from '../../../src/report/cbam/index.js';
import { computeFootprints } from '../../../src/compute/computeFootprints.js';

const smelter = parseModelText(readFileSync(join(import.meta.dirname, '..', '..', '..', 'examples', 'aluminium-smelter.yaml'), 'utf8'), 'yaml');
const goods = [{ flow: 'aluminium-ingot', cn: '7601 10 00' }];
const see = (installation: string[], period: 'transitional-2023/1773' | 'definitive-2025/2547') =>
  cbamEmbeddedEmissions(smelter, { period, goods, installation }).goods[0]!;

describe('CBAM: electricity from a power plant of the model', () => {
  // AttrEm_Indir = Em_el,cons; the generation is not a direct emission of the goods (formats.md §3.6).
  it('is indirect, at the plant’s own emission factor, whether or not the plant is inside the installation', () => {
    const withPlant = see(['anode-plant', 'electrolysis', 'casthouse', 'captive-power'], 'transitional-2023/1773');
    const withoutPlant = see(['anode-plant', 'electrolysis', 'casthouse'], 'transitional-2023/1773');
    expect(withPlant.see.direct.toFixed()).toBe(withoutPlant.see.direct.toFixed());
    expect(withPlant.see.indirect?.toFixed()).toBe(withoutPlant.see.indirect?.toFixed());
    // the potline's 13.5 MWh/t is about three quarters captive power at ~0.84 t CO2/MWh: indirect
    // SEE must be well above the grid-only figure (3.57 MWh × 0.6361 ≈ 2.27 t/t)
    expect(Number(withPlant.see.indirect?.toFixed())).toBeGreaterThan(9);
    expect(Number(withPlant.see.direct.toFixed())).toBeLessThan(2.5);
  });
  it('stays out of direct emissions in the definitive period', () => {
    const definitive = see(['anode-plant', 'electrolysis', 'casthouse', 'captive-power'], 'definitive-2025/2547');
    expect(Number(definitive.see.total.toFixed())).toBeLessThan(2.5);
  });
  it('says so when no installation is given and the model refines alumina', () => {
    const report = cbamEmbeddedEmissions(smelter, { period: 'definitive-2025/2547', goods });
    expect(report.notes.join(' ')).toMatch(/alumina refining \(alumina-refinery\)/);
  });
});

describe('CBAM: a good made upstream of a casthouse that remelts its own scrap', () => {
  // The casthouse's outputs that carry burden are the ingot (not reported here) and the scrap it
  // takes back itself; it makes no reported good, so its shares stay the model's. Giving the
  // scrap its whole burden made a loop with no solution ("singular system").
  const installation = ['anode-plant', 'electrolysis', 'casthouse'];
  const liquid = { flow: 'aluminium-liquid', cn: '7601 10 00' };
  const ingot = { flow: 'aluminium-ingot', cn: '7601 10 00' };
  it('reports liquid aluminium alone with the SEE it has next to the ingot', () => {
    const alone = cbamEmbeddedEmissions(smelter, { period: 'definitive-2025/2547', goods: [liquid], installation }).goods[0]!;
    const both = cbamEmbeddedEmissions(smelter, { period: 'definitive-2025/2547', goods: [ingot, liquid], installation }).goods[1]!;
    expect(alone.flow).toBe('aluminium-liquid');
    expect(alone.see.direct.toFixed()).toBe(both.see.direct.toFixed());
  });
  it('names a good the model does not make before solving anything', () => {
    expect(() => cbamEmbeddedEmissions(smelter, { period: 'definitive-2025/2547', goods: [{ flow: 'aluminum-ingot', cn: '7601 10 00' }], installation })).toThrow(
      expect.objectContaining({ code: 'unknown_product', message: expect.stringContaining('good "aluminum-ingot" is not a product of the model') }),
    );
  });
});

describe('CBAM notes on the GWP basis', () => {
  it('names only factors that count for the installation, not the upstream supply chains of coal and gas', () => {
    // example-smelter/coal-supply and natural-gas-supply are AR6 CO2e factors in category
    // materials: upstream of the installation, never in its SEE.
    const report = cbamEmbeddedEmissions(smelter, { period: 'definitive-2025/2547', goods, installation: ['anode-plant', 'electrolysis', 'casthouse'] });
    expect(computeFootprints(smelter, { gwp: 'AR5' }).warnings.filter((w) => w.code === 'gwp_basis_mixed')).toHaveLength(2); // what it leaves out
    expect(report.notes.filter((note) => note.includes('CBAM requires AR5'))).toEqual([]);
  });
  it('keeps the note for a CO2e factor of another GWP set used inside the installation outside materials', () => {
    const document = structuredClone(smelter) as { factors: Record<string, unknown>[]; processes: { id: string; inputs: Record<string, unknown>[] }[] };
    document.factors.push({ id: 'test/ar6-fuel', value: '0.1', unit: 't CO2e/t', gwp: 'AR6', category: 'fuel-combustion', source: { title: 'test factor' } });
    document.processes.find((p) => p.id === 'casthouse')!.inputs.push({ flow: 'fuel-oil', amount: '10', unit: 't', factor: 'test/ar6-fuel' });
    const report = cbamEmbeddedEmissions(document, { period: 'definitive-2025/2547', goods, installation: ['anode-plant', 'electrolysis', 'casthouse'] });
    expect(report.notes.filter((note) => note.includes('CBAM requires AR5'))).toEqual([expect.stringContaining('factor "test/ar6-fuel"')]);
  });
});
