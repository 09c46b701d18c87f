import { open } from 'node:fs/promises';
import { DocumentTooLargeError, FileAccessError, SmeltprintError } from '../core/errors.js';
import type { CsvRecord } from './csv/parseCsv.js';
import { parseActivityBytes, type ActivityFileOptions } from './parseActivityBytes.js';
import { MAX_DOCUMENT_BYTES } from './parseModelText.js';

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
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(size, MAX_DOCUMENT_BYTES, path);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof SmeltprintError) throw error;
    throw new FileAccessError(path, 'read', error);
  }
  return parseActivityBytes(bytes, name, options);
}
