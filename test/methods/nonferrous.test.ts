import { describe, expect, it } from 'vitest';
import { MethodNotApplicableError, MethodParameterError } from '../../src/core/errors.js';
import { Decimal } from '../../src/decimal/decimal.js';
import { builtinFactorRegistry } from '../../src/factors/datasets/index.js';
import { quantity } from '../../src/quantity/index.js';
import { testContext } from '../../src/methods/__fixtures__/context.js';
import { defaultMethodRegistry } from '../../src/methods/builtins.js';
import { NONFERROUS_METHODS } from '../../src/methods/nonferrous.js';
import { evaluateMethod } from '../../src/methods/registry.js';
import type { MethodContext, MethodResult } from '../../src/methods/types.js';

// Hand computations for the copper, lead and zinc methods of issue 4. Every expected number is
// either a published factor (standards.md §1.6, §1.7, §2.3, §5) or arithmetic shown beside it.

const registry = defaultMethodRegistry();
const d = (text: string | number): Decimal => new Decimal(text);
const context = (overrides: Partial<MethodContext> = {}): MethodContext =>
  testContext({ processId: 'smelter', production: quantity('100000', 't'), ...overrides });
const run = (id: string, params: unknown, ctx = context()): MethodResult => evaluateMethod(registry, id, params, ctx);
const co2 = (result: MethodResult): string =>
  result.emissions.filter((e) => e.gas === 'CO2').reduce((acc, e) => acc.plus(e.amount), d(0)).toFixed();

describe('registry', () => {
  it('registers the six methods under the ids of the issue', () => {
    expect(NONFERROUS_METHODS.map((m) => m.id)).toEqual([
      'ipcc-2006/lead/tier1',
      'ipcc-2006/zinc/tier1',
      'carbon-mass-balance',
      'cn-ndrc-2015/reductant',
      'cn-ndrc-2015/carbonate',
      'cn-ndrc-2015/oxalic-acid',
    ]);
    for (const method of NONFERROUS_METHODS) expect(registry.has(method.id)).toBe(true);
  });
});

describe('IPCC 2006 Table 4.21 and Table 4.24 in the built-in dataset', () => {
  const factors = builtinFactorRegistry();
  const value = (id: string): string => {
    const record = factors.get(id);
    if (record === undefined) throw new Error(`no factor ${id}`);
    return record.value.toFixed();
  };
  it('lead: ISF 0.59, DS 0.25, secondary 0.20, default 0.52 (EFDB 214156–214159)', () => {
    expect(['isf', 'direct-smelting', 'secondary', 'default'].map((f) => value(`ipcc-2006/lead/tier1/${f}`))).toEqual(['0.59', '0.25', '0.2', '0.52']);
    expect(factors.get('ipcc-2006/lead/tier1/isf')?.source.efdbId).toBe('214156');
  });
  it('zinc: Waelz kiln 3.66, ISF 0.43, default 1.72 (EFDB 214160–214162); no electro-thermic factor', () => {
    expect(['waelz-kiln', 'isf', 'default'].map((p) => value(`ipcc-2006/zinc/tier1/${p}`))).toEqual(['3.66', '0.43', '1.72']);
    expect(factors.has('ipcc-2006/zinc/tier1/electro-thermic')).toBe(false);
  });
  it('the published defaults are the stated compositions, rounded to two places (standards.md §5 items 1, 2)', () => {
    // Lead: 80 % ISF + 20 % DS = 0.8 × 0.59 + 0.2 × 0.25 = 0.472 + 0.05 = 0.522 → 0.52
    const lead = d('0.8').times(value('ipcc-2006/lead/tier1/isf')).plus(d('0.2').times(value('ipcc-2006/lead/tier1/direct-smelting')));
    expect(lead.toFixed()).toBe('0.522');
    expect(lead.toDecimalPlaces(2).toFixed()).toBe(value('ipcc-2006/lead/tier1/default'));
    // Zinc: 60 % ISF + 40 % Waelz = 0.6 × 0.43 + 0.4 × 3.66 = 0.258 + 1.464 = 1.722 → 1.72
    const zinc = d('0.6').times(value('ipcc-2006/zinc/tier1/isf')).plus(d('0.4').times(value('ipcc-2006/zinc/tier1/waelz-kiln')));
    expect(zinc.toFixed()).toBe('1.722');
    expect(zinc.toDecimalPlaces(2).toFixed()).toBe(value('ipcc-2006/zinc/tier1/default'));
  });
});

describe('ipcc-2006/lead/tier1 (Eq. 4.32, Table 4.21)', () => {
  it('ISF: 0.59 × 100000 t (reference output) = 59000 t CO2', () => {
    const result = run('ipcc-2006/lead/tier1', { furnace: 'isf' });
    expect(co2(result)).toBe('59000');
    expect(result.citation).toContain('Eq. 4.32');
    expect(result.factors.map((f) => f.id)).toEqual(['ipcc-2006/lead/tier1/isf']);
    expect(result.values.find((v) => v.name === 'EF')).toMatchObject({ value: '0.59', factorId: 'ipcc-2006/lead/tier1/isf' });
  });
  it('direct smelting 0.25 × 80000 t = 20000 t; secondary 0.20 × 50000 t = 10000 t', () => {
    expect(co2(run('ipcc-2006/lead/tier1', { furnace: 'direct-smelting', production: '80000 t' }))).toBe('20000');
    expect(co2(run('ipcc-2006/lead/tier1', { furnace: 'secondary', production: '50000 t' }))).toBe('10000');
  });
  it('default furnace: 0.52 × 100000 = 52000 t, explained as the 80/20 mix', () => {
    const result = run('ipcc-2006/lead/tier1', {});
    expect(co2(result)).toBe('52000');
    expect(result.notes?.[0]).toContain('80 % ISF');
    expect(result.values.find((v) => v.name === 'production')?.origin).toBe('default');
  });
  it('production in kg: 2500000 kg = 2500 t; × 0.59 = 1475 t', () => {
    expect(co2(run('ipcc-2006/lead/tier1', { furnace: 'isf', production: '2500000 kg' }))).toBe('1475');
  });
  it('rejects an unknown furnace such as a sinter/blast furnace (no IPCC factor: map it explicitly)', () => {
    expect(() => run('ipcc-2006/lead/tier1', { furnace: 'blast-furnace' })).toThrow(MethodParameterError);
  });
});

describe('ipcc-2006/zinc/tier1 (Eqs. 4.33/4.34, Table 4.24)', () => {
  it('Waelz kiln: 3.66 × 10000 t = 36600 t', () => {
    const result = run('ipcc-2006/zinc/tier1', { process: 'waelz-kiln', production: '10000 t' });
    expect(co2(result)).toBe('36600');
    expect(result.citation).toContain('Eq. 4.34');
  });
  it('ISF: 0.43 × 100000 = 43000 t; default (Eq. 4.33): 1.72 × 100000 = 172000 t', () => {
    expect(co2(run('ipcc-2006/zinc/tier1', { process: 'isf' }))).toBe('43000');
    const result = run('ipcc-2006/zinc/tier1', {});
    expect(co2(result)).toBe('172000');
    expect(result.citation).toContain('Eq. 4.33');
  });
  it('electro-thermic: MethodNotApplicableError naming the missing IPCC factor and the alternatives', () => {
    let caught: unknown;
    try {
      run('ipcc-2006/zinc/tier1', { process: 'electro-thermic', production: '1000 t' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(MethodNotApplicableError);
    const error = caught as MethodNotApplicableError;
    expect(error.code).toBe('method_not_applicable');
    expect(error.path).toEqual(['processes', 0, 'emissions', 1, 'with', 'process']);
    expect(error.message).toContain('No data was available');
    expect(error.message).toContain('carbon-mass-balance');
  });
});

describe('carbon-mass-balance', () => {
  it('(1000 t × 85 % − 5000 t × 0.5 %) × 44/12 = (850 − 25) × 44/12 = 3025 t', () => {
    const result = run('carbon-mass-balance', {
      inputs: [{ material: 'metallurgical coke', amount: '1000 t', carbon: '85 %' }],
      outputs: [{ material: 'slag', amount: '5000 t', carbon: '0.005 fraction' }],
    });
    expect(co2(result)).toBe('3025');
    expect(result.emissions[0]?.category).toBe('process');
    expect(result.values.find((v) => v.name === 'net carbon')).toMatchObject({ value: '825', unit: 't C' });
    expect(result.values.find((v) => v.name === 'outputs[0] slag: carbon')).toMatchObject({ value: '0.5', unit: '%' });
  });
  it('several inputs, no outputs: (200 t × 84 % + 50 t × 75 %) × 44/12 = (168 + 37.5) × 44/12 = 753.5 t', () => {
    const result = run('carbon-mass-balance', {
      inputs: [
        { material: 'coke', amount: '200 t', carbon: '84 %' },
        { material: 'anthracite', amount: '50000 kg', carbon: '0.75 fraction' },
      ],
    });
    // 205.5 × 44 / 12 = 9042 / 12 = 753.5
    expect(co2(result)).toBe('753.5');
  });
  it('an exact zero balance is zero CO2, not an error', () => {
    const result = run('carbon-mass-balance', {
      inputs: [{ material: 'coke', amount: '100 t', carbon: '80 %' }],
      outputs: [{ material: 'crude zinc', amount: '8000 t', carbon: '1 %' }],
    });
    expect(co2(result)).toBe('0');
  });
  it('more carbon out than in is an error, not a credit', () => {
    const params = {
      inputs: [{ material: 'coke', amount: '100 t', carbon: '80 %' }],
      outputs: [{ material: 'Waelz oxide', amount: '10000 t', carbon: '1 %' }],
    };
    // in 80 t C, out 100 t C: 20 t C short
    expect(() => run('carbon-mass-balance', params)).toThrow(MethodParameterError);
    expect(() => run('carbon-mass-balance', params)).toThrow(/exceeds the carbon entering in inputs \(80 t C\) by 20 t C/);
  });
  it('carbon content must state its unit: a bare 85 is rejected (85 % or 0.85?)', () => {
    expect(() => run('carbon-mass-balance', { inputs: [{ material: 'coke', amount: '1000 t', carbon: 85 }] })).toThrow(MethodParameterError);
    expect(() => run('carbon-mass-balance', { inputs: [{ material: 'coke', amount: '1000 t', carbon: '120 %' }] })).toThrow(MethodParameterError);
  });
  it('needs a material name and at least one input', () => {
    expect(() => run('carbon-mass-balance', { inputs: [{ amount: '1000 t', carbon: '85 %' }] })).toThrow(MethodParameterError);
    expect(() => run('carbon-mass-balance', { inputs: [] })).toThrow(MethodParameterError);
    expect(() => run('carbon-mass-balance', {})).toThrow(MethodParameterError);
  });
  it('reports under another category when asked', () => {
    const result = run('carbon-mass-balance', { inputs: [{ material: 'coke', amount: '12 t', carbon: '100 %' }], category: 'fuel-combustion' });
    expect(co2(result)).toBe('44');
    expect(result.emissions[0]?.category).toBe('fuel-combustion');
  });
});

describe('cn-ndrc-2015/reductant (standards.md §2.3)', () => {
  it('coke: 1000 t × 2.862 = 2862 t', () => {
    const result = run('cn-ndrc-2015/reductant', { reductant: 'coke', amount: '1000 t' });
    expect(co2(result)).toBe('2862');
    expect(result.factors[0]).toMatchObject({ id: 'cn-ndrc-2015/reductant/coke', confidence: 'V-3p' });
    expect(result.values.find((v) => v.name === 'EF')?.source).toContain('unverified');
    expect(result.notes?.[0]).toContain('unverified');
  });
  it('semi-coke 2.853 and anthracite 1.924 per t: 500 t → 1426.5 t and 962 t', () => {
    expect(co2(run('cn-ndrc-2015/reductant', { reductant: 'semi-coke', amount: '500 t' }))).toBe('1426.5');
    expect(co2(run('cn-ndrc-2015/reductant', { reductant: 'anthracite', amount: '500 t' }))).toBe('962');
  });
  it('natural gas per 10^4 Nm3: 120 × 21.622 = 2594.64 t; 1200000 Nm3 is the same 120 × 10^4 Nm3', () => {
    expect(co2(run('cn-ndrc-2015/reductant', { reductant: 'natural-gas', amount: '120 10^4 Nm3' }))).toBe('2594.64');
    expect(co2(run('cn-ndrc-2015/reductant', { reductant: 'natural-gas', amount: '1200000 Nm3' }))).toBe('2594.64');
  });
  it('the preset factors equal NCV × CC × OF × 44/12 of the NDRC 2013 table to 3–4 figures (standards.md §5 item 3)', () => {
    const derived = (ncv: string, cc: string, of: string) => d(ncv).times(cc).times(of).times(44).div(12).div(1000);
    expect(derived('28.447', '29.5', '0.93').toDecimalPlaces(3).toFixed()).toBe('2.862');
    expect(derived('20.304', '27.49', '0.94').toDecimalPlaces(3).toFixed()).toBe('1.924');
    expect(derived('389.31', '15.3', '0.99').toDecimalPlaces(3).toFixed()).toBe('21.622');
  });
  it('a solid reductant in a volume, or natural gas in t, is a parameter error', () => {
    expect(() => run('cn-ndrc-2015/reductant', { reductant: 'coke', amount: '10 10^4 Nm3' })).toThrow(MethodParameterError);
    expect(() => run('cn-ndrc-2015/reductant', { reductant: 'natural-gas', amount: '10 t' })).toThrow(MethodParameterError);
  });
});

describe('cn-ndrc-2015/carbonate (standards.md §2.3)', () => {
  it('CaCO3 without purity: 2000 t × 0.4397 = 879.4 t', () => {
    const result = run('cn-ndrc-2015/carbonate', { carbonate: 'CaCO3', amount: '2000 t' });
    expect(co2(result)).toBe('879.4');
    expect(result.emissions[0]?.category).toBe('carbonate');
    expect(result.factors[0]?.id).toBe('cn-ndrc-2015/carbonate/CaCO3');
  });
  it('CaCO3 at 90 % purity: 2000 × 0.90 × 0.4397 = 1800 × 0.4397 = 791.46 t', () => {
    expect(co2(run('cn-ndrc-2015/carbonate', { carbonate: 'CaCO3', amount: '2000 t', purity: '90 %' }))).toBe('791.46');
  });
  it('dolomite by its formula: 100 t × 0.4773 = 47.73 t; soda ash 100 t × 0.4149 = 41.49 t', () => {
    expect(co2(run('cn-ndrc-2015/carbonate', { carbonate: 'CaMg(CO3)2', amount: '100 t' }))).toBe('47.73');
    expect(co2(run('cn-ndrc-2015/carbonate', { carbonate: 'Na2CO3', amount: '100 t', purity: '1 fraction' }))).toBe('41.49');
  });
  it('rejects an unknown carbonate and a purity above 100 %', () => {
    expect(() => run('cn-ndrc-2015/carbonate', { carbonate: 'CaO', amount: '1 t' })).toThrow(MethodParameterError);
    expect(() => run('cn-ndrc-2015/carbonate', { carbonate: 'CaCO3', amount: '1 t', purity: '101 %' })).toThrow(MethodParameterError);
  });
});

describe('cn-ndrc-2015/oxalic-acid (EF = 0.349 × PUR)', () => {
  it('default purity 99.6 % from the dataset: EF = 0.349 × 0.996 = 0.347604; 100 t → 34.7604 t', () => {
    const result = run('cn-ndrc-2015/oxalic-acid', { amount: '100 t' });
    expect(co2(result)).toBe('34.7604');
    expect(result.values.find((v) => v.name === 'purity')).toMatchObject({ value: '99.6', origin: 'default', factorId: 'cn-ndrc-2015/oxalic-acid/purity' });
    expect(result.values.find((v) => v.name === 'EF (0.349 × PUR)')?.value).toBe('0.347604');
    expect(result.factors.map((f) => f.id)).toEqual(['cn-ndrc-2015/oxalic-acid/purity', 'cn-ndrc-2015/oxalic-acid/co2-per-oxalic-acid']);
  });
  it('stated purity 98 %: 50 × 0.349 × 0.98 = 17.101 t', () => {
    expect(co2(run('cn-ndrc-2015/oxalic-acid', { amount: '50 t', purity: '98 %' }))).toBe('17.101');
  });
  it('0.349 is one CO2 per mole of the dihydrate: 44.01/126.07 = 0.3491 (standards.md §2.3 [D])', () => {
    expect(d('44.01').div('126.07').toDecimalPlaces(3).toFixed()).toBe('0.349');
  });
});
