import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { structuralDifference } from '../../test/helpers.js';
import { parseModelText } from '../io/parseModelText.js';
import { readPlainDocument } from './plainDocument.js';
import { modelSchema } from './schema.js';
import { isParsedModel } from './toModel.js';

// The quick reading must give exactly zod's answer: for a plain document, a Model when and only
// when modelSchema accepts it, and then the same Model.

function expectSameReading(document: unknown): boolean {
  const quick = readPlainDocument(document);
  const careful = modelSchema.safeParse(document);
  expect(quick !== undefined).toBe(careful.success);
  if (quick !== undefined && careful.success) {
    expect(structuralDifference(quick, careful.data, 'model')).toBeUndefined();
    expect(isParsedModel(quick)).toBe(true);
  }
  return careful.success;
}

// Each field: mostly values the schema accepts, now and then one it refuses (weight 1 in 25), so
// that about a quarter of the documents are valid and the rest fail in one or two places.
function field<T>(valid: fc.Arbitrary<T>, invalid: readonly unknown[]): fc.Arbitrary<unknown> {
  if (invalid.length === 0) return valid;
  return fc.oneof({ arbitrary: valid, weight: 24 }, { arbitrary: fc.constantFrom(...invalid), weight: 1 });
}

function optionalField<T>(valid: fc.Arbitrary<T>, invalid: readonly unknown[]): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: field(valid, invalid), weight: 1 });
}

/** A record without the keys whose value came out undefined (absent, as in JSON). */
function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

const notText = [3, null, true, [], {}];
const name = field(fc.constantFrom('p1', 'f1', 'alumina', 'electricity', 'scrap', 'x y'), ['', ...notText]);
const amount = field(fc.constantFrom('1350000', '0.42', '0', 12, 0, 2.5, '1e3', '00012.50', 1e-30), [
  '-1',
  -2,
  'abc',
  '',
  Number.NaN,
  Number.POSITIVE_INFINITY,
  1e30,
  '1e40',
  { activity: 'ledger.electricity' },
  null,
]);
const unit = field(fc.constantFrom('t', 'MWh', 'kg', 'kWh', '10^4 Nm3', 'GJ'), ['bogus', '', 5, 't CO2/']);
const quantityText = field(fc.constantFrom('18000 CNY/t', '0.52 t/t', '52 %', 3, '1 kg'), ['-1 t', 'x y z', null, {}, Number.NaN]);
const share = field(fc.constantFrom('0.6', 0.4, '60 %', '40 %', 1), ['2 t', -0.1, 'abc', null]);
const extraKey = fc.oneof({ arbitrary: fc.constant(undefined), weight: 30 }, { arbitrary: fc.constantFrom('colour', '__proto__', 'Flow'), weight: 1 });

function withExtra(record: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<unknown> {
  return fc.tuple(record, extraKey).map(([value, extra]) => {
    const result = compact(value);
    if (extra !== undefined) Object.defineProperty(result, extra, { value: 1, enumerable: true, writable: true, configurable: true });
    return result;
  });
}

const output = withExtra(
  fc.record({
    flow: name,
    amount,
    unit,
    waste: optionalField(fc.boolean(), ['yes', 1]),
    to: optionalField(fc.constantFrom('treatment'), ['']),
    substitutes: optionalField(fc.constantFrom('cn/avoided', { from: 'p2' }), ['', { from: '' }, { from: 'p2', extra: 1 }, 3]),
    price: optionalField(quantityText, []),
    properties: optionalField(fc.dictionary(fc.constantFrom('zinc-content', 'constructor', 'toString'), quantityText, { maxKeys: 2 }), [[], 'x', { '': '1 t' }]),
  }),
);

const input = withExtra(
  fc.record({
    flow: name,
    amount,
    unit,
    from: optionalField(fc.constantFrom('p0', 'p1'), ['']),
    factor: optionalField(fc.constantFrom('cn-mee/grid', 'bench/coal'), ['', 4]),
    vintage: optionalField(fc.constantFrom(2023, '2023', '2024-06-30'), ['23', '2025-02-30', 2023.5, Number.NaN, true]),
    recycled: optionalField(fc.constantFrom(true, false, 'pre-consumer', 'post-consumer'), ['yes', 'pre']),
    category: optionalField(fc.constantFrom('electricity', 'materials', 'fuel-combustion'), ['power', '']),
    instrument: optionalField(fc.constantFrom('green-certificate', 'direct-ppa'), ['ppa']),
    locationFactor: optionalField(fc.constantFrom('cn-mee/grid'), ['']),
  }),
);

const declaredEmission = withExtra(
  fc.record({
    gas: field(fc.constantFrom('CO2', 'CH4', 'N2O', 'CF4', 'C2F6', 'SF6'), ['co2', 'CO2e', '']),
    amount,
    unit: field(fc.constantFrom('t', 'kg', 't CO2'), ['MWh', 't CH4', 'bogus']),
    category: field(fc.constantFrom('process', 'pfc', 'anode', 'fuel-combustion'), ['scope1', undefined]),
    label: optionalField(fc.constantFrom('stack', ''), [4]),
  }),
);

const methodEmission = withExtra(
  fc.record({
    method: field(fc.constantFrom('ipcc-2006/aluminium/prebake-anode-co2'), ['']),
    with: optionalField(fc.dictionary(fc.constantFrom('production', 'netAnodeConsumption'), fc.constantFrom('1 t', 3, null, { nested: true }), { maxKeys: 2 }), [
      [],
      'x',
      { '': 1 },
    ]),
  }),
);

const allocation = field(
  fc.constantFrom(
    'mass',
    'economic',
    { method: 'mass' },
    { method: 'economic' },
    { method: 'physical', property: 'zinc-content' },
    { physical: 'zinc-content' },
    { method: 'manual', shares: { f1: '0.6', f2: '40 %' } },
    { manual: { f1: 0.5, f2: 0.5 } },
  ),
  ['physical', { method: 'physical' }, { method: 'mass', property: 'x' }, { method: 'other' }, { manual: { '': 1 } }, { manual: { f1: 'x' } }, { physical: '' }, [], null],
);

// Manual shares drawn value by value, valid and not, beside the fixed allocations above.
const manualAllocation = fc
  .tuple(share, share, fc.boolean())
  .map(([f1, f2, long]) => (long ? { method: 'manual', shares: compact({ f1, f2 }) } : { manual: compact({ f1, f2 }) }));

const processRecord = withExtra(
  fc.record({
    id: name,
    name: optionalField(fc.constantFrom('Electrolysis', ''), [7]),
    outputs: field(fc.array(output, { minLength: 1, maxLength: 3 }), [[], 'f1', {}]),
    inputs: optionalField(fc.array(input, { maxLength: 4 }), ['x', {}]),
    emissions: optionalField(fc.array(fc.oneof(declaredEmission, methodEmission), { maxLength: 3 }), [{}, 'x']),
    allocation: optionalField(fc.oneof(allocation, manualAllocation), []),
  }),
);

const factor = field(
  fc.constantFrom(
    { id: 'supplier/x', value: '2.1', unit: 't CO2e/t', gwp: 'AR5', source: { title: 'Supplier X declaration 2025' } },
    { id: 'bench/grid', value: '0.5366', unit: 't CO2/MWh', category: 'electricity', source: { title: 'Benchmark grid factor' } },
  ),
  [{ id: 'supplier/x', value: '2.1', unit: 't CO2e/t', source: { title: 'No GWP basis' } }, { id: '', value: '1', unit: 't CO2/t', source: { title: 't' } }, 'f'],
);

const documentArbitrary = withExtra(
  fc.record({
    $schema: optionalField(fc.constantFrom('https://example.org/model.schema.json'), [1]),
    smeltprint: field(fc.constant(1), [2, '1', undefined]),
    id: name,
    name: optionalField(fc.constantFrom('Plant', ''), [null]),
    description: optionalField(fc.constantFrom('Text'), [{}]),
    company: optionalField(fc.constantFrom({ name: 'Co' }, { name: 'Co', ids: ['urn:x'] }), [{ name: '' }, { name: 'Co', ids: [''] }, { name: 'Co', x: 1 }, 'Co']),
    period: field(fc.constantFrom({ start: '2025-01-01', end: '2025-12-31' }, { start: '2024-02-29', end: '2024-02-29' }), [
      { start: '2025-12-31', end: '2025-01-01' },
      { start: '2025-02-30', end: '2025-12-31' },
      { start: '2025-01-01' },
      '2025',
    ]),
    region: optionalField(fc.constantFrom('CN', 'CN-NM'), ['cn', 'China', 3]),
    gwp: optionalField(fc.constantFrom('AR5', 'AR6', 'SAR', 'AR4', 'AR5-feedback'), ['AR7', 5]),
    factors: optionalField(fc.array(factor, { maxLength: 2 }), ['x']),
    declaredUnits: optionalField(fc.dictionary(fc.constantFrom('f1', 'aluminium-ingot'), quantityText, { maxKeys: 2 }), [[], { '': '1 kg' }]),
    processes: field(fc.array(processRecord, { minLength: 1, maxLength: 4 }), [[], {}]),
  }),
);

describe('readPlainDocument', () => {
  it('gives modelSchema’s answer, and its Model, on random documents valid and not', () => {
    let valid = 0;
    fc.assert(
      fc.property(documentArbitrary, (document) => {
        if (expectSameReading(document)) valid++;
      }),
      { numRuns: 1500, seed: 20261202 },
    );
    // The property is only as good as its valid cases: a good share of the documents must pass.
    expect(valid).toBeGreaterThan(150);
  });

  it('gives modelSchema’s answer on every example and fixture model', () => {
    const files = [
      ...readdirSync('examples').map((file) => join('examples', file)),
      ...readdirSync('test/fixtures/models').map((file) => join('test/fixtures/models', file)),
      ...readdirSync('test/fixtures/cli').map((file) => join('test/fixtures/cli', file)),
    ].filter((file) => /\.(ya?ml|json)$/.test(file));
    expect(files.length).toBeGreaterThan(8);
    const results = files.map((file) => expectSameReading(parseModelText(readFileSync(file, 'utf8'), 'auto', file)));
    // Every example is valid; the fixtures include the invalid document the CLI tests use.
    expect(results.filter(Boolean).length).toBeGreaterThanOrEqual(files.length - 1);
  });

  it('leaves to zod what is not plain data, an unfilled amount, and values only toModel can read', () => {
    const base = { smeltprint: 1, id: 'm', period: { start: '2025-01-01', end: '2025-12-31' } };
    const outputs = [{ flow: 'f', amount: '1', unit: 't' }];
    class Mapping {
      constructor(readonly flow: string) {}
    }
    // zod accepts an instance of a class as an object; the quick reading does not vouch for it.
    expect(readPlainDocument({ ...base, processes: [{ id: 'p', outputs: [Object.assign(new Mapping('f'), { amount: '1', unit: 't' })] }] })).toBeUndefined();
    expect(readPlainDocument({ ...base, processes: [{ id: 'p', outputs: [{ flow: 'f', amount: { activity: 'ledger.output' }, unit: 't' }] }] })).toBeUndefined();
    expect(readPlainDocument({ ...base, processes: [{ id: 'p', outputs: [{ flow: 'f', amount: '1', unit: 'parsec' }] }] })).toBeUndefined();
    expect(readPlainDocument({ ...base, processes: [{ id: 'p', outputs, emissions: [{ gas: 'CH4', amount: '1', unit: 't CO2', category: 'process' }] }] })).toBeUndefined();
    expect(readPlainDocument({ ...base, processes: [{ id: 'p', outputs }] })?.gwp).toBe('AR6');
    expect(readPlainDocument(null)).toBeUndefined();
    expect(readPlainDocument([base])).toBeUndefined();
  });
});
