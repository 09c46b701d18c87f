import type { CsvRecord } from './csv/parseCsv.js';
import { parseActivityBytes, type ActivityFileOptions } from './parseActivityBytes.js';
import { readFileBytes } from './readFileBytes.js';

export { parseActivityBytes, type ActivityFileOptions } from './parseActivityBytes.js';

/**
 * Reads an activity export (CSV or XLSX) from disk into the records `fillActivity` takes. Files
 * over 64 MiB are refused before they are read.
 *
 * @example
 * const table = await readActivityTable('examples/erp/ledger-utf8.csv', mapping);
 * fillActivity(document, table, mapping);
 */
export async function readActivityTable(path: string, options: ActivityFileOptions = {}, name: string = path): Promise<{ readonly file: string; readonly format: 'csv' | 'xlsx'; readonly records: readonly CsvRecord[] }> {
  const bytes = await readFileBytes(path);
  return parseActivityBytes(bytes, name, options);
}
