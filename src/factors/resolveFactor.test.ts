import { describe, expect, it } from 'vitest';
import { DatasetError, FactorNotFoundError } from '../core/errors.js';
import gridFixture from './__fixtures__/grid.json' with { type: 'json' };
import { gridRecord, year } from './__fixtures__/records.js';
import { loadDataset } from './loadDataset.js';
import { createFactorRegistry } from './registry.js';
import { resolveFactor } from './resolveFactor.js';
import { builtinFactorRegistry } from './index.js';
import { resolveFactorsOverPeriod } from './resolveFactorsOverPeriod.js';

const registry = createFactorRegistry(loadDataset(gridFixture));
const period = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` });

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('resolveFactor by family', () => {
  it('picks the member valid over the period, most specific region first', () => {
    // CN-NM 2022: provincial (3) beats the north grid covering it (2) and the national factor (1).
    expect(resolveFactor(registry, { id: 'fixture/grid', region: 'CN-NM', period: period(2022) }).record.id).toBe('fixture/grid/CN-NM/2022');
    // CN-TJ 2022: the north grid covers Tianjin (2) and beats national (1).
    expect(resolveFactor(registry, { id: 'fixture/grid', region: 'CN-TJ', period: period(2022) }).record.id).toBe('fixture/grid/north/2022');
    // CN-GD 2022: only the national factor applies (country of the subdivision).
    expect(resolveFactor(registry, { id: 'fixture/grid', region: 'CN-GD', period: period(2022) }).record.id).toBe('fixture/grid/national/2022');
    // CN-NM 2023: no provincial or regional 2023 factor in the fixture, so national.
    const resolved = resolveFactor(registry, { id: 'fixture/grid', region: 'CN-NM', period: period(2023) });
    expect(resolved.record.id).toBe('fixture/grid/national/2023');
    expect(resolved.record.value.toFixed()).toBe('0.5306'); // standards.md §2.5, 2023 national average
    expect(resolved.selection).toBe(
      'family fixture/grid, 2023-01-01..2023-12-31, region CN-NM: fixture/grid/national/2023 (country CN of CN-NM)',
    );
    expect(resolved.vintageOverride).toBeUndefined();
    expect(resolved.outsideValidity).toBeUndefined();
  });

  it('a period inside one validity year resolves; one spanning two years does not (no single member covers it)', () => {
    expect(resolveFactor(registry, { id: 'fixture/grid', region: 'CN', period: { start: '2022-03-01', end: '2022-05-31' } }).record.id).toBe(
      'fixture/grid/national/2022',
    );
    expect(() => resolveFactor(registry, { id: 'fixture/grid', region: 'CN', period: { start: '2022-07-01', end: '2023-06-30' } })).toThrow(
      FactorNotFoundError,
    );
  });

  it('no member for the period: says what the family has and never falls back to the nearest year', () => {
    const error = thrown(() => resolveFactor(registry, { id: 'fixture/grid', region: 'CN', period: period(2025) }));
    expect(error).toBeInstanceOf(FactorNotFoundError);
    expect((error as FactorNotFoundError).code).toBe('factor_not_found');
    expect((error as FactorNotFoundError).message).toBe(
      'fixture/grid has 2021, 2022, 2023 for region CN; none covers 2025-01-01..2025-12-31; use vintage to choose one explicitly',
    );
    expect((error as FactorNotFoundError).request).toEqual({ id: 'fixture/grid', region: 'CN', period: '2025-01-01..2025-12-31' });
  });

  it('no member for the region: lists the regions the family has', () => {
    const error = thrown(() => resolveFactor(registry, { id: 'fixture/grid', region: 'DE', period: period(2022) }));
    expect(error).toBeInstanceOf(FactorNotFoundError);
    expect((error as Error).message).toBe(
      'fixture/grid has no factor for region DE (its factors are for: CN; CN-NM; covers CN-BJ, CN-HE, CN-NM, CN-SD, CN-SX, CN-TJ)',
    );
    const noRegion = thrown(() => resolveFactor(registry, { id: 'fixture/grid', period: period(2022) }));
    expect((noRegion as Error).message).toMatch(/a model without a region .*give the model a region/);
  });

  it('an unknown id is FactorNotFoundError', () => {
    expect(() => resolveFactor(registry, { id: 'fixture/nothing' })).toThrow(/no factor or factor family "fixture\/nothing"/);
  });

  it('a vintage chooses a member outside the period, and the override is reported', () => {
    const resolved = resolveFactor(registry, { id: 'fixture/grid', region: 'CN', period: period(2025), vintage: '2023' });
    expect(resolved.record.id).toBe('fixture/grid/national/2023');
    expect(resolved.vintageOverride).toBe('2023');
    expect(resolved.selection).toMatch(/vintage 2023 \(2023-01-01\.\.2023-12-31\) instead of the period 2025-01-01\.\.2025-12-31/);
    // A date vintage picks the member valid on that day.
    expect(resolveFactor(registry, { id: 'fixture/grid', region: 'CN', period: period(2025), vintage: '2021-06-30' }).record.id).toBe(
      'fixture/grid/national/2021',
    );
    // A vintage no member covers is still an error, without the vintage hint.
    const error = thrown(() => resolveFactor(registry, { id: 'fixture/grid', region: 'CN', period: period(2025), vintage: '2019' }));
    expect((error as Error).message).toMatch(/none covers vintage 2019 .*2025-12-31$/);
    expect(() => resolveFactor(registry, { id: 'fixture/grid', region: 'CN', vintage: 'last year' })).toThrow(/neither a year/);
  });

  it('a model in the country takes the national grid, not a regional grid of it (they tied: "ambiguous for region CN")', () => {
    const grids = createFactorRegistry([
      gridRecord({ id: 'g/national', families: ['g'], region: 'CN', valid: year(2023) }),
      gridRecord({ id: 'g/north', families: ['g'], region: 'CN', covers: ['CN-BJ', 'CN-NM'], valid: year(2023) }),
      gridRecord({ id: 'g/east', families: ['g'], region: 'CN', covers: ['CN-SH'], valid: year(2023) }),
    ]);
    expect(resolveFactor(grids, { id: 'g', region: 'CN', period: period(2023) }).record.id).toBe('g/national');
    // A covered province takes its grid; one no grid covers takes the national factor (the
    // regional grids do not apply to it through their country).
    expect(resolveFactor(grids, { id: 'g', region: 'CN-NM', period: period(2023) }).record.id).toBe('g/north');
    expect(resolveFactor(grids, { id: 'g', region: 'CN-HK', period: period(2023) }).record.id).toBe('g/national');
    // Chosen by id in the country, a regional grid is no surprise: no note that CN is outside it.
    expect(resolveFactor(grids, { id: 'g/east', region: 'CN', period: period(2023) }).selection).toBe('factor g/east by id');
  });

  it('the built-in cn-mee/grid resolves for a model in CN to the national factor of the year', () => {
    const builtin = builtinFactorRegistry();
    expect(resolveFactor(builtin, { id: 'cn-mee/grid', region: 'CN', period: period(2023) }).record.id).toBe('cn-mee/grid/national/2023');
  });

  it('equally specific members are ambiguous: DatasetError listing their ids', () => {
    const tied = createFactorRegistry([
      gridRecord({ id: 'tie/b', families: ['tie'], region: 'CN', valid: year(2023) }),
      gridRecord({ id: 'tie/a', families: ['tie'], region: 'CN', valid: { from: '2023-01-01', to: '2024-12-31' } }),
      gridRecord({ id: 'tie/world', families: ['tie'] }),
    ]);
    const error = thrown(() => resolveFactor(tied, { id: 'tie', region: 'CN-NM', period: period(2023) }));
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as Error).message).toMatch(/tie is ambiguous for region CN-NM over 2023-01-01\.\.2023-12-31: tie\/a, tie\/b apply equally/);
    // Outside the tie the more specific one wins, and a region-free member applies where nothing else does.
    expect(resolveFactor(tied, { id: 'tie', region: 'CN-NM', period: period(2024) }).record.id).toBe('tie/a');
    expect(resolveFactor(tied, { id: 'tie', region: 'US', period: period(2024) }).record.id).toBe('tie/world');
  });
});

describe('resolveFactor by exact id', () => {
  it('returns the record, and says so when it is outside its validity', () => {
    const inside = resolveFactor(registry, { id: 'fixture/grid/national/2023', region: 'CN', period: period(2023) });
    expect(inside.selection).toBe('factor fixture/grid/national/2023 by id');
    expect(inside.outsideValidity).toBeUndefined();
    const outside = resolveFactor(registry, { id: 'fixture/grid/national/2023', region: 'CN', period: period(2025) });
    expect(outside.record.id).toBe('fixture/grid/national/2023');
    expect(outside.outsideValidity).toBe(true);
    expect(outside.selection).toBe(
      'factor fixture/grid/national/2023 by id; chosen explicitly by id outside its validity: valid 2023-01-01..2023-12-31, asked for 2025-01-01..2025-12-31',
    );
  });

  it('notes a region the record does not apply to', () => {
    const resolved = resolveFactor(registry, { id: 'fixture/grid/CN-NM/2022', region: 'CN-GD', period: period(2022) });
    expect(resolved.selection).toMatch(/its region \(CN-NM\) does not include CN-GD/);
  });
});

describe('resolveFactorsOverPeriod', () => {
  it('splits a two-year period into the yearly factors, covering it exactly', () => {
    const segments = resolveFactorsOverPeriod(registry, { id: 'fixture/grid', region: 'CN', period: { start: '2022-01-01', end: '2023-12-31' } });
    expect(segments.map((s) => [s.record.id, s.from, s.to])).toEqual([
      ['fixture/grid/national/2022', '2022-01-01', '2022-12-31'],
      ['fixture/grid/national/2023', '2023-01-01', '2023-12-31'],
    ]);
    expect(segments[0]?.selection).toMatch(/2022-01-01\.\.2022-12-31 of the period 2022-01-01\.\.2023-12-31/);
  });

  it('uses the most specific member on each day', () => {
    const segments = resolveFactorsOverPeriod(registry, { id: 'fixture/grid', region: 'CN-NM', period: { start: '2021-07-01', end: '2023-03-31' } });
    expect(segments.map((s) => [s.record.id, s.from, s.to])).toEqual([
      ['fixture/grid/national/2021', '2021-07-01', '2021-12-31'],
      ['fixture/grid/CN-NM/2022', '2022-01-01', '2022-12-31'],
      ['fixture/grid/national/2023', '2023-01-01', '2023-03-31'],
    ]);
  });

  it('merges consecutive days on the same record and switches mid-validity when a more specific record starts', () => {
    const reg = createFactorRegistry([
      gridRecord({ id: 'g/cn', families: ['g'], region: 'CN', valid: { from: '2022-01-01', to: '2023-12-31' } }),
      gridRecord({ id: 'g/nm', families: ['g'], region: 'CN-NM', valid: { from: '2022-07-01', to: '2022-09-30' } }),
    ]);
    const segments = resolveFactorsOverPeriod(reg, { id: 'g', region: 'CN-NM', period: { start: '2022-01-01', end: '2023-12-31' } });
    expect(segments.map((s) => [s.record.id, s.from, s.to])).toEqual([
      ['g/cn', '2022-01-01', '2022-06-30'],
      ['g/nm', '2022-07-01', '2022-09-30'],
      ['g/cn', '2022-10-01', '2023-12-31'],
    ]);
  });

  it('a gap is FactorNotFoundError naming every uncovered interval', () => {
    const error = thrown(() =>
      resolveFactorsOverPeriod(registry, { id: 'fixture/grid', region: 'CN', period: { start: '2020-07-01', end: '2024-02-29' } }),
    );
    expect(error).toBeInstanceOf(FactorNotFoundError);
    expect((error as Error).message).toBe(
      'fixture/grid has 2021, 2022, 2023 for region CN; none covers 2020-07-01..2020-12-31, 2024-01-01..2024-02-29 of the period 2020-07-01..2024-02-29',
    );
  });

  it('an exact id or a vintage gives one segment over the whole period', () => {
    const byId = resolveFactorsOverPeriod(registry, { id: 'fixture/grid/national/2022', period: { start: '2022-01-01', end: '2023-12-31' } });
    expect(byId.map((s) => [s.record.id, s.from, s.to, s.outsideValidity])).toEqual([['fixture/grid/national/2022', '2022-01-01', '2023-12-31', true]]);
    const byVintage = resolveFactorsOverPeriod(registry, { id: 'fixture/grid', region: 'CN', vintage: '2021', period: { start: '2022-01-01', end: '2023-12-31' } });
    expect(byVintage.map((s) => [s.record.id, s.vintageOverride])).toEqual([['fixture/grid/national/2021', '2021']]);
  });

  it('rejects a period that is not an interval of ISO dates', () => {
    expect(() => resolveFactorsOverPeriod(registry, { id: 'fixture/grid', region: 'CN', period: { start: '2023-12-31', end: '2023-01-01' } })).toThrow(
      /not an interval of ISO dates/,
    );
  });
});
