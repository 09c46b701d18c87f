import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FileAccessError, InvalidOptionError, SmeltprintError } from '../core/errors.js';

type Data = string | Uint8Array | Iterable<string>;

/**
 * Writes a file so that readers see either the old content or the whole new content, never a
 * part: the data goes to a temporary file in the same directory (same file system, so rename is
 * atomic), is flushed to disk (fsync), and then renamed over `path`. On any failure the temporary
 * file is removed and a FileAccessError is thrown — or, when pieces are made as they are written
 * and making one fails with a SmeltprintError, that error as it is.
 *
 * A symbolic link is followed: the file it points to is replaced, the link kept. An existing
 * regular file keeps its permission bits. A target that exists and is neither a regular file nor
 * a directory (`/dev/null`, `/dev/stdout`, a FIFO, a socket, `/dev/fd/N` of `>(cmd)`) is written
 * straight into, as a shell redirection would: replacing it would break whoever reads it.
 *
 * @example
 * await writeFileAtomic('out/footprint.json', footprintJsonText(result));
 */
export async function writeFileAtomic(path: string, data: Data): Promise<void> {
  const iterable = typeof data === 'object' && data !== null && typeof (data as Partial<Iterable<string>>)[Symbol.iterator] === 'function';
  if (typeof data !== 'string' && !(data instanceof Uint8Array) && !iterable) {
    throw new InvalidOptionError(`writeFileAtomic writes text, bytes (Uint8Array) or pieces of text (an iterable of strings), not ${data === null ? 'null' : typeof data}`);
  }
  if (typeof path !== 'string') throw new InvalidOptionError(`writeFileAtomic takes a file path as text, not ${path === null ? 'null' : typeof path}`);
  const existing = await existingTarget(path);
  if (existing !== undefined && isStream(existing)) return writeInto(path, data);
  // realpath only when the target exists: a new file is made where it was asked for.
  const target = existing === undefined ? path : await realpath(path).catch((error: unknown) => fail(path, error));
  return replaceAtomically(target, data, existing === undefined ? undefined : existing.mode & 0o7777, path);
}

/** What `path` names after following links; undefined when nothing is there (or a link dangles). */
async function existingTarget(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return fail(path, error);
  }
}

// A directory stays on the rename path, where the rename fails and nothing in it is touched.
function isStream(stats: Stats): boolean {
  return !stats.isFile() && !stats.isDirectory();
}

async function replaceAtomically(target: string, data: Data, mode: number | undefined, asked: string): Promise<void> {
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    // 'wx': never follow or reuse an existing file under the temporary name. Created no more open
    // than the file it replaces, so its content is never readable by more people than before.
    handle = await open(temporary, 'wx', mode === undefined ? 0o644 : mode & 0o777);
    // The umask narrowed the mode at creation; the replaced file's own bits are restored exactly.
    if (mode !== undefined) await handle.chmod(mode);
    await writeData(handle, data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(temporary, target);
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    await unlink(temporary).catch(() => undefined);
    return fail(asked, error);
  }
}

async function writeInto(path: string, data: Data): Promise<void> {
  // A device or pipe cannot take back what it was given: pieces are all made before the first
  // byte goes, so a piece that fails leaves the reader nothing rather than half a document.
  // Gathered as a list, not one string: a large document is longer than a string may be.
  const whole = typeof data === 'string' || data instanceof Uint8Array ? data : await collect(path, data);
  let handle: FileHandle | undefined;
  try {
    // 'w' opens the existing node (no O_CREAT race matters: it is there); a FIFO waits for its
    // reader here. No fsync: pipes and terminals refuse it.
    handle = await open(path, 'w');
    await writeData(handle, whole);
    await handle.close();
    handle = undefined;
  } catch (error) {
    if (handle !== undefined) await handle.close().catch(() => undefined);
    return fail(path, error);
  }
}

async function collect(path: string, pieces: Iterable<string>): Promise<string[]> {
  try {
    return [...pieces].map(textPiece);
  } catch (error) {
    return fail(path, error);
  }
}

/** A piece of text; anything else (a number, [1, 2] written as "12") is the caller's mistake. */
function textPiece(piece: unknown): string {
  if (typeof piece !== 'string') throw new InvalidOptionError(`writeFileAtomic writes pieces of text; one piece is ${piece === null ? 'null' : typeof piece}`);
  return piece;
}

// Pieces are made as they are written: an error making them is theirs, not the file's.
function fail(path: string, error: unknown): never {
  if (error instanceof SmeltprintError) throw error;
  throw new FileAccessError(path, 'write', error);
}

async function writeData(handle: FileHandle, data: Data): Promise<void> {
  if (typeof data === 'string' || data instanceof Uint8Array) await handle.writeFile(data);
  else await writePieces(handle, data);
}

// Pieces are gathered into writes of about a megabyte: one write per piece would be slow, one
// string of everything is what writing in pieces avoids.
const WRITE_SIZE = 1 << 20;

async function writePieces(handle: FileHandle, pieces: Iterable<string>): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(textPiece(piece));
    size += piece.length;
    if (size >= WRITE_SIZE) {
      await handle.writeFile(batch.join(''));
      batch = [];
      size = 0;
    }
  }
  if (batch.length > 0) await handle.writeFile(batch.join(''));
}
