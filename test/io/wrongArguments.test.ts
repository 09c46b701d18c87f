import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultComputeContext } from '../../src/compute/computeFootprints.js';
import { loadModel } from '../../src/io/loadModel.js';
import { parseActivityBytes } from '../../src/io/parseActivityBytes.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { formatOfFile, readModelFile } from '../../src/io/readModelFile.js';
import { writeFileAtomic } from '../../src/io/writeFileAtomic.js';
import { jsonSchemaOf } from '../../src/schemas/jsonSchemaOf.js';

// The readers and writers as JavaScript callers reach them: a wrong argument is a SmeltprintError
// saying what to pass (these were Node TypeErrors, "pieces is not iterable", or silent fallbacks).
const SMELTER = join(import.meta.dirname, '..', '..', 'examples', 'aluminium-smelter.yaml');
const code = (call: () => unknown) => {
  try {
    call();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};
const codeAsync = async (call: () => Promise<unknown>) => {
  try {
    await call();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
};

describe('io arguments', () => {
  it('loadModel takes lookups or a compute context, and refuses anything else', async () => {
    const context = defaultComputeContext();
    const viaRegistries = await loadModel(SMELTER, context);
    const viaLookups = await loadModel(SMELTER, { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) });
    expect(viaRegistries.processes.map((p) => p.id)).toEqual(viaLookups.processes.map((p) => p.id));
    expect(await codeAsync(() => loadModel(SMELTER, {} as never))).toBe('invalid_option');
    expect(await codeAsync(() => loadModel(SMELTER, { hasFactor: () => true } as never))).toBe('invalid_option');
    expect((await loadModel(SMELTER, null as never)).id).toBe(viaLookups.id);
  });

  it('readModelFile with a URL or Buffer is a file_access error; formatOfFile of no path is auto', async () => {
    expect(await codeAsync(() => readModelFile(new URL(`file://${SMELTER}`) as never))).toBe('file_access');
    expect(await codeAsync(() => readModelFile(Buffer.from(SMELTER) as never))).toBe('file_access');
    expect(formatOfFile(undefined as never)).toBe('auto');
  });

  it('parseModelText refuses an unknown format and non-text; parseActivityBytes unknown formats and encodings', () => {
    expect(code(() => parseModelText('a: 1', 'yml' as never))).toBe('invalid_option');
    expect(code(() => parseModelText(Buffer.from('a: 1') as never))).toBe('invalid_option');
    const bytes = new TextEncoder().encode('date,series,amount,unit\n2025-01,x,1,t\n');
    expect(code(() => parseActivityBytes(bytes, 'l.csv', { format: 'xls' } as never))).toBe('invalid_option');
    expect(code(() => parseActivityBytes(bytes, 'l.csv', { encoding: 'latin1' } as never))).toBe('invalid_option');
    expect(code(() => parseActivityBytes(bytes, 'l.csv', { delimeter: ';' } as never))).toBe('invalid_option');
    expect(parseActivityBytes(bytes, 'l.csv', null as never).records.length).toBe(2);
    // encodings as people write them
    expect(parseActivityBytes(bytes, 'l.csv', { encoding: 'GBK' as never }).records.length).toBe(2);
    expect(parseActivityBytes(bytes, 'l.csv', { encoding: 'utf8' as never }).records.length).toBe(2);
  });

  it('writeFileAtomic says what it writes', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'smeltprint-write-')), 'out.txt');
    for (const data of [42, {}, null]) expect(await codeAsync(() => writeFileAtomic(path, data as never))).toBe('invalid_option');
    // pieces that are not text ([1, 2] was written as "12")
    expect(await codeAsync(() => writeFileAtomic(path, [1, 2] as never))).toBe('invalid_option');
    expect(await codeAsync(() => writeFileAtomic(path, ['a', 2] as never))).toBe('invalid_option');
  });

  it('jsonSchemaOf an unknown name is an error, not undefined', () => {
    expect(code(() => jsonSchemaOf('nope' as never))).toBe('invalid_option');
  });
});
