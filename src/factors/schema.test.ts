import { describe, expect, it } from 'vitest';
import { ModelValidationError } from '../core/errors.js';
import type { Issue } from '../core/issues.js';
import gridFixture from './__fixtures__/grid.json' with { type: 'json' };
import { issuesFromZod } from './issuesFromZod.js';
import { loadDataset } from './loadDataset.js';
import { datasetFileSchema, factorRowSchema, modelFactorSchema } from './schema.js';
import { modelFactorToRecord, toFactorRecord } from './toFactorRecord.js';

function issuesOfDataset(raw: unknown): readonly Issue[] {
  try {
    loadDataset(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelValidationError);
    return (error as ModelValidationError).issues;
  }
  throw new Error('expected loadDataset to throw');
}

function issuesOfModelFactor(raw: unknown): readonly Issue[] {
  const result = modelFactorSchema.safeParse(raw);
  expect(result.success).toBe(false);
  return result.success ? [] : issuesFromZod(result.error, ['factors', 0]);
}

const header = { dataset: 'test/ds', title: 'Test dataset', confidence: 'V-doc' } as const;
const goodRow = { id: 'test/ds/a', value: '0.5', unit: 't CO2/MWh' } as const;

describe('loadDataset', () => {
  it('loads the fixture: header provenance inherited, row table refines it, gas from the unit', () => {
    const records = loadDataset(gridFixture);
    expect(records).toHaveLength(6);
    const first = records[0];
    expect(first?.id).toBe('fixture/grid/national/2021');
    // standards.md §2.5: 2021 national average 0.5568 t CO2/MWh
    expect(first?.value.toFixed()).toBe('0.5568');
    expect(first?.unit.symbol).toBeDefined();
    expect(first?.gas).toBe('CO2');
    expect(first?.source).toEqual({
      title: 'Test fixture: China grid emission factors transcribed in shared/reference/standards.md §2.5',
      publisher: 'MEE/NBS',
      edition: 'test fixture',
      year: 2024,
      table: 'MEE/NBS announcement 2024 No. 12',
    });
    expect(first?.confidence).toBe('V-doc');
    expect(first?.dataset).toBe('fixture/grid');
    expect(records[4]?.confidence).toBe('V-3p'); // row confidence wins over the header's
    // A JSON number is read through its decimal text: 0.5306 exactly.
    expect(records[2]?.value.toFixed()).toBe('0.5306');
    expect(records[2]?.uncertainty).toEqual({ distribution: 'range', percent: expect.anything() });
    expect(records[3]?.covers).toEqual(['CN-BJ', 'CN-HE', 'CN-NM', 'CN-SD', 'CN-SX', 'CN-TJ']);
    const fluoride = records[5];
    expect(fluoride?.gas).toBe('CO2e');
    expect(fluoride?.gwp).toBe('AR5');
    expect(Object.isFrozen(records)).toBe(true);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('does not mutate its input', () => {
    const raw = structuredClone(gridFixture);
    loadDataset(raw);
    expect(raw).toEqual(gridFixture);
  });

  it('collects every issue with its path before failing', () => {
    const issues = issuesOfDataset({
      ...header,
      factors: [
        { ...goodRow, unit: 't CO2/furlong' },
        { ...goodRow, id: 'test/ds/b', value: 'abc', valid: { from: '2023-02-30', to: '2023-12-31' } },
        { ...goodRow, id: 'test/ds/c', unit: 't CO2e/t' },
        { ...goodRow, id: 'test/ds/d', valid: { from: '2024-01-01', to: '2023-12-31' } },
        { ...goodRow, id: 'test/ds/a' },
      ],
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path.join('.'), i.code]));
    expect(byPath).toEqual({
      'factors.0.unit': 'unit_parse',
      'factors.1.value': 'invalid_number',
      'factors.1.valid.from': 'invalid_date',
      'factors.2.gwp': 'gwp_required',
      'factors.3.valid.to': 'invalid_interval',
      'factors.4.id': 'duplicate_id',
    });
    expect(issues.find((i) => i.code === 'duplicate_id')?.message).toMatch(/also factors\[0\]/);
  });

  it('names the dataset in the error message and rejects unknown keys (typos are not ignored)', () => {
    let caught: unknown;
    try {
      loadDataset({ ...header, factors: [{ ...goodRow, vaild: { from: '2023-01-01', to: '2023-12-31' } }] });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ModelValidationError);
    expect((caught as ModelValidationError).message).toMatch(/dataset "test\/ds"/);
    expect((caught as ModelValidationError).issues[0]?.code).toBe('unrecognized_keys');
    expect((caught as ModelValidationError).issues[0]?.path).toEqual(['factors', 0]);
  });

  it('requires a header title and confidence, and at least one factor', () => {
    const issues = issuesOfDataset({ dataset: 'test/ds', factors: [] });
    expect(issues.map((i) => i.path.join('.')).sort()).toEqual(['confidence', 'factors', 'title']);
  });

  it('rejects negative values, values outside 1e-30..1e24, gwp on a per-gas factor, bad regions and family/id clashes', () => {
    const issues = issuesOfDataset({
      ...header,
      factors: [
        { ...goodRow, value: '-0.1' },
        { ...goodRow, id: 'test/ds/b', value: '1e400' },
        { ...goodRow, id: 'test/ds/c', gwp: 'AR5' },
        { ...goodRow, id: 'test/ds/d', region: 'Inner Mongolia' },
        { ...goodRow, id: 'test/ds/e', families: ['test/ds/a'] },
      ],
    });
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['factors.0.value', 'negative_value'],
      ['factors.1.value', 'invalid_number'],
      ['factors.2.gwp', 'gwp_not_applicable'],
      ['factors.3.region', 'invalid_format'],
      ['factors.4.families.0', 'family_id_clash'],
    ]);
  });
});

describe('modelFactorSchema', () => {
  const modelFactor = { id: 'supplier-x/aluminium-fluoride', value: '2.1', unit: 't CO2e/t', gwp: 'AR5', source: { title: 'Supplier X declaration 2025' } };

  it('accepts the DESIGN.md example and defaults confidence to declared', () => {
    const parsed = modelFactorSchema.parse(modelFactor);
    const record = modelFactorToRecord(parsed, ['factors', 0]);
    expect(record.confidence).toBe('declared');
    expect(record.source).toEqual({ title: 'Supplier X declaration 2025' });
    expect(record.gas).toBe('CO2e');
    expect(record.dataset).toBeUndefined();
  });

  it('a model factor without a source is an issue at its path', () => {
    const { source: _omitted, ...withoutSource } = modelFactor;
    const issues = issuesOfModelFactor(withoutSource);
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([['factors.0.source', 'invalid_type']]);
  });

  it('a source without a title is an issue at source.title', () => {
    const issues = issuesOfModelFactor({ ...modelFactor, source: { publisher: 'Supplier X' } });
    expect(issues.map((i) => i.path.join('.'))).toEqual(['factors.0.source.title']);
  });

  it('a CO2e model factor without gwp is an issue at gwp', () => {
    const { gwp: _omitted, ...withoutGwp } = modelFactor;
    const issues = issuesOfModelFactor(withoutGwp);
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([['factors.0.gwp', 'gwp_required']]);
    expect(issues[0]?.message).toMatch(/GWP set/);
  });

  it('a bad unit is an issue at unit carrying the unit parser message', () => {
    const issues = issuesOfModelFactor({ ...modelFactor, unit: 't CO2e per tonne' });
    expect(issues.map((i) => [i.path.join('.'), i.code])).toEqual([['factors.0.unit', 'unit_parse']]);
  });

  it('dataset rows may not carry a source of their own (they inherit the header)', () => {
    expect(factorRowSchema.safeParse({ ...goodRow, source: { title: 'x' } }).success).toBe(false);
  });
});

describe('toFactorRecord', () => {
  it('refuses to build a record without a source title, naming the path', () => {
    expect(() => toFactorRecord(goodRow, { confidence: 'R', path: ['factors', 2] })).toThrow(/factors\[2\]\.source\.title/);
  });

  it('row table/equation/efdbId/url refine the inherited source', () => {
    const record = toFactorRecord(
      { ...goodRow, table: 'Table 4.10', equation: 'Eq. 4.20', efdbId: '123', url: 'https://example.org/row' },
      { source: { title: 'Header', url: 'https://example.org/header', table: 'ignored' }, confidence: 'V-EFDB' },
    );
    expect(record.source).toEqual({ title: 'Header', url: 'https://example.org/row', table: 'Table 4.10', equation: 'Eq. 4.20', efdbId: '123' });
  });

  it('derives no gas for parameters (GJ/t, carbon mass t C/t)', () => {
    const ncv = toFactorRecord({ ...goodRow, unit: 'GJ/t' }, { source: { title: 'x' }, confidence: 'R' });
    const carbon = toFactorRecord({ ...goodRow, unit: 't C/t' }, { source: { title: 'x' }, confidence: 'R' });
    expect(ncv.gas).toBeUndefined();
    expect(carbon.gas).toBeUndefined();
    const pfc = toFactorRecord({ ...goodRow, unit: '(kg CF4/t)/(AE-min/cell-day)' }, { source: { title: 'x' }, confidence: 'R' });
    expect(pfc.gas).toBe('CF4');
  });
});

describe('JSON Schema for integrators', () => {
  it('the schemas convert with z.toJSONSchema (no transforms inside)', async () => {
    const { z } = await import('zod');
    const schema = z.toJSONSchema(modelFactorSchema) as { required?: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'value', 'unit', 'source']));
    expect(() => z.toJSONSchema(datasetFileSchema)).not.toThrow();
  });
});
