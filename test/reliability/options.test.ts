import { describe, expect, it } from 'vitest';
import { computeFootprints, computeScope2Comparison, withWarnings } from '../../src/compute/computeFootprints.js';
import { demoModelDocument } from '../../src/demo/index.js';
import { footprintJsonText, footprintToJson } from '../../src/report/json.js';
import { keyProductReport } from '../../src/report/keyproduct/index.js';
import { pactFromModel, pactFromModelAll, toPact } from '../../src/report/pact/index.js';
import { footprintTable } from '../../src/report/table.js';
import { checkModel } from '../../src/rulebooks/checkModel.js';
import { propagateAnalytic } from '../../src/uncertainty/propagateAnalytic.js';
import { simulate } from '../../src/uncertainty/simulate.js';
import { META } from '../report/pactFixtures.js';
import { toAudit } from '../../src/report/audit/toAudit.js';
import { activityPeriodsOf } from '../../src/activity/activityPeriods.js';
import { monthlyFootprints } from '../../src/activity/monthlyFootprints.js';
import { Decimal, toDecimal } from '../../src/decimal/decimal.js';
import { parseQuantity } from '../../src/quantity/index.js';
import { cellReference } from '../../src/report/cbam/xlsxWorkbook.js';

// Options as JavaScript callers pass them: null means "none"; a misspelt key or a value of the
// wrong kind is an InvalidOptionError (code invalid_option) saying what is expected — never
// ignored (the result would not be the one asked for) and never a TypeError.
const document = demoModelDocument();
const result = computeFootprints(document, { gwp: 'AR6' });

function refused(call: () => unknown, text: string): void {
  expect(call).toThrow(expect.objectContaining({ code: 'invalid_option', message: expect.stringContaining(text) }));
}

describe('computeFootprints options', () => {
  it('null is no options', () => {
    expect(computeFootprints(document, null as never).products.map((p) => p.total.toFixed())).toEqual(computeFootprints(document).products.map((p) => p.total.toFixed()));
    expect(Object.keys(computeScope2Comparison(document, null as never))).toEqual(['location', 'market']);
  });

  it('refuses misspelt keys, suggesting the right one', () => {
    refused(() => computeFootprints(document, { byprocess: false } as never), 'has no option "byprocess"; did you mean "byProcess"?');
    refused(() => computeFootprints(document, { GWP: 'AR5' } as never), 'has no option "GWP"');
    refused(() => computeScope2Comparison(document, { scope2: 'location' } as never), 'computeScope2Comparison has no option "scope2"');
  });

  it('refuses values of the wrong kind (a misspelt scope2 was printed as "locaton-based" over market figures)', () => {
    refused(() => computeFootprints(document, { scope2: 'locaton' } as never), 'scope2 is "market" or "location"');
    refused(() => computeFootprints(document, { gwp: 'AR7' } as never), 'gwp is one of');
    for (const per of [1, Number.NaN, { amount: '1', unit: 'kg' }]) refused(() => computeFootprints(document, { per } as never), 'per is a declared unit');
    refused(() => computeFootprints(document, { factors: [] } as never), 'factors is a factor registry');
    refused(() => computeFootprints(document, { methods: {} } as never), 'methods is a method registry');
    refused(() => computeFootprints(document, { byProcess: 'yes' } as never), 'byProcess is true, false or "auto"');
    refused(() => computeFootprints(document, 'AR5' as never), 'takes an options object');
  });
});

describe('options of the other entry points', () => {
  it('null is no options for renderers and reports', () => {
    expect(footprintJsonText(result, null as never)).toBe(footprintJsonText(result));
    expect(footprintToJson(result, null as never)).toEqual(footprintToJson(result));
    expect(footprintTable(result, null as never)).toBe(footprintTable(result));
    expect(keyProductReport(result, null as never).lang).toBe('zh');
    expect(checkModel(document, 'gb-t-44905-aluminium', null as never)).toEqual(checkModel(document, 'gb-t-44905-aluminium'));
    expect(pactFromModel(document, 'aluminium-ingot', META, null as never).id).toBe(pactFromModel(document, 'aluminium-ingot', META).id);
  });

  it('refuse unknown keys', () => {
    refused(() => checkModel(document, 'gb-t-44905-aluminium', { product: 'nope' } as never), 'checkModel has no option "product"');
    refused(() => keyProductReport(result, { language: 'en' } as never), 'keyProductReport has no option "language"');
    refused(() => toPact(result, 'aluminium-ingot', META, { versoin: '2.3' } as never), 'did you mean "version"?');
  });

  it('PACT: a version other than 3.0 or 2.3 is named (it took the v2.3 branch and asked for a CPC code)', () => {
    refused(() => pactFromModel(document, 'aluminium-ingot', META, { version: '3' } as never), 'version is "3.0" or "2.3", not "3"');
    refused(() => pactFromModelAll(document, META, { flows: 'aluminium-ingot' } as never), 'flows is a list');
    refused(() => pactFromModelAll(document, META, { flows: ['aluminium-ingot', 'aluminium-ingot'] }), 'lists "aluminium-ingot" twice');
  });

  it('uncertainty: digits from 1 to 34, and distributions written as plain data are read and checked', () => {
    for (const digits of [0, -3, 2.5, Number.NaN, 40]) refused(() => propagateAnalytic(document, { digits }), 'digits is a whole number');
    expect(() => propagateAnalytic(document, { uncertainty: { 'processes[0].emissions[0]': { distribution: 'gauss' } } as never })).toThrow(
      expect.objectContaining({ code: 'model_invalid', message: expect.stringContaining('uncertainty map is invalid') }),
    );
    expect(() => simulate(document, undefined as never)).toThrow(expect.objectContaining({ code: 'invalid_number', message: expect.stringContaining('runs') }));
    // 32 bits of seed are read: 2^32 + 1 would give seed 1's stream
    for (const seed of [2 ** 32 + 1, 2 ** 31, -(2 ** 31) - 1]) {
      expect(() => simulate(document, { runs: 10, seed })).toThrow(expect.objectContaining({ code: 'invalid_number', message: expect.stringContaining('seed must be an integer from') }));
    }
  });
});

describe('values that would hang or exhaust memory', () => {
  it('toDecimal refuses exponents past ±100000 (1e-9999999999 printed as ten billion zeros)', () => {
    for (const text of ['1e-9999999999', '1e100001', '-5e-100001']) {
      expect(() => toDecimal(text)).toThrow(expect.objectContaining({ code: 'invalid_number', message: expect.stringContaining('outside the range') }));
    }
    expect(toDecimal('1e-100000').e).toBe(-100000);
    expect(() => parseQuantity('1e-9999999999 t')).toThrow(expect.objectContaining({ code: 'invalid_number' }));
  });

  it('cellReference refuses cells outside a sheet (an Infinity column looped without end)', () => {
    expect(cellReference(0, 0)).toBe('A1');
    expect(cellReference(1_048_575, 16_383)).toBe('XFD1048576');
    for (const [row, column] of [[0, Infinity], [0, 16_384], [-1, 0], [0.5, 0], [Number.NaN, 0]] as const) {
      expect(() => cellReference(row, column)).toThrow(expect.objectContaining({ code: 'invalid_option' }));
    }
  });
});

describe('renderers take results, not their JSON', () => {
  it('a result read back from JSON is refused with what to pass (it failed inside as a TypeError)', () => {
    const cached = JSON.parse(JSON.stringify(footprintToJson(result)));
    const calls: (() => unknown)[] = [
      () => footprintToJson(cached),
      () => footprintJsonText(cached),
      () => footprintTable(cached),
      () => keyProductReport(cached),
      () => toPact(cached, 'aluminium-ingot', META),
      () => toAudit(cached, { document }),
      () => footprintTable(undefined as never),
    ];
    for (const call of calls) refused(call, 'takes a result of computeFootprints');
  });
});

describe('second review of the argument checks', () => {
  it('an option set to null is one not given, in every function that checks options', () => {
    expect(keyProductReport(result, { stages: null, metal: null, lang: 'en' } as never).lang).toBe('en');
    expect(computeFootprints(document, { gwp: null } as never).gwp).toBe(computeFootprints(document).gwp);
  });

  it('activityPeriods must be what activityPeriodsOf gives; activityPeriodsOf names the fill result mistake', () => {
    for (const activityPeriods of [{}, 5, []]) refused(() => computeFootprints(document, { activityPeriods } as never), 'activityPeriods is what activityPeriodsOf');
    refused(() => activityPeriodsOf({ document: {}, report: { series: [] } } as never), 'result.report');
  });

  it('uncertainty: a "__proto__" key is an unknown key like any other (it was dropped), and an extreme Decimal is refused, not printed', () => {
    expect(() => propagateAnalytic(document, { uncertainty: JSON.parse('{"__proto__":{"distribution":"range","percent":"5"}}') })).toThrow(
      expect.objectContaining({ code: 'unresolved_reference' }),
    );
    expect(() => propagateAnalytic(document, { uncertainty: { 'processes[0].emissions[0]': { distribution: 'range', percent: new Decimal('1e-999999999') } } })).toThrow(
      expect.objectContaining({ code: 'model_invalid', message: expect.stringContaining('.percent: "1e-999999999" is outside the range') }),
    );
  });

  it('uncertainty written as plain text gives the figures the Decimal form gives', () => {
    const key = 'processes[0].emissions[0]';
    const asText = propagateAnalytic(document, { uncertainty: { [key]: { distribution: 'range', percent: '5' } } as never });
    const asDecimal = propagateAnalytic(document, { uncertainty: { [key]: { distribution: 'range', percent: new Decimal(5) } } });
    expect(asText.products.map((p) => p.sd.toFixed())).toEqual(asDecimal.products.map((p) => p.sd.toFixed()));
    expect(asText.terms).toHaveLength(1);
  });

  it('monthlyFootprints takes null options; checkModel a result read back from JSON is refused', () => {
    expect(monthlyFootprints(document, undefined, null as never).months).toHaveLength(12);
    refused(() => checkModel(document, 'gb-t-44905-aluminium', { result: JSON.parse(footprintJsonText(result)) }), 'takes a result of computeFootprints');
  });

  it('a result made from another with Object.create renders as before', () => {
    expect(footprintTable(Object.create(result) as typeof result)).toBe(footprintTable(result));
  });
});

describe('withWarnings and toAudit arguments', () => {
  it('withWarnings checks its arguments and its view spreads as the result does', () => {
    refused(() => withWarnings(result, null as never), 'withWarnings takes a list of issues');
    refused(() => withWarnings(result, 'oops' as never), 'withWarnings takes a list of issues');
    refused(() => withWarnings(result, [{}] as never), 'withWarnings takes a list of issues');
    refused(() => withWarnings(null as never, []), 'takes a result of computeFootprints');
    const warning = { code: 'activity_gap', path: ['processes', 0], message: 'no rows for February', severity: 'warning' as const };
    const view = withWarnings(result, [warning]);
    expect(Object.keys({ ...view })).toEqual(Object.keys({ ...result }));
    expect(view.warnings.at(-1)).toEqual(warning);
    expect(footprintTable(view)).toContain('no rows for February');
  });

  it('toAudit takes null options values as absent', () => {
    expect(toAudit(result, { document, files: null, flows: null } as never).digests.files).toBeUndefined();
  });
});
