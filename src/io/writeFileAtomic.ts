import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileAccessError, SmeltprintError } from '../core/errors.js';

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: the data goes to a temporary file in the same directory (same file system, so rename is
 * atomic), is flushed to disk (fsync), and then renamed over `path`. On any failure the temporary
 * file is removed and a FileAccessError is thrown — or, when pieces are made as they are written
 * and making one fails with a SmeltprintError, that error as it is.
 *
 * @example
 * await writeFileAtomic('out/footprint.json', footprintJsonText(result));
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array | Iterable<string>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    // 'wx': never follow or reuse an existing file under the temporary name.
    handle = await open(temporary, 'wx', 0o644);
    if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
    else await writePieces(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, path);
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    // Pieces are made as they are written: an error making them is theirs, not the file's.
    if (error instanceof SmeltprintError) throw error;
    throw new FileAccessError(path, 'write', error);
  }
}

// Pieces are gathered into writes of about a megabyte: one write per piece would be slow, one
// string of everything is what writing in pieces avoids.
const WRITE_SIZE = 1 << 20;

async function writePieces(handle: FileHandle, pieces: Iterable<string>): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= WRITE_SIZE) {
      await handle.writeFile(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await handle.writeFile(batch.join(''));
}
