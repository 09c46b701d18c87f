import { DatasetError } from '../core/errors.js';
import type { FactorRecord } from './types.js';

/**
 * An immutable set of factor records, looked up by exact id or by family name. Records are held
 * in id order, so nothing downstream depends on the order datasets were loaded in.
 */
export interface FactorRegistry {
  /** Every record, sorted by id. */
  readonly records: readonly FactorRecord[];
  /** Every family name some record belongs to, sorted. */
  readonly families: readonly string[];
  /** The record with exactly this id. */
  get(id: string): FactorRecord | undefined;
  /** True for an exact record id or a family name. */
  has(id: string): boolean;
  /** The records of a family, sorted by id; empty when no record lists it. */
  familyMembers(family: string): readonly FactorRecord[];
}

/**
 * Builds a registry. A duplicate id, or a family named like a record, is a DatasetError naming
 * where both come from: nothing is silently replaced.
 *
 * @example
 * const registry = createFactorRegistry(loadDataset(gridDataset));
 * registry.has('cn-mee/grid/national') // true (a family)
 * registry.get('cn-mee/grid/national/2023')?.value.toFixed() // '0.5306'
 */
export function createFactorRegistry(records: readonly FactorRecord[]): FactorRegistry {
  const byId = new Map<string, FactorRecord>();
  for (const record of records) {
    const earlier = byId.get(record.id);
    if (earlier !== undefined) {
      throw new DatasetError(
        `factor id "${record.id}" is defined twice: by ${describeOrigin(earlier)} and by ${describeOrigin(record)}; ` +
          'a factor cannot replace another one with the same id (give it its own id)',
      );
    }
    byId.set(record.id, record);
  }
  const sorted = Object.freeze([...byId.values()].sort((a, b) => compareText(a.id, b.id)));
  const members = new Map<string, FactorRecord[]>();
  for (const record of sorted) {
    for (const family of record.families) {
      const clash = byId.get(family);
      if (clash !== undefined) {
        throw new DatasetError(
          `family "${family}" of factor "${record.id}" (${describeOrigin(record)}) has the same name as a factor (${describeOrigin(clash)}); ` +
            'an id must mean one thing',
        );
      }
      const list = members.get(family);
      if (list === undefined) members.set(family, [record]);
      else list.push(record);
    }
  }
  const frozenMembers = new Map<string, readonly FactorRecord[]>(
    [...members].map(([family, list]) => [family, Object.freeze(list)] as const),
  );
  const families = Object.freeze([...frozenMembers.keys()].sort(compareText));
  const none: readonly FactorRecord[] = Object.freeze([]);
  return Object.freeze({
    records: sorted,
    families,
    get: (id: string) => byId.get(id),
    has: (id: string) => byId.has(id) || frozenMembers.has(id),
    familyMembers: (family: string) => frozenMembers.get(family) ?? none,
  });
}

/**
 * One registry holding the records of all `registries` (e.g. built-ins, then a model's own
 * factors). A later registry may not shadow an earlier one: a shared id is a DatasetError.
 *
 * @example
 * const all = mergeRegistries(builtinFactorRegistry(), createFactorRegistry(modelFactors));
 */
export function mergeRegistries(...registries: readonly FactorRegistry[]): FactorRegistry {
  return createFactorRegistry(registries.flatMap((registry) => registry.records));
}

/** "dataset cn-mee/grid" or, for a model's own factor, its source title. */
export function describeOrigin(record: FactorRecord): string {
  return record.dataset !== undefined ? `dataset ${record.dataset}` : `source "${record.source.title}"`;
}

/** Code-unit order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
