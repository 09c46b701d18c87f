import { mkdtemp, mkdir, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
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
});
