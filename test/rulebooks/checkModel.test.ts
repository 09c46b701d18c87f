import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UnknownRulebookError } from '../../src/core/errors.js';
import { checkModel } from '../../src/rulebooks/checkModel.js';
import { getRulebook, listRulebooks } from '../../src/rulebooks/listRulebooks.js';
import { primaryAluminiumProcesses } from '../../src/rulebooks/primaryAluminium.js';
import { reportedItems } from '../../src/rulebooks/reportedItems.js';
import type { Finding } from '../../src/rulebooks/types.js';
import { parseModel } from '../../src/model/parse.js';
import { Decimal } from '../../src/decimal/decimal.js';
import { compute, doc, total } from '../helpers.js';
import { smelter } from './models.js';

const errors = (findings: readonly Finding[]) => findings.filter((f) => f.severity === 'error');
const codes = (findings: readonly Finding[], severity?: Finding['severity']) =>
  findings.filter((f) => severity === undefined || f.severity === severity).map((f) => f.code);

describe('listRulebooks / getRulebook', () => {
  it('lists the five rulebooks', () => {
    expect(listRulebooks().map((r) => r.id)).toEqual(['gb-t-44905-aluminium', 'cn-ets-aluminium', 'iso-14067', 'pact-v3', 'cbam-aluminium']);
  });
  it('carries the GB/T 44905 cut-off limits (1 % per step, 5 % total; standards.md §2.4) as data', () => {
    expect(getRulebook('gb-t-44905-aluminium').cutOff).toMatchObject({ kind: 'limits', perStep: '0.01', total: '0.05' });
    expect(Object.isFrozen(getRulebook('gb-t-44905-aluminium').cutOff)).toBe(true);
  });
  it('rejects an unknown rulebook with UnknownRulebookError', () => {
    expect(() => getRulebook('gb-t-99999')).toThrow(UnknownRulebookError);
    expect(() => checkModel(smelter(), 'gb-t-99999')).toThrow(expect.objectContaining({ code: 'unknown_rulebook' }) as Error);
  });
});

describe('passing models', () => {
  it.each(['gb-t-44905-aluminium', 'cn-ets-aluminium', 'cbam-aluminium'])('%s: a complete AR5 smelter has no errors or warnings', (id) => {
    const findings = checkModel(smelter(), id);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
  });
  it.each(['iso-14067', 'pact-v3'])('%s: a complete AR6 smelter has no errors or warnings', (id) => {
    const findings = checkModel(smelter({ gwp: 'AR6' }), id);
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('required emission sources', () => {
  it.each(['gb-t-44905-aluminium', 'cn-ets-aluminium', 'iso-14067', 'pact-v3', 'cbam-aluminium'])('%s: a smelter without PFC emissions fails', (id) => {
    const findings = checkModel(smelter({ pfc: false }), id);
    const missing = findings.find((f) => f.code === 'missing_pfc_emissions');
    expect(missing).toMatchObject({ rule: 'required-sources', severity: 'error', path: ['processes', 1, 'emissions'] });
  });
  it('a smelter without anode CO2 fails', () => {
    expect(codes(checkModel(smelter({ anode: false }), 'gb-t-44905-aluminium'), 'error')).toEqual(['missing_anode_emissions']);
  });
  it('is recognised as primary aluminium from its structure when both sources are missing', () => {
    const findings = checkModel(smelter({ anode: false, pfc: false }), 'gb-t-44905-aluminium');
    expect(codes(findings, 'error')).toEqual(['missing_anode_emissions', 'missing_pfc_emissions']);
    expect(errors(findings)[0]?.message).toMatch(/makes aluminium from alumina with electricity/);
  });
  it('a declared source that comes to zero is a warning, not an error', () => {
    const document = smelter({ pfc: false });
    const electrolysis = (document.processes as Record<string, unknown>[])[1]!;
    electrolysis.emissions = [...(electrolysis.emissions as unknown[]), { gas: 'CF4', amount: '0', unit: 't', category: 'pfc' }];
    expect(codes(checkModel(document, 'gb-t-44905-aluminium'), 'warning')).toEqual(['zero_pfc_emissions']);
  });
  it('does not apply to a model without primary aluminium (an info says so)', () => {
    const remelter = doc([{ id: 'remelt', outputs: [{ flow: 'secondary-ingot', amount: '10', unit: 't' }], inputs: [{ flow: 'scrap', amount: '11', unit: 't', recycled: true }], emissions: [{ gas: 'CO2', amount: '2', unit: 't', category: 'fuel-combustion' }] }]);
    const findings = checkModel(remelter, 'gb-t-44905-aluminium');
    expect(errors(findings)).toEqual([]);
    expect(codes(findings)).toContain('no_primary_aluminium');
  });
  it('recognises aluminium methods by id without computing (methods layer ids)', () => {
    const model = parseModel(doc([{ id: 'potline', outputs: [{ flow: 'hot-metal', amount: '1', unit: 't' }], emissions: [{ method: 'ipcc-2006/aluminium/pfc-slope', with: {} }] }]));
    expect(primaryAluminiumProcesses(model).map((p) => [p.processId, p.evidence])).toEqual([['potline', ['method ipcc-2006/aluminium/pfc-slope']]]);
  });
});

describe('cut-off (GB/T 44905: 1 % per step, 5 % in total)', () => {
  it('sums an input cut off upstream over every route to a product, and reports each input once', () => {
    const zero = { id: 'test/zero', value: '0', unit: 't CO2/t', source: { title: 'Placeholder: no data (cut off)' } };
    const co2 = (amount: string) => [{ gas: 'CO2', amount, unit: 't', category: 'fuel-combustion' }];
    // The mine's ore reaches the metal by two routes (b and c); c takes water of its own.
    const diamond = doc(
      [
        { id: 'mine', outputs: [{ flow: 'ore', amount: '100', unit: 't' }], inputs: [{ flow: 'water', amount: '2', unit: 't', factor: 'test/zero' }], emissions: co2('10') },
        { id: 'b', outputs: [{ flow: 'b-concentrate', amount: '40', unit: 't' }], inputs: [{ flow: 'ore', amount: '40', unit: 't', from: 'mine' }], emissions: co2('1') },
        { id: 'c', outputs: [{ flow: 'c-concentrate', amount: '60', unit: 't' }], inputs: [{ flow: 'ore', amount: '60', unit: 't', from: 'mine' }, { flow: 'water', amount: '3', unit: 't', factor: 'test/zero' }], emissions: co2('1') },
        { id: 'smelter', outputs: [{ flow: 'metal', amount: '10', unit: 't' }], inputs: [{ flow: 'b-concentrate', amount: '40', unit: 't', from: 'b' }, { flow: 'c-concentrate', amount: '60', unit: 't', from: 'c' }], emissions: co2('1') },
      ],
      { factors: [zero] },
    );
    const findings = checkModel(diamond, 'gb-t-44905-aluminium');
    // Each water input once, in the order the products (by flow) first reach it: 2 / 100 t = 2 % and
    // 3 / 60 t = 5 % of their steps.
    const steps = findings.filter((f) => f.code.startsWith('cut_off_step') || f.code === 'cut_off_input');
    expect(steps.map((f) => [f.code, f.path])).toEqual([
      ['cut_off_step_exceeded', ['processes', 0, 'inputs', 0]],
      ['cut_off_step_exceeded', ['processes', 2, 'inputs', 1]],
    ]);
    // Per t: ore 2 / 100 = 0.02 t (2 %); b 1 t ore × 0.02 = 2 %; c 1 t ore × 0.02 + 3 / 60 = 0.07 (7 %);
    // metal 4 t ore via b and 6 t via c: 10 × 0.02 + 6 t c-concentrate × 0.05 = 0.5 t (50 %).
    const totals = findings.filter((f) => f.code.startsWith('cut_off_total')).map((f) => /"([^"]+)" come to ([\d.]+) %/.exec(f.message)!.slice(1));
    expect(totals).toEqual([
      ['b-concentrate', '2'],
      ['c-concentrate', '7'],
      ['metal', '50'],
      ['ore', '2'],
    ]);
  });
  it('passes a zero-factor input of 5 t per 1000 t (0.5 % of the step, 0.5 % of the ingot)', () => {
    const findings = checkModel(smelter({ electrolysisInputs: [{ flow: 'sealing-paste', amount: '5', unit: 't', factor: 'test/zero' }] }), 'gb-t-44905-aluminium');
    expect(errors(findings)).toEqual([]);
    const input = findings.find((f) => f.code === 'cut_off_input');
    expect(input?.path).toEqual(['processes', 1, 'inputs', 3]);
    // 5 / 1000 = 0.005 = 0.5 %
    expect(input?.message).toMatch(/0\.5 % of the mass/);
    const total = findings.filter((f) => f.code === 'cut_off_total').map((f) => f.message);
    // ingot: 1 t liquid per t ingot × 5 / 1000 = 0.005 t per t → 0.5 %
    expect(total.some((m) => m.includes('"aluminium-ingot"') && m.includes('0.5 %'))).toBe(true);
  });
  it('fails a zero-factor input of 20 t per 1000 t: 2 % > 1 % per step', () => {
    const findings = checkModel(smelter({ electrolysisInputs: [{ flow: 'cryolite', amount: '20', unit: 't', factor: 'test/zero' }] }), 'gb-t-44905-aluminium');
    expect(errors(findings).map((f) => [f.code, f.path])).toEqual([['cut_off_step_exceeded', ['processes', 1, 'inputs', 3]]]);
  });
  it('fails when inputs under 1 % each add up to more than 5 %: 6 × 9 t / 1000 t = 5.4 %', () => {
    const inputs = ['a', 'b', 'c', 'd', 'e', 'f'].map((name) => ({ flow: `additive-${name}`, amount: '9', unit: 't', factor: 'test/zero' }));
    const findings = checkModel(smelter({ electrolysisInputs: inputs }), 'gb-t-44905-aluminium');
    const exceeded = errors(findings);
    expect(exceeded.map((f) => f.code)).toEqual(['cut_off_total_exceeded', 'cut_off_total_exceeded']);
    expect(exceeded.map((f) => f.message).join('\n')).toMatch(/"aluminium-ingot" come to 5\.4 %/);
    expect(exceeded.map((f) => f.path)).toEqual([['processes', 2, 'outputs', 0], ['processes', 1, 'outputs', 0]]);
  });
  it('finds a zero-burden supplier step: 20 t of water from a process without emissions = 2 % of the step', () => {
    const findings = checkModel(
      smelter({
        electrolysisInputs: [{ flow: 'treated-water', amount: '20', unit: 't', from: 'water-plant' }],
        extraProcesses: [{ id: 'water-plant', outputs: [{ flow: 'treated-water', amount: '20', unit: 't' }] }],
      }),
      'gb-t-44905-aluminium',
    );
    expect(errors(findings).map((f) => f.code)).toEqual(['cut_off_step_exceeded']);
  });
  it('recycled inputs are the recycled-content approach, not a cut-off', () => {
    const findings = checkModel(smelter({ electrolysisInputs: [{ flow: 'pot-scrap', amount: '100', unit: 't', recycled: 'pre-consumer' }] }), 'gb-t-44905-aluminium');
    expect(errors(findings)).toEqual([]);
    expect(codes(findings)).toContain('cut_off_none');
  });
  it('notes, for every product whose chain goes through a loop, that the loop is counted once', () => {
    // bath-plant and crusher supply each other; the crusher uses a zero-factor input (cut off).
    const findings = checkModel(
      smelter({
        electrolysisInputs: [{ flow: 'bath', amount: '10', unit: 't', from: 'bath-plant' }],
        extraProcesses: [
          { id: 'bath-plant', outputs: [{ flow: 'bath', amount: '10', unit: 't' }], inputs: [{ flow: 'crushed', amount: '2', unit: 't', from: 'crusher' }] },
          {
            id: 'crusher',
            outputs: [{ flow: 'crushed', amount: '2', unit: 't' }],
            inputs: [
              { flow: 'bath', amount: '1', unit: 't', from: 'bath-plant' },
              { flow: 'grinding-aid', amount: '0.1', unit: 't', factor: 'test/zero' },
            ],
            emissions: [{ gas: 'CO2', amount: '0.1', unit: 't', category: 'fuel-combustion' }],
          },
        ],
      }),
      'iso-14067',
    );
    const looped = findings.filter((f) => f.code === 'cut_off_loop').map((f) => /^"([^"]+)"/.exec(f.message)![1]);
    expect(looped.sort()).toEqual(['aluminium-ingot', 'aluminium-liquid', 'bath', 'crushed']);
    expect(findings.filter((f) => f.code === 'cut_off_input').map((f) => f.path)).toEqual([['processes', 4, 'inputs', 1]]);
  });

  it('counts what is cut off inside a loop for every round of it (the loop solved exactly)', () => {
    // x and y supply each other; p takes from both. Per t: x needs 0.1 t y and 0.01 t water,
    // y needs 0.1 t x and 0.02 t water: m_x = 0.01 + 0.1 m_y, m_y = 0.02 + 0.1 m_x, so
    // m_x = 0.012 / 0.99 = 0.0121212… (1.2121 %), m_y = 0.021 / 0.99 = 0.0212121… (2.1212 %),
    // and p, 0.5 t of each per t: 0.5 × (0.012 + 0.021) / 0.99 = 0.0166666… (1.6667 %). Walking
    // the loop once from where a walk entered it gave lower bounds (1.2, 2.1 and 1.65 %).
    const zero = { id: 'test/zero', value: '0', unit: 't CO2/t', source: { title: 'Placeholder: no data (cut off)' } };
    const co2 = [{ gas: 'CO2', amount: '1', unit: 't', category: 'fuel-combustion' }];
    const water = (amount: string) => ({ flow: 'water', amount, unit: 't', factor: 'test/zero' });
    const looped = doc(
      [
        { id: 'X', outputs: [{ flow: 'x', amount: '10', unit: 't' }], inputs: [{ flow: 'y', amount: '1', unit: 't', from: 'Y' }, water('0.1')], emissions: co2 },
        { id: 'Y', outputs: [{ flow: 'y', amount: '10', unit: 't' }], inputs: [{ flow: 'x', amount: '1', unit: 't', from: 'X' }, water('0.2')], emissions: co2 },
        { id: 'P', outputs: [{ flow: 'p', amount: '10', unit: 't' }], inputs: [{ flow: 'x', amount: '5', unit: 't', from: 'X' }, { flow: 'y', amount: '5', unit: 't', from: 'Y' }], emissions: co2 },
      ],
      { factors: [zero] },
    );
    const totals = checkModel(looped, 'gb-t-44905-aluminium').filter((f) => f.code === 'cut_off_total').map((f) => /"([^"]+)" come to ([\d.]+) %/.exec(f.message)!.slice(1));
    expect(totals).toEqual([
      ['p', '1.6667'],
      ['x', '1.2121'],
      ['y', '2.1212'],
    ]);
    expect(checkModel(looped, 'gb-t-44905-aluminium').filter((f) => f.code === 'cut_off_loop').map((f) => /^"([^"]+)"/.exec(f.message)![1])).toEqual(['p', 'x', 'y']);
  });

  it('gives each total as the exact mass cut off, with loops and without (property)', () => {
    // The exact mass of water per t of each product is the footprint of a twin model in which
    // water has a factor of 1 t CO2/t and nothing else emits.
    const zero = { id: 'test/zero', value: '0', unit: 't CO2/t', source: { title: 'Placeholder: no data (cut off)' } };
    const one = { id: 'test/one', value: '1', unit: 't CO2/t', source: { title: 'one tonne per tonne, to weigh the water' } };
    const processArb = (n: number) =>
      fc.record({
        suppliers: fc.uniqueArray(fc.nat({ max: n - 1 }), { maxLength: 3 }),
        amounts: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        water: fc.integer({ min: 0, max: 30 }),
        made: fc.integer({ min: 10, max: 30 }),
      });
    const modelArb = fc.integer({ min: 2, max: 8 }).chain((n) => fc.array(processArb(n), { minLength: n, maxLength: n }));
    fc.assert(
      fc.property(modelArb, (specs) => {
        const build = (waterFactor: string, emits: string) =>
          doc(
            specs.map((spec, i) => ({
              id: `p${i}`,
              outputs: [{ flow: `f${i}`, amount: String(spec.made), unit: 't' }],
              inputs: [
                ...spec.suppliers.filter((j) => j !== i).map((j, k) => ({ flow: `f${j}`, amount: String(spec.amounts[k]), unit: 't', from: `p${j}` })),
                ...(spec.water === 0 ? [] : [{ flow: 'water', amount: String(spec.water / 100), unit: 't', factor: waterFactor }]),
              ],
              emissions: [{ gas: 'CO2', amount: emits, unit: 't', category: 'fuel-combustion' }],
            })),
            { factors: [zero, one] },
          );
        const findings = checkModel(build('test/zero', '1'), 'gb-t-44905-aluminium');
        const twin = compute(build('test/one', '0'));
        const totals = findings.filter((f) => f.code.startsWith('cut_off_total'));
        for (const f of totals) {
          const [, flow, share] = /"([^"]+)" come to ([\d.]+) %/.exec(f.message)!;
          expect(share).toBe(new Decimal(total(twin, flow!)).times(100).toDecimalPlaces(4).toFixed());
        }
        // Every product that takes any water, directly or upstream, has its total.
        expect(totals).toHaveLength(twin.products.filter((p) => !p.total.isZero()).length);
      }),
      { numRuns: 150, seed: 20261203 },
    );
  });

  it('walks a chain of 16,000 processes without running out of call stack', () => {
    // Each step takes 1 t of the one before and 0.001 t of water (cut off) per t: the last product
    // carries 16,000 × 0.001 t = 16 t of water per t (1600 %), found at every step. (The walk was
    // recursive and overflowed the call stack between 8,000 and 16,000 steps.)
    const zero = { id: 'test/zero', value: '0', unit: 't CO2/t', source: { title: 'Placeholder: no data (cut off)' } };
    const n = 16000;
    const chain = doc(
      Array.from({ length: n }, (_, i) => ({
        id: `p${i}`,
        outputs: [{ flow: `f${i}`, amount: '1', unit: 't' }],
        inputs: [...(i === 0 ? [] : [{ flow: `f${i - 1}`, amount: '1', unit: 't', from: `p${i - 1}` }]), { flow: 'water', amount: '0.001', unit: 't', factor: 'test/zero' }],
        emissions: [{ gas: 'CO2', amount: '1', unit: 't', category: 'fuel-combustion' }],
      })),
      { factors: [zero] },
    );
    const findings = checkModel(chain, 'gb-t-44905-aluminium');
    expect(findings.filter((f) => f.code === 'cut_off_input')).toHaveLength(n);
    expect(findings.find((f) => f.code === 'cut_off_total_exceeded' && f.message.includes(`"f${n - 1}"`))?.message).toContain('come to 1600 %');
  });

  it('iso-14067 and pact-v3 list cut-off inputs for disclosure without limits', () => {
    for (const id of ['iso-14067', 'pact-v3']) {
      const findings = checkModel(smelter({ gwp: 'AR6', electrolysisInputs: [{ flow: 'cryolite', amount: '20', unit: 't', factor: 'test/zero' }] }), id);
      expect(errors(findings)).toEqual([]);
      expect(findings.find((f) => f.code === 'cut_off_input')?.severity).toBe('info');
    }
  });
});

describe('declared unit', () => {
  it('gb-t-44905: liquid aluminium declared per 1 kg instead of 1 t is an error', () => {
    const findings = checkModel(smelter({ declaredUnits: { 'aluminium-liquid': '1 kg' } }), 'gb-t-44905-aluminium');
    expect(errors(findings).map((f) => [f.code, f.path])).toEqual([['declared_unit_amount', ['processes', 1, 'outputs', 0]]]);
  });
  it('pact-v3: 1 t is 1000 kg (allowed); 500 kg is not', () => {
    expect(errors(checkModel(smelter({ gwp: 'AR6' }), 'pact-v3'))).toEqual([]);
    const findings = checkModel(smelter({ gwp: 'AR6', declaredUnits: { 'aluminium-liquid': '500 kg' } }), 'pact-v3');
    expect(codes(findings, 'error')).toEqual(['declared_unit_amount']);
  });
  it('cbam: a product not measured by mass is flagged', () => {
    const power = { id: 'power-plant', outputs: [{ flow: 'electric-power', amount: '100', unit: 'MWh' }], emissions: [{ gas: 'CO2', amount: '80', unit: 't', category: 'fuel-combustion' }] };
    const findings = checkModel(smelter({ extraProcesses: [power] }), 'cbam-aluminium');
    expect(findings.find((f) => f.code === 'declared_unit_not_mass')).toMatchObject({ severity: 'warning', path: ['processes', 3, 'outputs', 0] });
  });
});

describe('boundary', () => {
  it('cn-ets: a power plant inside the model is accounted under its own guideline (warning)', () => {
    const power = { id: 'power-plant', outputs: [{ flow: 'electric-power', amount: '100', unit: 'MWh' }], emissions: [{ gas: 'CO2', amount: '80', unit: 't', category: 'fuel-combustion' }] };
    const findings = checkModel(smelter({ extraProcesses: [power] }), 'cn-ets-aluminium');
    expect(findings.find((f) => f.code === 'boundary_power_generation')).toMatchObject({ severity: 'warning', path: ['processes', 3] });
  });
  it('cbam: an alumina refinery in the model is outside the installation (info)', () => {
    const refinery = { id: 'refinery', outputs: [{ flow: 'alumina-own', amount: '10', unit: 't' }], emissions: [{ gas: 'CO2', amount: '7', unit: 't', category: 'fuel-combustion' }] };
    expect(checkModel(smelter({ extraProcesses: [refinery] }), 'cbam-aluminium').find((f) => f.code === 'boundary_upstream_process')?.path).toEqual(['processes', 3]);
  });
});

describe('allocation hierarchy', () => {
  const coProducts = (allocation: unknown) =>
    smelter({
      gwp: 'AR6',
      extraProcesses: [
        {
          id: 'dross-recovery',
          outputs: [
            { flow: 'recovered-aluminium', amount: '8', unit: 't', price: '18000 CNY/t' },
            { flow: 'salt-cake', amount: '2', unit: 't', price: '100 CNY/t' },
          ],
          emissions: [{ gas: 'CO2', amount: '3', unit: 't', category: 'fuel-combustion' }],
          allocation,
        },
      ],
    });
  it('warns when economic allocation is used where mass would do', () => {
    const findings = checkModel(coProducts('economic'), 'iso-14067');
    expect(findings.find((f) => f.code === 'allocation_economic_where_physical')).toMatchObject({ severity: 'warning', path: ['processes', 3, 'allocation'] });
  });
  it('accepts mass allocation without a finding', () => {
    expect(codes(checkModel(coProducts('mass'), 'iso-14067')).filter((c) => c.startsWith('allocation'))).toEqual([]);
  });
  it('does not apply to the enterprise report (cn-ets)', () => {
    expect(codes(checkModel(coProducts('economic'), 'cn-ets-aluminium')).filter((c) => c.startsWith('allocation'))).toEqual([]);
  });
});

describe('GWP set', () => {
  it('cn-ets warns when the run is not AR5; iso-14067 warns when it is not AR6', () => {
    expect(codes(checkModel(smelter({ gwp: 'SAR' }), 'cn-ets-aluminium'), 'warning')).toEqual(['gwp_set']);
    expect(codes(checkModel(smelter({ gwp: 'AR5' }), 'iso-14067'), 'warning')).toEqual(['gwp_set']);
  });
  it('checks the set the caller computes with (options.gwp)', () => {
    expect(codes(checkModel(smelter({ gwp: 'AR5' }), 'iso-14067', { gwp: 'AR6' }), 'warning')).toEqual([]);
  });
  it('cbam and pact only inform: their outputs recompute with AR5 / AR6', () => {
    expect(checkModel(smelter({ gwp: 'AR6' }), 'cbam-aluminium').find((f) => f.code === 'gwp_set')?.severity).toBe('info');
  });
});

describe('reporting rounding (cn-ets: 2 decimals, 四舍五入)', () => {
  // 2345 t CO2 over 1000 t = 2.345 t/t exactly: HALF_UP gives 2.35 (HALF_EVEN would give 2.34).
  const document = doc([{ id: 'electrolysis-x', outputs: [{ flow: 'aluminium-liquid', amount: '1000', unit: 't' }], emissions: [{ gas: 'CO2', amount: '2345', unit: 't', category: 'anode' }] }]);
  const result = compute(document);
  it('rounds each reported item half up and keeps the exact value beside it', () => {
    const total = reportedItems(result, getRulebook('cn-ets-aluminium')).find((i) => i.item === 'total');
    expect(total).toEqual({ product: 'aluminium-liquid', item: 'total', exact: '2.345', reported: '2.35', rounding: { places: 2, mode: 'HALF_UP' } });
    expect(result.products[0]!.total.toFixed()).toBe('2.345');
  });
  it('reports nothing for rulebooks without a template rounding', () => {
    expect(reportedItems(result, getRulebook('iso-14067'))).toEqual([]);
  });
  it('notes when rounded items do not add up to the rounded total: 0.005 + 0.005 → 0.01 + 0.01 vs 0.01', () => {
    const split = doc([{ id: 'p', outputs: [{ flow: 'x', amount: '1', unit: 't' }], emissions: [
      { gas: 'CO2', amount: '0.005', unit: 't', category: 'anode' },
      { gas: 'CO2', amount: '0.005', unit: 't', category: 'fuel-combustion' },
    ] }]);
    const findings = checkModel(split, 'cn-ets-aluminium');
    expect(findings.find((f) => f.code === 'reporting_rounding_gap')?.message).toMatch(/\+0\.01/);
  });
});

describe('documents that fail before the rules', () => {
  it('an invalid document gives its issues as document findings', () => {
    const findings = checkModel({ smeltprint: 1, id: 'x' }, 'iso-14067');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'document')).toBe(true);
    expect(errors(findings).length).toBeGreaterThan(0);
  });
  it('a model that cannot be computed gives a compute finding', () => {
    // a needs 2 t of b per t, b needs 1 t of a per t: the loop consumes more than it makes.
    const loop = doc([
      { id: 'make-a', outputs: [{ flow: 'a', amount: '1', unit: 't' }], inputs: [{ flow: 'b', amount: '2', unit: 't', from: 'make-b' }], emissions: [{ gas: 'CO2', amount: '1', unit: 't', category: 'process' }] },
      { id: 'make-b', outputs: [{ flow: 'b', amount: '1', unit: 't' }], inputs: [{ flow: 'a', amount: '1', unit: 't', from: 'make-a' }] },
    ]);
    expect(checkModel(loop, 'iso-14067').map((f) => [f.rule, f.code, f.severity])).toEqual([['compute', 'singular_system', 'error']]);
  });
  it('does not mutate the document', () => {
    const document = smelter();
    const before = JSON.stringify(document);
    checkModel(document, 'gb-t-44905-aluminium');
    expect(JSON.stringify(document)).toBe(before);
  });
});
