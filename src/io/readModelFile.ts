import { extname } from 'node:path';
import { decodeText } from './decodeText.js';
import { parseModelText, type DocumentFormat } from './parseModelText.js';
import { readFileBytes } from './readFileBytes.js';

/**
 * The format a file name suggests: `.json` is JSON, `.yaml` / `.yml` YAML, anything else `auto`
 * (read as YAML, which covers JSON too).
 *
 * @example
 * formatOfFile('plant.JSON') // 'json'
 * formatOfFile('plant.txt') // 'auto'
 */
export function formatOfFile(path: string): DocumentFormat {
  if (typeof path !== 'string') return 'auto';
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return 'auto';
}

/**
 * Reads a model document file (YAML or JSON, by its extension) into plain data for
 * `parseModel`, numbers kept exact (see `parseModelText`). Files over 64 MiB are refused before
 * they are read; the bytes must be UTF-8 (see `decodeDocumentText`). Throws FileAccessError,
 * DocumentTooLargeError, DocumentSyntaxError or SmeltprintError `invalid_encoding`.
 *
 * @example
 * const document = await readModelFile('examples/aluminium.yaml');
 * const model = parseModel(document);
 */
export async function readModelFile(path: string): Promise<unknown> {
  return parseDocumentBytes(await readFileBytes(path), path);
}

/**
 * The document in a file's bytes, as readModelFile reads it (strict UTF-8, format by extension):
 * for callers that keep the bytes too (the audit trail digests a mapping file's).
 *
 * @example
 * parseDocumentBytes(await readFile('map.yaml'), 'map.yaml')
 */
export function parseDocumentBytes(bytes: Uint8Array, path: string): unknown {
  return parseModelText(decodeDocumentText(bytes, path), formatOfFile(path), path);
}

/**
 * The text of a document file (a model, a mapping, a metadata or options file): UTF-8, strictly —
 * a Latin-1 `Café` is an `invalid_encoding` error naming the file, byte and line, never a silent
 * `Caf�` in a report. A UTF-8 byte order mark is dropped; UTF-16 is refused with a clear message.
 *
 * @example
 * decodeDocumentText(new TextEncoder().encode('id: x'), 'plant.yaml') // 'id: x'
 */
export function decodeDocumentText(bytes: Uint8Array, file: string): string {
  return decodeText(bytes, 'utf-8', file, '; save the file as UTF-8');
}
