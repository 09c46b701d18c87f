import { describe, expect, it } from 'vitest';
import { UnknownMetalError, UnknownProductError } from '../../src/core/errors.js';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { Decimal, sum } from '../../src/decimal/decimal.js';
import { demoModelDocument } from '../../src/demo/index.js';
import { inferMetal, keyProductReport, metalOfFlow, type KeyProductReport } from '../../src/report/keyproduct/index.js';
import { isRawMaterialOrEnergy } from '../../src/report/keyproduct/inferMetal.js';
import { D, doc, proc } from '../helpers.js';

// Demo model (src/demo/index.ts), per 1 t of ingot. Every process runs once per 99000 t of ingot:
// casthouse makes 99000 t from 100000 t liquid, electrolysis 100000 t from 193000 t alumina and
// 42000 t anode, which are exactly the refinery's and anode plant's outputs. So each figure is
// (tonnes CO2e of the whole chain) / 99000, with grid 0.5366 t CO2/MWh and AR5 GWPs
// (CF4 6630, C2F6 11100: IPCC AR5 WG1 Table 8.A.1, formats.md §5.1):
//   refinery   135000 + 55000 × 0.5366 = 135000 + 29513 = 164513
//   anode plant 9500
//   electrolysis 150000 + 3.4 × 6630 + 0.34 × 11100 + 1350000 × 0.5366 = 150000 + 22542 + 3774 + 724410 = 900726
//   casthouse  4800
const PER = new Decimal(99000);
const at20 = (d: Decimal) => d.toFixed(20);
const demo = computeFootprints(demoModelDocument());

describe('key-product report of the demo aluminium chain', () => {
  const zh = keyProductReport(demo, { lang: 'zh' });
  const en = keyProductReport(demo, { lang: 'en' });

  it('reports the final product, 1 t of aluminium ingot, with the GB/T 24067 and 44905 standards', () => {
    for (const report of [zh, en]) {
      expect(report.product).toMatchObject({ flow: 'aluminium-ingot', process: 'casthouse' });
      expect(report.metal).toBe('aluminium');
      expect(report.declaredUnit).toMatchObject({ text: '1 t', conforms: true });
      expect(report.standards.map((s) => s.id)).toEqual(['GB/T 24067-2024', 'GB/T 44905-2024', 'ISO 14067:2018']);
      expect(report.boundary.type).toBe('cradle-to-gate');
      expect(report.total.eq(demo.products.find((p) => p.flow === 'aluminium-ingot')!.total)).toBe(true);
    }
    expect(zh.title).toBe('重熔用铝锭产品碳足迹报告');
    expect(zh.declaredUnit.description).toBe('重熔用铝锭');
    expect(en.title).toBe('Product carbon footprint report: aluminium ingot for remelting');
  });

  it('splits the footprint into raw material acquisition (refinery, anode plant) and production', () => {
    expect(zh.boundary.processes.map((p) => [p.id, p.stage, p.assignedBy])).toEqual([
      ['alumina-refinery', 'raw-material-acquisition', 'default'],
      ['anode-plant', 'raw-material-acquisition', 'default'],
      ['electrolysis', 'production', 'default'],
      ['casthouse', 'production', 'default'],
    ]);
    const [raw, production] = zh.byStage;
    expect(raw!.label).toBe('原材料获取阶段');
    expect(production!.label).toBe('生产阶段');
    expect(en.byStage.map((r) => r.label)).toEqual(['Raw material acquisition', 'Production']);
    // (164513 + 9500) / 99000 = 174013 / 99000; (900726 + 4800) / 99000 = 905526 / 99000
    expect(at20(raw!.value)).toBe(at20(D('174013').div(PER)));
    expect(at20(production!.value)).toBe(at20(D('905526').div(PER)));
    // Stages are sums of the engine's own cells: they add up to the total exactly.
    expect(sum(zh.byStage.map((r) => r.value)).eq(zh.total)).toBe(true);
  });

  it('gives the same stage totals as the per-process breakdown', () => {
    const byProcess = Object.fromEntries((zh.byProcess ?? []).map((r) => [r.key, r.value]));
    expect(zh.byStage[0]!.value.eq(sum([byProcess['alumina-refinery']!, byProcess['anode-plant']!]))).toBe(true);
    expect(zh.byStage[1]!.value.eq(sum([byProcess.electrolysis!, byProcess.casthouse!]))).toBe(true);
  });

  it('lists emission sources by category with Chinese terms, largest first', () => {
    expect(zh.bySource.map((r) => r.key)).toEqual(['electricity', 'anode', 'fuel-combustion', 'pfc', 'process']);
    expect(zh.bySource.map((r) => r.label)).toEqual(['净购入电力', '阳极消耗', '化石燃料燃烧', '阳极效应（全氟化碳）', '工业生产过程']);
    // electricity: (29513 + 724410) / 99000 = 753923 / 99000
    expect(at20(zh.bySource[0]!.value)).toBe(at20(D('753923').div(PER)));
    expect(sum(zh.bySource.map((r) => r.value)).eq(zh.total)).toBe(true);
  });

  it('states the GWP100 values of the run for each gas present (AR5 by default, AR6 when asked)', () => {
    const values = (report: KeyProductReport) => Object.fromEntries(report.gwp.rows.map((r) => [r.gas, r.value?.toFixed()]));
    expect(zh.gwp.set).toBe('AR5');
    // IPCC AR5 WG1 Table 8.A.1 (formats.md §5.1)
    expect(values(zh)).toEqual({ CO2: '1', CF4: '6630', C2F6: '11100' });
    expect(zh.gwp.source).toContain('Table 8.A.1');
    const ar6 = keyProductReport(computeFootprints(demoModelDocument(), { gwp: 'AR6' }), { lang: 'en' });
    // IPCC AR6 WG1 Table 7.SM.7 (formats.md §5.1)
    expect(values(ar6)).toEqual({ CO2: '1', CF4: '7380', C2F6: '12400' });
    expect(zh.gwp.rows.find((r) => r.gas === 'CF4')!.label).toBe('四氟化碳（CF4）');
  });

  it('classifies declared emissions as primary and factor-priced inputs as secondary data', () => {
    const dq = zh.dataQuality;
    expect(dq.items).toHaveLength(8);
    expect(dq.items.filter((d) => d.quality === 'secondary').map((d) => [d.process, d.path])).toEqual([
      ['alumina-refinery', 'processes[0].inputs[0]'],
      ['electrolysis', 'processes[2].inputs[2]'],
    ]);
    const electricity = dq.items.find((d) => d.path === 'processes[2].inputs[2]')!;
    expect(electricity.factors).toEqual([
      expect.objectContaining({ id: 'demo/grid-electricity', value: '0.5366', unit: 't CO2/MWh', confidence: 'declared', unverified: false }),
    ]);
    // primary (135000 + 9500 + 150000 + 22542 + 3774 + 4800) / 99000 = 325616 / 99000
    // secondary (29513 + 724410) / 99000 = 753923 / 99000
    expect(at20(dq.primary)).toBe(at20(D('325616').div(PER)));
    expect(at20(dq.secondary)).toBe(at20(D('753923').div(PER)));
    // share 325616 / (325616 + 753923) = 325616 / 1079539
    expect(dq.primaryShare!.toFixed(10)).toBe(D('325616').div('1079539').toFixed(10));
    expect(dq.unverifiedFactors).toEqual([]);
  });

  it('finds nothing cut off and no allocation in the demo chain', () => {
    expect(zh.cutOff.items).toEqual([]);
    expect(zh.cutOff.perStepLimit.toFixed()).toBe('0.01');
    expect(zh.cutOff.totalLimit.toFixed()).toBe('0.05');
    expect(zh.cutOff.findings).toEqual(['产品链中没有不带负荷进入的输入：未舍去任何内容。']);
    expect(zh.allocation.productShare.toFixed()).toBe('1');
    expect(zh.allocation.statements).toEqual([]);
  });

  it('builds Sankey flows: sources → processes → product, conserving the total', () => {
    const { nodes, links } = zh.sankey;
    expect(nodes.filter((n) => n.kind === 'source')).toHaveLength(5);
    expect(nodes.filter((n) => n.kind === 'process').map((n) => n.label)).toEqual(['alumina-refinery', 'anode-plant', 'electrolysis', 'casthouse']);
    const into = (id: string) => sum(links.filter((l) => l.target === id).map((l) => l.value));
    const outOf = (id: string) => sum(links.filter((l) => l.source === id).map((l) => l.value));
    expect(into('product').eq(zh.total)).toBe(true);
    // Electrolysis passes on what it receives: 900726 own + 164513 + 9500 upstream, per 99000 t.
    const electrolysis = nodes.find((n) => n.label === 'electrolysis')!.id;
    expect(at20(into(electrolysis))).toBe(at20(D('1074739').div(PER)));
    expect(at20(outOf(electrolysis))).toBe(at20(into(electrolysis)));
    expect(zh.credits).toEqual([]);
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(zh)).toBe(true);
    expect(Object.isFrozen(zh.byStage)).toBe(true);
    expect(Object.isFrozen(zh.byStage[0])).toBe(true);
  });

  it('follows the stages option and says so', () => {
    const report = keyProductReport(demo, { lang: 'en', stages: { 'alumina-refinery': 'production' } });
    expect(report.boundary.processes.find((p) => p.id === 'alumina-refinery')).toMatchObject({ stage: 'production', assignedBy: 'option' });
    // raw material acquisition is only the anode plant now: 9500 / 99000
    expect(at20(report.byStage[0]!.value)).toBe(at20(D('9500').div(PER)));
  });

  it('reports any product asked for, and flags a declared unit other than 1 t', () => {
    const liquid = keyProductReport(demo, { lang: 'zh', product: 'aluminium-liquid' });
    expect(liquid.declaredUnit.description).toBe('原铝液');
    const perKg = keyProductReport(computeFootprints(demoModelDocument(), { per: '1 kg' }), { lang: 'en' });
    expect(perKg.declaredUnit).toMatchObject({ text: '1 kg', conforms: false });
    expect(perKg.notes.some((n) => n.includes('1 t'))).toBe(true);
  });
});

describe('cut-off check', () => {
  // The demo casthouse with scrap entering burden-free (recycled, cut-off approach).
  const withScrap = (tonnes: string, lang: 'zh' | 'en' = 'en') => {
    const document = demoModelDocument() as { processes: { id: string; inputs?: unknown[] }[] };
    const processes = document.processes.map((p) =>
      p.id === 'casthouse' ? { ...p, inputs: [...(p.inputs ?? []), { flow: 'aluminium-scrap', amount: tonnes, unit: 't', recycled: 'pre-consumer' }] } : p,
    );
    return keyProductReport(computeFootprints({ ...document, processes }), { lang });
  };

  it('flags a free input above 1 % of its process mass inputs', () => {
    // 5000 / (100000 + 5000) = 4.76 % > 1 %
    const report = withScrap('5000');
    expect(report.cutOff.items).toHaveLength(1);
    const item = report.cutOff.items[0]!;
    expect(item).toMatchObject({ process: 'casthouse', flow: 'aluminium-scrap', flagged: true });
    expect(item.share!.eq(D('5000').div('105000'))).toBe(true);
    expect(report.cutOff.findings.some((f) => f.includes('aluminium-scrap') && f.includes('4.76 %'))).toBe(true);
    // In total, every process runs once per 99000 t of ingot. Mass enters the chain as the
    // refinery's alumina 193000 and the anode plant's anodes 42000 (neither lists a mass input of
    // its own) and as the scrap 5000; the liquid metal between electrolysis and casthouse is not
    // counted again: 5000 / 240000 = 2.08 % ≤ 5 %.
    expect(at20(report.cutOff.totalShare!)).toBe(at20(D('5000').div('240000')));
    expect(report.cutOff.totalFlagged).toBe(false);
    expect(item.reason).toBe('recycled input under the cut-off approach: enters burden-free');
    expect(withScrap('5000', 'zh').cutOff.items[0]!.reason).toBe('按截断法（cut-off）计的回收料输入：不带负荷进入');
  });

  it('says where the boundary of recycled input starts (the battery report claimed it began at raw material extraction)', () => {
    expect(withScrap('500').boundary.description).toContain('For recycled input (cut-off approach) the boundary starts at its collection and preparation');
    expect(withScrap('500', 'zh').boundary.description).toContain('回收料（截断法）的边界始于其收集和预处理');
    expect(keyProductReport(demo, { lang: 'en' }).boundary.description).not.toContain('recycled');
  });

  it('does not flag a free input below 1 %', () => {
    // 500 / 100500 = 0.50 %
    const report = withScrap('500');
    expect(report.cutOff.items[0]!.flagged).toBe(false);
    expect(report.cutOff.findings).toEqual(['All inputs without burden are within the cut-off limits.']);
  });

  it('flags the total above 5 %', () => {
    // step 20000 / 120000 = 16.67 %; total 20000 / (193000 + 42000 + 20000) = 7.84 % > 5 %
    const report = withScrap('20000');
    expect(at20(report.cutOff.totalShare!)).toBe(at20(D('20000').div('255000')));
    expect(report.cutOff.totalFlagged).toBe(true);
    expect(report.cutOff.findings.some((f) => f.includes('7.84 %'))).toBe(true);
  });

  it('the total counts the mass a by-product brings, whatever its economic share', () => {
    // A smelter makes 10 t bullion (15000 CNY/t) and 90 t fume (100 CNY/t) from 100 t concentrate:
    // the fume carries 9000 / 159000 = 5.7 % of the burden but all of its mass. The fuming plant
    // takes the 90 t (one smelter run) and 0.5 t burden-free scrap: mass entering the chain is
    // 100 t concentrate + 0.5 t scrap, so the total is 0.5 / 100.5 = 0.50 % (by burden share it
    // came out 8.1 %, "above the 5 % limit").
    const model = doc(
      [
        {
          id: 'smelter',
          outputs: [{ flow: 'lead-bullion', amount: '10', unit: 't', price: '15000 CNY/t' }, { flow: 'zinc-fume', amount: '90', unit: 't', price: '100 CNY/t' }],
          allocation: 'economic',
          inputs: [{ flow: 'concentrate', amount: '100', unit: 't', factor: 'test/concentrate' }],
        },
        proc('fuming', ['zinc-ingot', '85'], '10', [
          { flow: 'zinc-fume', amount: '90', unit: 't', from: 'smelter' },
          { flow: 'zinc-scrap', amount: '0.5', unit: 't', recycled: 'post-consumer' },
        ]),
      ],
      { factors: [{ id: 'test/concentrate', value: '0.3', unit: 't CO2/t', source: { title: 'Illustrative concentrate factor for a test' } }] },
    );
    const report = keyProductReport(computeFootprints(model), { lang: 'en', product: 'zinc-ingot' });
    expect(at20(report.cutOff.totalShare!)).toBe(at20(D('0.5').div('100.5')));
    expect(report.cutOff.totalFlagged).toBe(false);
  });

  it('the total does not depend on how finely the chain is split into processes', () => {
    // The casthouse split in two (holding furnace, then casting) passes 100000 t of liquid metal
    // once more between them: the total share stays 20000 / 255000.
    const document = demoModelDocument() as { processes: { id: string; inputs?: unknown[]; outputs?: unknown[]; emissions?: unknown[] }[] };
    const processes = document.processes.flatMap((p) =>
      p.id !== 'casthouse'
        ? [p]
        : [
            { id: 'holding', outputs: [{ flow: 'held-liquid', amount: '100000', unit: 't' }], inputs: [{ flow: 'aluminium-liquid', amount: '100000', unit: 't', from: 'electrolysis' }], emissions: [] },
            { ...p, inputs: [{ flow: 'held-liquid', amount: '100000', unit: 't', from: 'holding' }, { flow: 'aluminium-scrap', amount: '20000', unit: 't', recycled: 'pre-consumer' }] },
          ],
    );
    const split = keyProductReport(computeFootprints({ ...document, processes }), { lang: 'en' });
    expect(at20(split.cutOff.totalShare!)).toBe(at20(D('20000').div('255000')));
  });
});

describe('copper, lead and zinc products', () => {
  // Smelter: 4000 t concentrate × 0.5 t CO2/t + 800 t CO2 = 2800 t, split by mass between
  // 1000 t blister and 3000 t sulfuric acid: blister carries 1000/4000 = 0.25 → 700 t.
  // Refinery: (99 + 700) / 990 t cathode = 799 / 990 t CO2 per t.
  //   raw material acquisition: concentrate 2000 × 0.25 / 990 = 500 / 990
  //   production: (800 × 0.25 + 99) / 990 = 299 / 990
  const copperDocument = doc(
    [
      {
        id: 'smelter',
        outputs: [
          { flow: 'blister-copper', amount: '1000', unit: 't' },
          { flow: 'sulfuric-acid', amount: '3000', unit: 't' },
        ],
        allocation: { method: 'mass' },
        inputs: [{ flow: 'copper-concentrate', amount: '4000', unit: 't', factor: 'test/concentrate' }],
        emissions: [{ gas: 'CO2', amount: '800', unit: 't', category: 'fuel-combustion' }],
      },
      {
        id: 'refinery',
        outputs: [{ flow: 'copper-cathode', amount: '990', unit: 't' }],
        inputs: [{ flow: 'blister-copper', amount: '1000', unit: 't', from: 'smelter' }],
        emissions: [{ gas: 'CO2', amount: '99', unit: 't', category: 'fuel-combustion' }],
      },
    ],
    {
      factors: [
        { id: 'test/concentrate', value: '0.5', unit: 't CO2/t', confidence: 'R', source: { title: 'Illustrative concentrate factor for a test' } },
      ],
    },
  );
  const copper = keyProductReport(computeFootprints(copperDocument), { lang: 'zh' });

  it('infers copper, picks the cathode as the final product and cites GB/T 32151.42', () => {
    expect(copper.metal).toBe('copper');
    expect(copper.product.flow).toBe('copper-cathode');
    expect(copper.declaredUnit.description).toBe('阴极铜');
    expect(copper.standards.map((s) => s.id)).toEqual(['GB/T 24067-2024', 'GB/T 32151.42-2024', 'ISO 14067:2018']);
    expect(copper.notes).toContain('该金属尚无已知的国家产品碳足迹标准：参照 GB/T 44905-2024 的结构编制');
    expect(at20(copper.total)).toBe(at20(D('799').div('990')));
  });

  it('puts purchased concentrate in raw material acquisition and the metal chain in production', () => {
    expect(at20(copper.byStage[0]!.value)).toBe(at20(D('500').div('990')));
    expect(at20(copper.byStage[1]!.value)).toBe(at20(D('299').div('990')));
    expect(copper.boundary.processes.map((p) => [p.id, p.stage])).toEqual([
      ['smelter', 'production'],
      ['refinery', 'production'],
    ]);
  });

  it('states the mass allocation at the smelter with its justification', () => {
    expect(copper.allocation.statements).toEqual([
      expect.objectContaining({ process: 'smelter', method: 'mass', shares: { 'blister-copper': '0.25', 'sulfuric-acid': '0.75' } }),
    ]);
    expect(copper.allocation.statements[0]!.justification).toContain('ISO 14044:2006 4.3.4.2');
  });

  it('flags factors with an unverified confidence tag', () => {
    expect(copper.dataQuality.unverifiedFactors).toEqual([expect.objectContaining({ id: 'test/concentrate', confidence: 'R', unverified: true })]);
    expect(copper.notes.some((n) => n.includes('V-3p 或 R'))).toBe(true);
  });

  it('reports zinc and lead products the same way', () => {
    const zinc = keyProductReport(computeFootprints(doc([proc('electrowinning', ['zinc-ingot', '100'], '350')])), { lang: 'en' });
    expect(zinc).toMatchObject({ metal: 'zinc', declaredUnit: { description: 'zinc ingot' } });
    expect(zinc.standards.map((s) => s.id)).toContain('GB/T 32151.44-2024');
    const lead = keyProductReport(computeFootprints(doc([proc('refining', ['lead-ingot', '10'], '5')])), { lang: 'zh' });
    expect(lead).toMatchObject({ metal: 'lead', title: '铅锭产品碳足迹报告' });
    expect(lead.standards.map((s) => s.id)).toContain('GB/T 32151.43-2024');
    // 5 t CO2 / 10 t = 0.5 t CO2 per t, all production
    expect(lead.byStage.map((r) => r.value.toFixed())).toEqual(['0', '0.5']);
  });

  it('takes the metal as an option and refuses to guess when it cannot tell', () => {
    const widgets = computeFootprints(doc([proc('press', ['widget', '1'], '1')]));
    expect(() => keyProductReport(widgets)).toThrow(UnknownMetalError);
    expect(keyProductReport(widgets, { metal: 'zinc' }).metal).toBe('zinc');
  });

  it('asks for a product when several final products could be meant', () => {
    const two = computeFootprints(doc([proc('a', ['zinc-ingot', '1'], '1'), proc('b', ['lead-ingot', '1'], '1')]));
    expect(() => keyProductReport(two)).toThrow(UnknownProductError);
    expect(keyProductReport(two, { product: 'lead-ingot' }).metal).toBe('lead');
  });

  it('refuses a product the model does not make as UnknownProductError, naming the products (it was an internal error)', () => {
    const two = computeFootprints(doc([proc('a', ['zinc-ingot', '1'], '1'), proc('b', ['lead-ingot', '1'], '1')]));
    expect(() => keyProductReport(two, { product: 'nope', metal: 'zinc' })).toThrow(
      expect.objectContaining({ code: 'unknown_product', message: expect.stringContaining('products: lead-ingot, zinc-ingot') }),
    );
  });

  it('refuses a language it has no messages for (a JavaScript caller\'s "fr" got English)', () => {
    for (const lang of ['fr', 'zh-CN', 'EN']) {
      expect(() => keyProductReport(demo, { lang: lang as 'en' })).toThrow(expect.objectContaining({ code: 'unsupported_language', message: expect.stringContaining(`"${lang}"`) }));
    }
  });
});

describe('life-cycle stages by default', () => {
  // A lead smelter whose intermediates name no metal: bullion made on site from bought
  // concentrate (a materials factor: raw material acquisition), a refinery, a captive oxygen plant
  // (energy/utility: raw material acquisition) and the on-site treatment of the refinery's dross.
  // Per 100 t of refined lead (each process runs once):
  //   concentrate 150 t × 0.4 t CO2/t = 60 (materials: raw material acquisition)
  //   oxygen plant 5 (raw material acquisition)
  //   smelting 30, refining 8, dross treatment 2 (production)
  // → raw material acquisition 65 / 100 = 0.65, production 40 / 100 = 0.4.
  const model = doc(
    [
      proc('oxygen-plant', ['oxygen', '20'], '5'),
      proc('smelting', ['sks-bullion', '102'], '30', [
        { flow: 'lead-concentrate', amount: '150', unit: 't', factor: 'concentrate' },
        { flow: 'oxygen', amount: '20', unit: 't', from: 'oxygen-plant' },
      ]),
      {
        ...proc('refining', ['refined-lead', '100'], '8', [{ flow: 'sks-bullion', amount: '102', unit: 't', from: 'smelting' }]),
        outputs: [{ flow: 'refined-lead', amount: '100', unit: 't' }, { flow: 'dross', amount: '2', unit: 't', waste: true, to: 'dross-treatment' }],
      },
      proc('dross-treatment', ['treated-dross', '2'], '2'),
    ],
    { factors: [{ id: 'concentrate', value: '0.4', unit: 't CO2/t', category: 'materials', source: { title: 'Illustrative concentrate factor for a test' } }] },
  );
  const report = keyProductReport(computeFootprints(model), { lang: 'en', product: 'refined-lead' });

  it('puts the metal\'s line on site in production even when its flows name no metal (sks-bullion)', () => {
    expect(Object.fromEntries(report.boundary.processes.map((p) => [p.id, p.stage]))).toEqual({
      'oxygen-plant': 'raw-material-acquisition',
      smelting: 'production',
      refining: 'production',
      'dross-treatment': 'production',
    });
    // Equal to 20 places: 102 t of bullion per 102 t used is a quotient rounded at 34 digits on the way.
    expect(report.byStage.map((row) => at20(row.value))).toEqual([at20(D('0.65')), at20(D('0.4'))]);
  });

  it('a generic product title reads once in Chinese (锌产品碳足迹报告, not 锌产品产品碳足迹报告)', () => {
    const zinc = computeFootprints(doc([proc('kiln', ['waelz-oxide', '1'], '1')]));
    expect(keyProductReport(zinc, { metal: 'zinc' }).title).toBe('锌产品碳足迹报告');
  });

  it('refuses stages for processes the model lacks, unknown stages and unknown metals (a misspelt id was ignored)', () => {
    const result = computeFootprints(model);
    const refuse = (options: object, text: string) =>
      expect(() => keyProductReport(result, { product: 'refined-lead', ...options })).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining(text) }));
    refuse({ stages: { refinin: 'production' } }, 'stages names process "refinin"');
    refuse({ stages: { refining: 'prod' } }, 'the stage "prod"');
    refuse({ stages: JSON.parse('{"constructor": "production"}') }, 'stages names process "constructor"');
    refuse({ metal: 'gold' }, 'not "gold"');
  });
});

describe('metal inference from flow names', () => {
  it('tells raw materials and energy from the metal on its way (the default stage rule)', () => {
    const raw = [
      ...['baked-anode', 'alumina', 'lead-concentrate', 'zinc-ore', 'aluminium-fluoride', 'electricity-captive', 'steam', 'oxygen', 'quicklime', '氧化铝', '铜精矿'],
      ...['silica-flux', 'quartz-flux', 'cryolite', 'compressed-air', 'nitrogen', 'hydrogen', 'diesel', 'sulfuric-acid', 'fuel-oil', '电', '熔剂'],
    ];
    const line = ['anode-copper', 'sks-bullion', 'zinc-calcine', 'purified-solution', 'prepared-scrap', 'aluminium-liquid', '粗铅'];
    for (const flow of raw) expect([flow, isRawMaterialOrEnergy(flow)]).toEqual([flow, true]);
    for (const flow of line) expect([flow, isRawMaterialOrEnergy(flow)]).toEqual([flow, false]);
  });
  it('recognizes English, symbols and Chinese, and keeps alumina apart from aluminium', () => {
    expect(metalOfFlow('aluminium-ingot')).toBe('aluminium');
    expect(metalOfFlow('aluminum-sow')).toBe('aluminium');
    expect(metalOfFlow('alumina')).toBeUndefined();
    expect(metalOfFlow('氧化铝')).toBeUndefined();
    expect(metalOfFlow('原铝液')).toBe('aluminium');
    expect(metalOfFlow('anode-copper')).toBe('copper');
    expect(metalOfFlow('lead-bullion')).toBe('lead');
    expect(metalOfFlow('leaded-fuel')).toBeUndefined();
    expect(metalOfFlow('zn-calcine')).toBe('zinc');
    expect(metalOfFlow('锌锭')).toBe('zinc');
    expect(inferMetal('cathode', ['copper-matte', 'blister-copper', 'sulfuric-acid'])).toBe('copper');
  });
});

describe('loops and credits', () => {
  // Roaster: 10 t calcine, 1 t CO2, 1 t acid; acid plant: 20 t acid, 2 t CO2, 2 t calcine;
  // electrowinning: 5 t zinc, 3 t CO2, 8 t calcine. Footprints c (calcine) and s (acid):
  //   c = (1 + s) / 10, s = (2 + 2c) / 20  →  c = s = 1/9;  zinc = (3 + 8/9) / 5 = 7/9.
  // Demand per t zinc: calcine x = 8/5 + (2/20)·a, acid a = (1/10)·x  →  x = 1.6 / 0.99, a = x / 10.
  const looped = computeFootprints(doc([
    proc('roaster', ['zinc-calcine', '10'], '1', [{ flow: 'sulfuric-acid', amount: '1', unit: 't', from: 'acid-plant' }]),
    proc('acid-plant', ['sulfuric-acid', '20'], '2', [{ flow: 'zinc-calcine', amount: '2', unit: 't', from: 'roaster' }]),
    proc('electrowinning', ['zinc-ingot', '5'], '3', [{ flow: 'zinc-calcine', amount: '8', unit: 't', from: 'roaster' }]),
  ]));
  const report = keyProductReport(looped, { lang: 'en', product: 'zinc-ingot' });
  const id = (label: string) => report.sankey.nodes.find((n) => n.label === label)!.id;
  const flow = (from: string, to: string) => report.sankey.links.find((l) => l.source === id(from) && l.target === id(to))!.value;

  it('solves the demand of a loop exactly', () => {
    expect(at20(report.total)).toBe(at20(D(7).div(9)));
    // roaster → electrowinning: 8/5 t calcine × 1/9
    expect(at20(flow('roaster', 'electrowinning'))).toBe(at20(D('1.6').div(9)));
    // acid plant → roaster: a = x/10 t acid drawn per t zinc, each carrying 1/9
    const acid = D('1.6').div('0.99').div(10);
    expect(at20(flow('acid-plant', 'roaster'))).toBe(at20(acid.div(9)));
  });

  it('conserves flows at every process of the loop', () => {
    for (const node of report.sankey.nodes.filter((n) => n.kind === 'process')) {
      const into = sum(report.sankey.links.filter((l) => l.target === node.id).map((l) => l.value));
      const out = sum(report.sankey.links.filter((l) => l.source === node.id).map((l) => l.value));
      expect(at20(into)).toBe(at20(out));
    }
  });

  it('lists a substitution credit apart and justifies system expansion', () => {
    // 10 t CO2 − 5 t steam × 0.2 t CO2/t avoided = 9 t over 10 t zinc: 0.9 t CO2 per t
    const credited = keyProductReport(
      computeFootprints(doc(
        [{
          id: 'electrowinning',
          outputs: [
            { flow: 'zinc-ingot', amount: '10', unit: 't' },
            { flow: 'steam', amount: '5', unit: 't', substitutes: 'test/steam' },
          ],
          emissions: [{ gas: 'CO2', amount: '10', unit: 't', category: 'process' }],
        }],
        { factors: [{ id: 'test/steam', value: '0.2', unit: 't CO2/t', category: 'heat', source: { title: 'Illustrative steam factor for a test' } }] },
      )),
      { lang: 'en' },
    );
    expect(credited.total.toFixed()).toBe('0.9');
    expect(credited.credits).toEqual([{ source: 'Net purchased heat', target: 'electrowinning', value: D('-0.1') }]);
    expect(credited.allocation.statements).toEqual([expect.objectContaining({ process: 'electrowinning', method: 'system-expansion' })]);
    expect(credited.notes.some((n) => n.startsWith('Credits from avoided production'))).toBe(true);
  });
});
