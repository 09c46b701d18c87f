import { readFileSync } from 'node:fs';
import { parseModelText } from '../../../src/io/parseModelText.js';
import { describe, expect, it } from 'vitest';
import {
  CbamBoundaryError,
  CbamGoodError,
  CbamPeriodError,
  CbamPrecursorError,
  SmeltprintError,
  UnknownProductError,
} from '../../../src/core/errors.js';
import { cbamEmbeddedEmissions } from '../../../src/report/cbam/cbamEmbeddedEmissions.js';
import { cbamToJson } from '../../../src/report/cbam/cbamToJson.js';
import type { CbamOptions, CbamPeriod } from '../../../src/report/cbam/types.js';
import { compute, product } from '../../helpers.js';
import { INSTALLATION, smelterDocument } from './smelterModel.js';

// Hand arithmetic for the model in smelterModel.ts. GWPs: AR5 without feedbacks, CF4 6630,
// C2F6 11100 — the values of Implementing Regulation (EU) 2025/2547 Annex II point G Table 6
// (formats.md §3.4).
//
// Aluminium ingot (casthouse, 1000 t), per t:
//   electrolysis (1000 t liquid, 1 t liquid per t ingot):
//     anode CO2   1500 / 1000                 = 1.5       t CO2e
//     CF4         0.1 / 1000 = 0.0001 t × 6630 = 0.663
//     C2F6        0.01 / 1000 = 0.00001 t × 11100 = 0.111
//     CH4 0.5 t   — not a CBAM gas for aluminium: excluded (0.0005 t/t reported apart)
//   anode plant:  420 t anode per 1000 t liquid × 95 / 420 t CO2 per t anode = 0.095
//   casthouse:    50 / 1000                                                  = 0.05
//   alumina refinery (1.35 t CO2/t Al) is OUTSIDE the installation: not counted.
//   direct SEE  = 1.5 + 0.663 + 0.111 + 0.095 + 0.05 = 2.419 t CO2e/t
//   electricity = 13500 / 1000 + 100 / 1000 = 13.6 MWh/t; × 0.5 t CO2/MWh = 6.8 t CO2e/t (indirect)
//
// Aluminium sheet (rolling mill, 500 t), per t:
//   own direct 25 / 500 = 0.05; electricity 250 / 500 = 0.5 MWh/t × 0.5 = 0.25
//   precursors: own ingot m = 350 / 500 = 0.7, SEE 2.419 / 6.8
//               purchased ingot m = 100 / 500 = 0.2, SEE 1.8 / 0.9 (communicated)
//   direct SEE   = 0.05 + 0.7 × 2.419 + 0.2 × 1.8 = 0.05 + 1.6933 + 0.36 = 2.1033
//   indirect SEE = 0.25 + 0.7 × 6.8  + 0.2 × 0.9 = 0.25 + 4.76 + 0.18  = 5.19
//   scrap = (40 + 20) / 500 = 0.12 t/t, pre-consumer 40 / 60 = 2/3 → 66.666…7 % (34 digits, HALF_EVEN)

const transitional = (extra: Partial<CbamOptions> = {}): CbamOptions => ({
  period: 'transitional-2023/1773',
  installation: INSTALLATION,
  goods: [
    { flow: 'aluminium-ingot', cn: '7601 10 00' },
    { flow: 'aluminium-sheet', cn: '7606 12', otherElementsPercent: '2.5' },
  ],
  precursors: [
    { flow: 'aluminium-ingot', cn: '7601' },
    { flow: 'purchased-ingot', cn: '7601', see: { direct: '1.8', indirect: '0.9' }, source: 'Supplier X communication 2025' },
  ],
  ...extra,
});

const good = (report: ReturnType<typeof cbamEmbeddedEmissions>, flow: string) => {
  const found = report.goods.find((g) => g.flow === flow);
  if (found === undefined) throw new Error(`no good ${flow}`);
  return found;
};

describe('cbamEmbeddedEmissions: unwrought aluminium (7601)', () => {
  const report = cbamEmbeddedEmissions(smelterDocument(), transitional());
  const ingot = good(report, 'aluminium-ingot');

  it('takes direct emissions of installation processes only: 2.419 t CO2e/t', () => {
    expect(ingot.see.direct.toFixed()).toBe('2.419');
    expect(ingot.attributed.direct.toFixed()).toBe('2.419');
  });
  it('splits direct emissions by gas with AR5: CO2 1.5 + 0.095 + 0.05 = 1.645, CF4 0.663, C2F6 0.111', () => {
    expect(ingot.attributed.byGas.CO2?.mass.toFixed()).toBe('1.645');
    expect(ingot.attributed.byGas.CF4?.mass.toFixed()).toBe('0.0001');
    expect(ingot.attributed.byGas.CF4?.co2e.toFixed()).toBe('0.663');
    expect(ingot.attributed.byGas.C2F6?.co2e.toFixed()).toBe('0.111');
    expect(Object.keys(ingot.attributed.byGas).sort()).toEqual(['C2F6', 'CF4', 'CO2']);
  });
  it('reports gases CBAM does not cover apart: CH4 0.5 / 1000 = 0.0005 t/t', () => {
    expect(ingot.excludedGases.CH4?.toFixed()).toBe('0.0005');
  });
  it('indirect (transitional): 13.6 MWh/t × 0.5 = 6.8 t CO2e/t; total 2.419 + 6.8 = 9.219', () => {
    expect(ingot.electricity?.consumption.toFixed()).toBe('13.6');
    expect(ingot.see.indirect?.toFixed()).toBe('6.8');
    expect(ingot.see.total.toFixed()).toBe('9.219');
    expect(ingot.electricity?.factors.map((f) => f.id)).toEqual(['test/grid']);
  });
  it('infers the primary route from anode and PFC emissions, and AL = 1000 t; embedded = 2.419 × 1000', () => {
    expect(ingot.category).toBe('unwrought-aluminium');
    expect(ingot.route).toBe('primary-smelting');
    expect(ingot.routeBasis).toBe('inferred');
    expect(ingot.activityLevel.toFixed()).toBe('1000');
    expect(ingot.embedded.direct.toFixed()).toBe('2419');
  });
  it('recomputes with AR5 whatever the model says: an AR6 model gives the same 2.419 (not 0.0001 × 7380 + …)', () => {
    const ar6 = { ...smelterDocument(), gwp: 'AR6' };
    expect(good(cbamEmbeddedEmissions(ar6, transitional()), 'aluminium-ingot').see.direct.toFixed()).toBe('2.419');
  });
  it('records the regulation, AR5 values and the boundary', () => {
    expect(report.regulation.gwpValues.CF4.toFixed()).toBe('6630');
    expect(report.regulation.gwpValues.C2F6.toFixed()).toBe('11100');
    expect(report.installation.outside).toEqual(['alumina-refinery']);
  });
  it('is not a relabelled PCF: the cradle-to-gate footprint is larger (refinery and electricity are in it)', () => {
    const pcf = product(compute(smelterDocument(), { gwp: 'AR5' }), 'aluminium-ingot').total;
    // PCF = direct 2.419 + refinery 1.35 + electricity 6.8 + CH4 0.0005 × 30 (AR5 fossil CH4) = 10.584
    expect(pcf.toFixed()).toBe('10.584');
    expect(ingot.see.total.toFixed()).not.toBe(pcf.toFixed());
  });
});

describe('cbamEmbeddedEmissions: aluminium products with precursors and scrap', () => {
  const report = cbamEmbeddedEmissions(smelterDocument(), transitional());
  const sheet = good(report, 'aluminium-sheet');

  it('adds precursors as m_i × SEE_i: direct 0.05 + 0.7 × 2.419 + 0.2 × 1.8 = 2.1033', () => {
    expect(sheet.attributed.direct.toFixed()).toBe('0.05');
    expect(sheet.see.direct.toFixed()).toBe('2.1033');
  });
  it('indirect 0.25 + 0.7 × 6.8 + 0.2 × 0.9 = 5.19; total 7.2933', () => {
    expect(sheet.see.indirect?.toFixed()).toBe('5.19');
    expect(sheet.see.total.toFixed()).toBe('7.2933');
  });
  it('lists each precursor with its mass per t and SEE', () => {
    expect(sheet.precursors.map((p) => [p.flow, p.origin, p.mass.toFixed(), p.see.direct.toFixed(), p.embedded.direct.toFixed()])).toEqual([
      ['aluminium-ingot', 'own', '0.7', '2.419', '1.6933'],
      ['purchased-ingot', 'purchased', '0.2', '1.8', '0.36'],
    ]);
    expect(sheet.precursors[1]?.source).toBe('Supplier X communication 2025');
  });
  it('sets scrap at zero embedded emissions and reports 0.12 t/t, 2/3 pre-consumer', () => {
    expect(sheet.scrap.total.toFixed()).toBe('0.12');
    expect(sheet.scrap.preConsumer.toFixed()).toBe('0.08');
    expect(sheet.scrap.preConsumerPercent?.toFixed()).toBe('66.66666666666666666666666666666667');
  });
  it('reports other elements only above 1 %', () => {
    expect(sheet.otherElementsPercent?.toFixed()).toBe('2.5');
    const low = cbamEmbeddedEmissions(smelterDocument(), transitional({ goods: [{ flow: 'aluminium-ingot', cn: '7601', otherElementsPercent: '0.7' }] }));
    expect(low.goods[0]?.otherElementsPercent).toBeUndefined();
  });
  it('scrap per t equals the PCF recycled content when the boundary is the whole model', () => {
    const pcf = product(compute(smelterDocument()), 'aluminium-sheet').recycledContent;
    // recycled content also follows the chain; the installation here covers every process that uses scrap
    expect(sheet.scrap.total.toFixed()).toBe(pcf.total.toFixed());
    expect(sheet.scrap.preConsumer.toFixed()).toBe(pcf.preConsumer.toFixed());
  });
});

describe('boundary selection', () => {
  it('a process outside the installation does not count as direct: without the anode plant, 2.419 − 0.095 = 2.324', () => {
    const report = cbamEmbeddedEmissions(smelterDocument(), transitional({
      installation: ['electrolysis', 'casthouse', 'rolling-mill'],
      goods: [{ flow: 'aluminium-ingot', cn: '7601' }],
    }));
    expect(report.goods[0]?.see.direct.toFixed()).toBe('2.324');
    expect(report.installation.outside).toEqual(['alumina-refinery', 'anode-plant']);
  });
  it('the default boundary is the whole model: the refinery then counts, 2.419 + 1350/1930 × 1.93 = 3.769', () => {
    const report = cbamEmbeddedEmissions(smelterDocument(), { period: 'transitional-2023/1773', goods: [{ flow: 'aluminium-ingot', cn: '7601' }] });
    expect(report.goods[0]?.see.direct.toFixed()).toBe('3.769');
  });
  it('electricity outside the boundary is not indirect: casthouse alone has 100 / 1000 × 0.5 = 0.05', () => {
    const report = cbamEmbeddedEmissions(smelterDocument(), transitional({
      installation: ['casthouse'],
      goods: [{ flow: 'aluminium-ingot', cn: '7601', route: 'primary-smelting' }],
      precursors: [],
    }));
    const ingot = report.goods[0]!;
    expect(ingot.see.direct.toFixed()).toBe('0.05');
    expect(ingot.see.indirect?.toFixed()).toBe('0.05');
    expect(ingot.routeBasis).toBe('declared');
  });
});

describe('regulation periods', () => {
  it('definitive 2025/2547: aluminium counts direct emissions only (Annex II good); total = direct', () => {
    const report = cbamEmbeddedEmissions(smelterDocument(), transitional({
      period: 'definitive-2025/2547',
      precursors: [{ flow: 'aluminium-ingot' }, { flow: 'purchased-ingot', see: { direct: '1.8' } }],
    }));
    const sheet = good(report, 'aluminium-sheet');
    expect(report.regulation.indirectReported).toBe(false);
    expect(sheet.see.indirect).toBeUndefined();
    expect(sheet.electricity).toBeUndefined();
    expect(sheet.see.total.toFixed()).toBe('2.1033');
    expect(sheet.precursors[0]?.see.indirect).toBeUndefined();
  });
  it.each([undefined, '', 'definitive'])('rejects a missing or unknown period (%s)', (period) => {
    const options = { ...transitional(), period: period as unknown as CbamPeriod };
    expect(() => cbamEmbeddedEmissions(smelterDocument(), options)).toThrow(CbamPeriodError);
  });
});

describe('errors', () => {
  it('a good that is not in the model', () => {
    const call = () => cbamEmbeddedEmissions(smelterDocument(), transitional({ goods: [{ flow: 'aluminium-foil', cn: '7607' }] }));
    expect(call).toThrow(UnknownProductError);
    expect(call).toThrow(/aluminium-foil/);
  });
  it('unknown installation process ids, named in the error', () => {
    try {
      cbamEmbeddedEmissions(smelterDocument(), transitional({ installation: ['electrolysis', 'potline-9'] }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CbamBoundaryError);
      expect((error as CbamBoundaryError).code).toBe('cbam_boundary');
      expect((error as CbamBoundaryError).processes).toEqual(['potline-9']);
    }
  });
  it('a CN code CBAM does not cover (7602 scrap)', () => {
    expect(() => cbamEmbeddedEmissions(smelterDocument(), transitional({ goods: [{ flow: 'aluminium-ingot', cn: '7602' }] }))).toThrow(CbamGoodError);
  });
  it('a good made outside the installation', () => {
    expect(() => cbamEmbeddedEmissions(smelterDocument(), transitional({ installation: ['electrolysis'], goods: [{ flow: 'aluminium-ingot', cn: '7601' }], precursors: [] }))).toThrow(CbamGoodError);
  });
  it('a purchased precursor without communicated SEE', () => {
    const call = () => cbamEmbeddedEmissions(smelterDocument(), transitional({ precursors: [{ flow: 'purchased-ingot' }] }));
    expect(call).toThrow(CbamPrecursorError);
  });
  it('a precursor no installation process uses', () => {
    const call = () => cbamEmbeddedEmissions(smelterDocument(), transitional({ precursors: [{ flow: 'copper-cathode', see: { direct: '1', indirect: '1' } }] }));
    expect(call).toThrow(CbamPrecursorError);
  });
  it('every error is a SmeltprintError with a stable code', () => {
    try {
      cbamEmbeddedEmissions(smelterDocument(), { ...transitional(), period: undefined as unknown as CbamPeriod });
    } catch (error) {
      expect(error).toBeInstanceOf(SmeltprintError);
      expect((error as SmeltprintError).code).toBe('cbam_period');
    }
  });
});

describe('activity warnings (what the ledgers lack) as notes of the report', () => {
  it('adds each as a note, sorted with the others, and refuses what is not a list of issues', () => {
    const gap = { code: 'activity_gap', path: ['processes', 0, 'inputs', 0], message: 'series "power" has no rows for 2025-02-01..2025-02-28', severity: 'warning' as const };
    const without = cbamEmbeddedEmissions(smelterDocument(), transitional());
    const withGap = cbamEmbeddedEmissions(smelterDocument(), transitional({ activityWarnings: [gap] }));
    expect(withGap.notes).toEqual([...without.notes, `From the activity data: ${gap.message}`].sort());
    // The figures do not change: the warnings say what the amounts lack, they change none.
    expect(cbamToJson(withGap).goods).toEqual(cbamToJson(without).goods);
    for (const bad of ['gap', [{ code: 'x' }], [null]]) {
      expect(() => cbamEmbeddedEmissions(smelterDocument(), transitional({ activityWarnings: bad as never }))).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    }
  });
});

describe('data in, data out', () => {
  it('does not mutate the document or the options, and freezes the report', () => {
    const document = smelterDocument();
    const options = transitional();
    const before = JSON.stringify([document, options]);
    const report = cbamEmbeddedEmissions(document, options);
    expect(JSON.stringify([document, options])).toBe(before);
    expect(Object.isFrozen(report)).toBe(true);
    expect(Object.isFrozen(report.goods[0])).toBe(true);
  });
  it('gives the same JSON whatever the order of processes', () => {
    const document = smelterDocument();
    const reversed = { ...document, processes: [...(document.processes as unknown[])].reverse() };
    expect(JSON.stringify(cbamToJson(cbamEmbeddedEmissions(reversed, transitional())))).toBe(
      JSON.stringify(cbamToJson(cbamEmbeddedEmissions(document, transitional()))),
    );
  });
  it('cbamToJson writes decimals as fixed-point strings', () => {
    const json = cbamToJson(cbamEmbeddedEmissions(smelterDocument(), transitional()));
    const sheet = json.goods.find((g) => g.flow === 'aluminium-sheet')!;
    expect(sheet.see).toEqual({ direct: '2.1033', indirect: '5.19', total: '7.2933' });
    expect(json.format).toBe('smeltprint-cbam');
    expect(JSON.stringify(json)).not.toMatch(/\d[eE][+-]?\d/);
  });
});

describe('scrap and by-products leaving the installation (2025/2547 Annex II point F: zero embedded emissions)', () => {
  // A casthouse: 1000 t liquid aluminium (its own CO2 20 t, nothing else) → 900 t ingot and 100 t
  // scrap sold, partitioned by mass. The model gives the scrap 100/1000 of the burden; CBAM gives
  // it none, so the ingot carries all 20 t: 20 / 900 = 0.0222… t CO2e/t (not 18 / 900 = 0.02).
  const casthouse = (scrapTakenBack: boolean) => ({
    smeltprint: 1,
    id: 'casthouse',
    period: { start: '2025-01-01', end: '2025-12-31' },
    gwp: 'AR5',
    processes: [
      {
        id: 'casthouse',
        outputs: [
          { flow: 'aluminium-ingot', amount: '900', unit: 't' },
          { flow: 'aluminium-scrap', amount: '100', unit: 't' },
        ],
        allocation: 'mass',
        inputs: scrapTakenBack ? [{ flow: 'aluminium-scrap', amount: '100', unit: 't', from: 'casthouse' }] : [],
        emissions: [{ gas: 'CO2', amount: '20', unit: 't', category: 'fuel-combustion' }],
      },
    ],
  });
  const options: CbamOptions = { period: 'definitive-2025/2547', installation: ['casthouse'], goods: [{ flow: 'aluminium-ingot', cn: '7601 10 00', route: 'secondary-melting' }] };

  it('gives the sold scrap no share: the ingot carries the whole casthouse, and says so', () => {
    const report = cbamEmbeddedEmissions(casthouse(false), options);
    expect(report.goods[0]!.see.direct.toFixed(30)).toBe('0.022222222222222222222222222222');
    expect(report.notes.join('\n')).toContain('casthouse: "aluminium-scrap" leaves the installation as scrap or a by-product and carries no embedded emissions');
  });

  it('gives the same SEE as the casthouse that remelts its scrap itself (the loop returns its share)', () => {
    const sold = cbamEmbeddedEmissions(casthouse(false), options).goods[0]!.see.direct;
    const remelted = cbamEmbeddedEmissions(casthouse(true), options).goods[0]!.see.direct;
    expect(sold.minus(remelted).abs().lt('1e-30')).toBe(true);
  });
});

describe('aluminium bought in and not declared as a precursor', () => {
  const remelt = () => parseModelText(readFileSync('examples/aluminium-remelt.yaml', 'utf8'), 'yaml', 'aluminium-remelt.yaml');
  const options: CbamOptions = { period: 'definitive-2025/2547', goods: [{ flow: 'aluminium-alloy-ingot', cn: '7601 20' }] };

  it('is named in a note (3,000 t of primary aluminium into the remelt furnace), not silently dropped', () => {
    const notes = cbamEmbeddedEmissions(remelt(), options).notes.join('\n');
    expect(notes).toContain('input "primary-aluminium" looks like aluminium metal from outside the installation');
    // Scrap is not a precursor (zero embedded emissions): no note for it.
    expect(notes).not.toMatch(/input "[^"]*scrap[^"]*" looks like/);
  });

  it('is not named once declared', () => {
    const declared = { ...options, precursors: [{ flow: 'primary-aluminium', cn: '7601 10', see: { direct: '1.5', indirect: '10' }, source: 'supplier' }] };
    expect(cbamEmbeddedEmissions(remelt(), declared).notes.join('\n')).not.toContain('looks like aluminium metal');
  });
});

describe('unverified factors', () => {
  it('are named in the notes, with their tags (the remelt example uses a [V-3p] provincial grid factor)', () => {
    const model = parseModelText(readFileSync('examples/aluminium-remelt.yaml', 'utf8'), 'yaml', 'aluminium-remelt.yaml');
    const notes = cbamEmbeddedEmissions(model, { period: 'transitional-2023/1773', goods: [{ flow: 'aluminium-alloy-ingot', cn: '7601 20' }] }).notes.join('\n');
    expect(notes).toMatch(/In the model: \d+ factors? (is|are) tagged unverified.*cn-mee\/grid\/province\/CN-GD\/2023 \[V-3p\]/);
  });
});

describe('options as JavaScript callers give them', () => {
  const base = { period: 'definitive-2025/2547' as const, installation: [...INSTALLATION], goods: [{ flow: 'aluminium-ingot', cn: '7601 10 00' }] };
  const issues = (options: unknown) => {
    try {
      cbamEmbeddedEmissions(smelterDocument(), options as CbamOptions);
    } catch (error) {
      return error as SmeltprintError;
    }
    throw new Error('expected an error');
  };
  it('refuses wrong shapes with the field at fault (they failed inside as TypeErrors)', () => {
    expect(issues({ ...base, installation: 'electrolysis' })).toMatchObject({ code: 'model_invalid', message: expect.stringContaining('installation') });
    expect(issues({ ...base, goods: [{ flow: 'aluminium-ingot', cn: 7601 }] })).toMatchObject({ code: 'model_invalid', message: expect.stringContaining('goods[0].cn') });
    expect(issues({ ...base, goods: [{ flow: 'aluminium-ingot', CN: '7601' }] })).toMatchObject({ code: 'model_invalid' });
    expect(issues({ period: base.period, installation: base.installation })).toMatchObject({ code: 'model_invalid', message: expect.stringContaining('goods') });
    expect(issues({ ...base, instalation: ['x'] })).toMatchObject({ code: 'invalid_option', message: expect.stringContaining('did you mean "installation"') });
  });
  it('refuses a good listed twice (two identical rows of the communication)', () => {
    expect(issues({ ...base, goods: [base.goods[0], base.goods[0]] })).toMatchObject({ code: 'cbam_good', message: 'good "aluminium-ingot" is listed twice' });
  });
});
