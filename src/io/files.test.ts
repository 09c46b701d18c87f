import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { chmod, lstat, mkdtemp, mkdir, readdir, readFile, readlink, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DocumentSyntaxError, DocumentTooLargeError, FileAccessError, ModelValidationError, UnknownProductError } from '../core/errors.js';
import { parseModel } from '../model/parse.js';
import type { Model } from '../model/types.js';
import { loadModel } from './loadModel.js';
import { MAX_DOCUMENT_BYTES } from './parseModelText.js';
import { formatOfFile, readModelFile } from './readModelFile.js';
import { writeFileAtomic } from './writeFileAtomic.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/models/${name}`, import.meta.url));

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'smeltprint-io-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** A model as comparable data: decimals and units as text. */
function plain(model: Model): unknown {
  return JSON.parse(JSON.stringify(model, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && 'symbol' in value && 'dimensionKey' in value) return (value as { symbol: string }).symbol;
    return value;
  })) as unknown;
}

describe('readModelFile and loadModel', () => {
  it('reads the minimal fixture', async () => {
    const model = await loadModel(fixture('minimal.yaml'));
    expect(model.id).toBe('minimal');
    expect(model.processes).toHaveLength(1);
  });

  it('reads the full fixture, YAML and JSON alike, with every field', async () => {
    const fromYaml = await loadModel(fixture('full.yaml'));
    const fromJson = await loadModel(fixture('full.json'));
    expect(plain(fromYaml)).toEqual(plain(fromJson));
    expect(fromYaml.gwp).toBe('AR5');
    expect(fromYaml.region).toBe('CN-NM');
    expect(fromYaml.company).toEqual({ name: 'Demo Aluminium Co.', ids: ['urn:example:company:1'] });
    expect(fromYaml.factors[0]?.confidence).toBe('declared');
    expect(fromYaml.declaredUnits['aluminium-ingot']?.unit.symbol).toBe('kg');
    const byId = new Map(fromYaml.processes.map((process) => [process.id, process]));
    expect(byId.get('casthouse')?.allocation).toEqual({ method: 'economic' });
    expect(byId.get('casthouse')?.inputs[1]?.recycled).toBe('pre-consumer');
    expect(byId.get('electrolysis')?.outputs[1]).toMatchObject({ waste: true, to: 'spl-treatment' });
    expect(byId.get('alumina-refinery')?.inputs[0]?.vintage).toBe('2024');
    const shares = byId.get('dross-recovery')?.allocation;
    // 0.9 + 10 % = 0.9 + 0.1 = 1.
    expect(shares?.method === 'manual' && shares.shares['salt-slag']?.unit.symbol).toBe('%');
  });

  it('gives the same model from the YAML file as from the object', async () => {
    const text = await readFile(fixture('full.json'), 'utf8');
    expect(plain(parseModel(JSON.parse(text)))).toEqual(plain(await loadModel(fixture('full.yaml'))));
  });

  it('throws ModelValidationError for a document with issues', async () => {
    const path = join(directory, 'bad.yaml');
    await writeFile(path, 'smeltprint: 1\nid: bad\nperiod: { start: 2025-01-01, end: 2025-12-31 }\nprocesses: []\n');
    await expect(loadModel(path)).rejects.toBeInstanceOf(ModelValidationError);
  });

  it('reports a missing file as FileAccessError', async () => {
    const error: unknown = await readModelFile(join(directory, 'missing.yaml')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as FileAccessError).code).toBe('file_access');
  });

  it('refuses a file over 64 MiB before reading it', async () => {
    const path = join(directory, 'huge.yaml');
    await writeFile(path, '');
    await truncate(path, MAX_DOCUMENT_BYTES + 1); // sparse: no 64 MiB written
    await expect(readModelFile(path)).rejects.toBeInstanceOf(DocumentTooLargeError);
  });

  it('reads .json files as strict JSON and names the file in syntax errors', async () => {
    const path = join(directory, 'model.json');
    await writeFile(path, 'smeltprint: 1\n');
    const error: unknown = await readModelFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DocumentSyntaxError);
    expect((error as DocumentSyntaxError).file).toBe(path);
  });

  it('chooses the format from the extension', () => {
    expect(formatOfFile('a/plant.JSON')).toBe('json');
    expect(formatOfFile('plant.yml')).toBe('yaml');
    expect(formatOfFile('plant.yaml')).toBe('yaml');
    expect(formatOfFile('plant')).toBe('auto');
  });
});

describe('writeFileAtomic', () => {
  it('writes a new file and replaces an existing one, leaving no temporary file', async () => {
    const path = join(directory, 'footprint.json');
    await writeFileAtomic(path, '{"total":"1"}\n');
    await writeFileAtomic(path, new TextEncoder().encode('{"total":"2"}\n'));
    expect(await readFile(path, 'utf8')).toBe('{"total":"2"}\n');
    expect(await readdir(directory)).toEqual(['footprint.json']);
  });

  it('writes pieces one after another, in writes of about a megabyte, to the same bytes', async () => {
    const path = join(directory, 'pieces.json');
    // 3,000 pieces of 1,001 characters (multi-byte ones included): two full batches and a rest.
    const pieces = Array.from({ length: 3000 }, (_, i) => `${String(i % 10).repeat(1000)}é`);
    await writeFileAtomic(path, pieces);
    expect(await readFile(path, 'utf8')).toBe(pieces.join(''));
    expect(await readdir(directory)).toEqual(['pieces.json']);
  });

  it('removes the temporary file when the rename fails, and keeps what was there', async () => {
    // A non-empty directory at the target path: the data is written, then rename fails.
    const target = join(directory, 'out');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'kept');
    const error: unknown = await writeFileAtomic(target, 'data').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as FileAccessError).operation).toBe('write');
    expect(await readdir(directory)).toEqual(['out']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('kept');
  });

  it('passes on, as it is, a library error raised while the pieces are made, and leaves nothing behind', async () => {
    const path = join(directory, 'made.json');
    await writeFile(path, 'old');
    function* pieces() {
      yield '{"a":';
      throw new UnknownProductError('"x" is not a product of the model');
    }
    const error: unknown = await writeFileAtomic(path, pieces()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownProductError);
    expect(await readFile(path, 'utf8')).toBe('old');
    expect(await readdir(directory)).toEqual(['made.json']);
  });

  it('reports a missing directory as FileAccessError', async () => {
    await expect(writeFileAtomic(join(directory, 'no', 'such', 'file.json'), 'x')).rejects.toBeInstanceOf(FileAccessError);
  });

  it('follows a symbolic link: the file it points to is replaced, the link kept', async () => {
    await mkdir(join(directory, 'real'));
    const real = join(directory, 'real', 'target.json');
    await writeFile(real, 'old');
    const link = join(directory, 'link.json');
    await symlink(join('real', 'target.json'), link);
    await writeFileAtomic(link, 'new');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe(join('real', 'target.json'));
    expect(await readFile(real, 'utf8')).toBe('new');
    // The temporary file was made next to the real file and renamed away.
    expect(await readdir(join(directory, 'real'))).toEqual(['target.json']);
    expect((await readdir(directory)).sort()).toEqual(['link.json', 'real']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const path = join(directory, 'secret.json');
    await writeFile(path, 'old');
    await chmod(path, 0o600);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readFile(path, 'utf8')).toBe('new');
  });

  it('gives a new file the usual mode, not the mode of anything before it', async () => {
    const path = join(directory, 'fresh.json');
    await writeFileAtomic(path, 'x');
    expect((await stat(path)).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  it('writes into a FIFO, which its reader sees, and leaves the FIFO in place', async () => {
    const fifo = join(directory, 'pipe');
    execFileSync('mkfifo', [fifo]);
    // The reader is started first; the pieces arrive through the pipe, not a renamed file.
    const reading = readFile(fifo, 'utf8');
    await writeFileAtomic(fifo, ['{"a":', '1}\n']);
    expect(await reading).toBe('{"a":1}\n');
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect(await readdir(directory)).toEqual(['pipe']);
  });

  it('makes every piece before a FIFO is opened: a failing piece sends its reader nothing', async () => {
    const fifo = join(directory, 'pipe');
    execFileSync('mkfifo', [fifo]);
    function* pieces() {
      yield '{"a":';
      throw new UnknownProductError('"x" is not a product of the model');
    }
    // No reader: opening the FIFO would wait for ever, so settling at all shows it was not opened.
    const error: unknown = await writeFileAtomic(fifo, pieces()).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UnknownProductError);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });

  const mayWriteDevNull = (() => {
    try {
      accessSync('/dev/null', constants.W_OK);
      return true;
    } catch {
      return false;
    }
  })();
  it.skipIf(!mayWriteDevNull)('writes into /dev/null without replacing the device', async () => {
    await writeFileAtomic('/dev/null', 'discarded\n');
    await writeFileAtomic('/dev/null', ['a', 'b']);
    const device = await lstat('/dev/null');
    expect(device.isCharacterDevice()).toBe(true);
    expect(await readFile('/dev/null', 'utf8')).toBe('');
  });
});
