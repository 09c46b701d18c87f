import { ModelValidationError } from '../core/errors.js';
import { issuesFromZod } from './issuesFromZod.js';
import { datasetFileSchema } from './schema.js';
import { toFactorRecord } from './toFactorRecord.js';
import type { FactorRecord, Source } from './types.js';

/**
 * Validates a dataset file (parsed JSON) and returns its records, frozen, in file order. Every
 * problem is collected first and thrown together as a ModelValidationError whose `issues` carry
 * paths such as `factors[3].valid.to`.
 *
 * @example
 * const records = loadDataset({ dataset: 'cn-mee/grid', title: 'MEE/NBS announcement 2024 No. 12', confidence: 'V-doc',
 *   factors: [{ id: 'cn-mee/grid/national/2021', value: '0.5568', unit: 't CO2/MWh', region: 'CN',
 *     families: ['cn-mee/grid/national'], valid: { from: '2021-01-01', to: '2021-12-31' } }] });
 * records[0]?.source.title // 'MEE/NBS announcement 2024 No. 12'
 */
export function loadDataset(raw: unknown): readonly FactorRecord[] {
  const parsed = datasetFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ModelValidationError(issuesFromZod(parsed.error), `dataset ${describeDataset(raw)}`);
  }
  const file = parsed.data;
  const source: Record<string, unknown> = { title: file.title };
  if (file.publisher !== undefined) source.publisher = file.publisher;
  if (file.edition !== undefined) source.edition = file.edition;
  if (file.year !== undefined) source.year = file.year;
  if (file.url !== undefined) source.url = file.url;
  const header = Object.freeze(source) as unknown as Source;
  return Object.freeze(
    file.factors.map((row, index) =>
      toFactorRecord(row, { source: header, confidence: file.confidence, dataset: file.dataset, path: ['factors', index] }),
    ),
  );
}

function describeDataset(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'dataset' in raw && typeof raw.dataset === 'string') {
    return `"${raw.dataset.slice(0, 80)}"`;
  }
  return '(unnamed)';
}
