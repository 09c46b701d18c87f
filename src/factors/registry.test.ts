import { describe, expect, it } from 'vitest';
import { DatasetError } from '../core/errors.js';
import gridFixture from './__fixtures__/grid.json' with { type: 'json' };
import { gridRecord, year } from './__fixtures__/records.js';
import { BUILTIN_DATASETS, builtinFactorRecords, builtinFactorRegistry } from './datasets/index.js';
import { loadDataset } from './loadDataset.js';
import { createFactorRegistry, mergeRegistries } from './registry.js';

describe('createFactorRegistry', () => {
  const registry = createFactorRegistry(loadDataset(gridFixture));

  it('looks records up by id and knows families', () => {
    expect(registry.get('fixture/grid/national/2022')?.value.toFixed()).toBe('0.5366'); // standards.md §2.5
    expect(registry.get('fixture/grid')).toBeUndefined();
    expect(registry.has('fixture/grid')).toBe(true);
    expect(registry.has('fixture/grid/national/2022')).toBe(true);
    expect(registry.has('fixture/grid/national/2030')).toBe(false);
    expect(registry.families).toEqual(['fixture/grid']);
    expect(registry.familyMembers('fixture/grid').map((r) => r.id)).toEqual([
      'fixture/grid/CN-NM/2022',
      'fixture/grid/national/2021',
      'fixture/grid/national/2022',
      'fixture/grid/national/2023',
      'fixture/grid/north/2022',
    ]);
    expect(registry.familyMembers('toString')).toEqual([]);
    expect(registry.has('constructor')).toBe(false);
  });

  it('holds records in id order whatever the input order, and is frozen', () => {
    const reversed = createFactorRegistry([...loadDataset(gridFixture)].reverse());
    expect(reversed.records.map((r) => r.id)).toEqual(registry.records.map((r) => r.id));
    expect(Object.isFrozen(registry)).toBe(true);
    expect(Object.isFrozen(registry.records)).toBe(true);
    expect(Object.isFrozen(registry.families)).toBe(true);
  });

  it('does not mutate the array it is given', () => {
    const records = [gridRecord({ id: 'b' }), gridRecord({ id: 'a' })];
    createFactorRegistry(records);
    expect(records.map((r) => r.id)).toEqual(['b', 'a']);
  });

  it('a duplicate id is an error naming where both come from', () => {
    expect(() =>
      createFactorRegistry([gridRecord({ id: 'x/1', dataset: 'first/ds' }), gridRecord({ id: 'x/1', dataset: 'second/ds' })]),
    ).toThrow(/"x\/1" is defined twice: by dataset first\/ds and by dataset second\/ds/);
  });

  it('a family named like a factor is an error', () => {
    expect(() => createFactorRegistry([gridRecord({ id: 'x' }), gridRecord({ id: 'x/1', families: ['x'] })])).toThrow(DatasetError);
  });
});

describe('mergeRegistries', () => {
  it('merges disjoint registries', () => {
    const merged = mergeRegistries(
      createFactorRegistry([gridRecord({ id: 'a', families: ['f'], valid: year(2022) })]),
      createFactorRegistry([gridRecord({ id: 'b', families: ['f'], valid: year(2023) })]),
    );
    expect(merged.familyMembers('f').map((r) => r.id)).toEqual(['a', 'b']);
  });

  it('a model factor may not shadow a built-in one', () => {
    const builtins = createFactorRegistry(loadDataset(gridFixture));
    const modelFactor = gridRecord({ id: 'fixture/grid/national/2023' }); // no dataset: a model's own factor
    let caught: unknown;
    try {
      mergeRegistries(builtins, createFactorRegistry([modelFactor]));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatasetError);
    expect((caught as DatasetError).code).toBe('dataset_invalid');
    expect((caught as DatasetError).message).toMatch(/dataset fixture\/grid and by source "test source for fixture\/grid\/national\/2023"/);
  });
});

describe('built-in datasets', () => {
  it('every built-in dataset loads, and the registry has one record per row', () => {
    const rows = BUILTIN_DATASETS.reduce<number>((count, raw) => count + ((raw as { factors: unknown[] }).factors.length), 0);
    expect(builtinFactorRecords()).toHaveLength(rows);
    expect(builtinFactorRegistry().records).toHaveLength(rows);
  });

  it('builds the registry once and shares it, frozen (issue 7: no re-validation per model)', () => {
    const first = builtinFactorRegistry();
    const second = builtinFactorRegistry();
    expect(second).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.records.map((r) => r.id)).toEqual(builtinFactorRecords().map((r) => r.id).sort());
  });
});
