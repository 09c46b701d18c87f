import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { DocumentTooLargeError, FileAccessError, SmeltprintError } from '../core/errors.js';
import { MAX_DOCUMENT_BYTES, parseModelText, type DocumentFormat } from './parseModelText.js';

/**
 * The format a file name suggests: `.json` is JSON, `.yaml` / `.yml` YAML, anything else `auto`
 * (read as YAML, which covers JSON too).
 *
 * @example
 * formatOfFile('plant.JSON') // 'json'
 * formatOfFile('plant.txt') // 'auto'
 */
export function formatOfFile(path: string): DocumentFormat {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.yaml' || extension === '.yml') return 'yaml';
  return 'auto';
}

/**
 * Reads a model document file (YAML or JSON, by its extension) into plain data for
 * `parseModel`, numbers kept exact (see `parseModelText`). Files over 64 MiB are refused before
 * they are read. Throws FileAccessError, DocumentTooLargeError or DocumentSyntaxError.
 *
 * @example
 * const document = await readModelFile('examples/aluminium.yaml');
 * const model = parseModel(document);
 */
export async function readModelFile(path: string): Promise<unknown> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(size, MAX_DOCUMENT_BYTES, path);
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof SmeltprintError) throw error;
    throw new FileAccessError(path, 'read', error);
  }
  return parseModelText(text, formatOfFile(path), path);
}
