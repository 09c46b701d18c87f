import { open } from 'node:fs/promises';
import { DocumentTooLargeError, FileAccessError, SmeltprintError } from '../core/errors.js';
import { MAX_DOCUMENT_BYTES } from './parseModelText.js';

/**
 * The bytes of a file the library reads (a model, a ledger, a mapping or a metadata file): over
 * 64 MiB it is refused before it is read (DocumentTooLargeError); missing, a directory or
 * unreadable is a FileAccessError. Errors name the file as `name` (by default the path).
 *
 * @example
 * const bytes = await readFileBytes('examples/aluminium-smelter.yaml');
 */
export async function readFileBytes(path: string, name: string = path): Promise<Uint8Array> {
  // A URL or Buffer reached Node as its own TypeError; undefined already was a FileAccessError.
  if (typeof path !== 'string') throw new FileAccessError(String(name), 'read', new TypeError(`a file path is text, got ${path === null ? 'null' : typeof path}`));
  try {
    const handle = await open(path, 'r');
    try {
      const { size } = await handle.stat();
      if (size > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(size, MAX_DOCUMENT_BYTES, name);
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof SmeltprintError) throw error;
    throw new FileAccessError(name, 'read', error);
  }
}
