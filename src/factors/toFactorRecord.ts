import { DatasetError, UnitParseError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { checkMagnitude, toDecimal } from '../decimal/decimal.js';
import { parseUnit } from '../units/index.js';
import type { Unit } from '../units/types.js';
import { gasOfFactorUnit } from './gasOfFactorUnit.js';
import type { FactorRowInput, ModelFactorInput } from './schema.js';
import type { Confidence, FactorRecord, Source, Uncertainty } from './types.js';

/** What a row inherits from where it was declared. */
export interface FactorRowContext {
  /** Provenance of the dataset header; a model factor brings its own `source` instead. */
  readonly source?: Source;
  /** Confidence when the row states none: the header's, or `declared` for a model's own factors. */
  readonly confidence: Confidence;
  /** Dataset id recorded on the record, e.g. `cn-mee/grid`. */
  readonly dataset?: string;
  /** Where the row sits in its document, for error paths. */
  readonly path?: DocumentPath;
}

/**
 * Turns a validated factor row (dataset row or model factor) into an immutable FactorRecord:
 * exact Decimal value, parsed unit, gas derived from the unit, source merged from header and row.
 * Validate with `factorRowSchema` / `modelFactorSchema` first; this still throws a typed error
 * with a path when given something it cannot convert.
 *
 * @example
 * const record = toFactorRecord(
 *   { id: 'ipcc-2006/aluminium/tier1-co2/prebake', value: '1.6', unit: 't CO2/t', table: 'Table 4.10' },
 *   { source: { title: '2006 IPCC Guidelines, Vol. 3, Ch. 4', publisher: 'IPCC' }, confidence: 'V-EFDB' },
 * );
 * record.gas // 'CO2'
 * record.source.table // 'Table 4.10'
 */
export function toFactorRecord(row: FactorRowInput | ModelFactorInput, context: FactorRowContext): FactorRecord {
  const path = context.path ?? [];
  const value = checkMagnitude(toDecimal(row.value, [...path, 'value']), [...path, 'value']);
  if (value.isNegative()) throw new DatasetError(`factor "${row.id}" is negative`, { path: [...path, 'value'] });
  const unit = parseUnitAt(row.unit, [...path, 'unit']);
  const gas = gasOfFactorUnit(unit);
  if (gas === 'CO2e' && row.gwp === undefined) {
    throw new DatasetError(`CO2e factor "${row.id}" does not state its GWP set`, { path: [...path, 'gwp'] });
  }
  const source = mergeSource(context.source, 'source' in row ? row.source : undefined, row, path);
  const record: Record<string, unknown> = {
    id: row.id,
    value,
    unit,
    families: Object.freeze([...new Set(row.families ?? [])].sort()),
    source,
    confidence: row.confidence ?? context.confidence,
  };
  if (gas !== undefined) record.gas = gas;
  if (row.gwp !== undefined) record.gwp = row.gwp;
  if (row.category !== undefined) record.category = row.category;
  if (row.region !== undefined) record.region = row.region;
  if (row.covers !== undefined) record.covers = Object.freeze([...new Set(row.covers)].sort());
  if (row.valid !== undefined) record.valid = Object.freeze({ from: row.valid.from, to: row.valid.to });
  if (row.uncertainty !== undefined) record.uncertainty = toUncertainty(row.uncertainty, [...path, 'uncertainty']);
  if (row.notes !== undefined) record.notes = row.notes;
  if (context.dataset !== undefined) record.dataset = context.dataset;
  return Object.freeze(record) as unknown as FactorRecord;
}

/**
 * A model document's own factor as a record: its stated source, confidence `declared` unless it
 * says otherwise.
 *
 * @example
 * modelFactorToRecord({ id: 'supplier-x/aluminium-fluoride', value: '2.1', unit: 't CO2e/t', gwp: 'AR5',
 *   source: { title: 'Supplier X declaration 2025' } }, ['factors', 0]).confidence // 'declared'
 */
export function modelFactorToRecord(row: ModelFactorInput, path: DocumentPath = []): FactorRecord {
  return toFactorRecord(row, { confidence: 'declared', path });
}

function parseUnitAt(text: string, path: DocumentPath): Unit {
  try {
    return parseUnit(text);
  } catch (error) {
    throw new UnitParseError(error instanceof Error ? error.message : String(error), { path });
  }
}

function mergeSource(
  inherited: Source | undefined,
  own: ModelFactorInput['source'] | undefined,
  row: FactorRowInput,
  path: DocumentPath,
): Source {
  const merged: Record<string, unknown> = { ...inherited, ...own };
  // The row's own table/equation/EFDB id/url are the most precise citation of the value.
  for (const key of ['table', 'equation', 'efdbId', 'url'] as const) {
    if (row[key] !== undefined) merged[key] = row[key];
  }
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  if (typeof merged.title !== 'string' || merged.title.trim() === '') {
    throw new DatasetError(`factor "${row.id}" has no source title (a factor without a source does not exist)`, {
      path: [...path, 'source', 'title'],
    });
  }
  return Object.freeze(merged) as unknown as Source;
}

function toUncertainty(input: NonNullable<FactorRowInput['uncertainty']>, path: DocumentPath): Uncertainty {
  const at = (key: string, v: string | number) => toDecimal(v, [...path, key]);
  switch (input.distribution) {
    case 'normal':
      return Object.freeze({ distribution: 'normal', sd: at('sd', input.sd) });
    case 'lognormal':
      return Object.freeze({ distribution: 'lognormal', gsd: at('gsd', input.gsd) });
    case 'triangular':
      return Object.freeze({ distribution: 'triangular', min: at('min', input.min), mode: at('mode', input.mode), max: at('max', input.max) });
    case 'uniform':
      return Object.freeze({ distribution: 'uniform', min: at('min', input.min), max: at('max', input.max) });
    case 'range':
      return Object.freeze({ distribution: 'range', percent: at('percent', input.percent) });
  }
}
