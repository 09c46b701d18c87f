import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SmeltprintError } from '../../src/core/errors.js';
import { decodeText } from '../../src/io/decodeText.js';
import { readModelFile } from '../../src/io/readModelFile.js';
import { runCapturing } from '../cliRun.js';

const SMELTER = join(import.meta.dirname, '..', '..', 'examples', 'aluminium-smelter.yaml');
const latin1 = (text: string): Buffer => Buffer.from(text, 'latin1');

async function runIn(cwd: string, ...argv: string[]) {
  return runCapturing(argv, cwd);
}

describe('decodeText says where the bad bytes are', () => {
  it('names the byte offset and line of the first bad sequence', () => {
    const bytes = new Uint8Array(latin1('a: 1\nname: "Caf\u00e9"\n'));
    expect(() => decodeText(bytes, 'utf-8', 'm.yaml', '; save the file as UTF-8')).toThrowError('m.yaml: the bytes are not valid utf-8 at byte 15 (line 2: E9 22 0A); save the file as UTF-8');
  });
  it('refuses UTF-16 with a byte order mark by name rather than as garbled text', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x61, 0x00]);
    expect(() => decodeText(bytes, 'utf-8', 'm.yaml')).toThrowError('m.yaml: the file is UTF-16LE (it starts with a UTF-16LE byte order mark); save it as UTF-8');
  });
});

describe('model and side files are decoded strictly as UTF-8', () => {
  const dir = mkdtempSync(join(tmpdir(), 'smeltprint-decoding-'));
  writeFileSync(join(dir, 'latin1.yaml'), latin1('smeltprint: 1\nid: x\nname: "Caf\u00e9"\n'));
  writeFileSync(join(dir, 'utf16.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('smeltprint: 1\nid: x\n', 'utf16le')]));
  writeFileSync(join(dir, 'bom.json'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"smeltprint": 1, "id": "x", "name": "Caf\u00e9"}')]));
  writeFileSync(join(dir, 'meta.yaml'), latin1('companyName: "Soci\u00e9t\u00e9"\n'));
  writeFileSync(join(dir, 'map.yaml'), latin1('smeltprintMapping: 1\ncolumns: { date: "Date", series: "S\u00e9rie", amount: amount, unit: unit }\n'));
  writeFileSync(join(dir, 'ledger.csv'), 'date,series,amount,unit\n');

  it('readModelFile refuses Latin-1 with invalid_encoding naming the file, byte and line', async () => {
    const error = await readModelFile(join(dir, 'latin1.yaml')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SmeltprintError);
    expect((error as SmeltprintError).code).toBe('invalid_encoding');
    expect((error as Error).message).toBe(`${join(dir, 'latin1.yaml')}: the bytes are not valid utf-8 at byte 30 (line 3: E9 22 0A); save the file as UTF-8`);
  });
  it('readModelFile drops a UTF-8 byte order mark', async () => {
    expect(await readModelFile(join(dir, 'bom.json'))).toMatchObject({ id: 'x', name: 'Caf\u00e9' });
  });
  it('footprint with a Latin-1 model: exit 1, [invalid_encoding], nothing on stdout', async () => {
    const { code, stdout, stderr } = await runIn(dir, 'footprint', 'latin1.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/latin1\.yaml: the bytes are not valid utf-8 at byte 30 \(line 3: E9 22 0A\); save the file as UTF-8 \[invalid_encoding\]/);
  });
  it('footprint with a UTF-16 model: a clear message rather than a syntax error', async () => {
    const { code, stderr } = await runIn(dir, 'footprint', 'utf16.yaml');
    expect(code).toBe(1);
    expect(stderr).toMatch(/utf16\.yaml: the file is UTF-16LE .*save it as UTF-8 \[invalid_encoding\]/);
  });
  it('--pact-meta in Latin-1 is refused, naming the file as given', async () => {
    const { code, stdout, stderr } = await runIn(dir, 'footprint', SMELTER, '--format', 'pact', '--pact-meta', 'meta.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('error: meta.yaml: the bytes are not valid utf-8 at byte 18 (line 1: E9 74 E9 22); save the file as UTF-8 [invalid_encoding]\n');
  });
  it('--uncertainty-file and --cbam-options in Latin-1 are refused', async () => {
    const uncertain = await runIn(dir, 'footprint', SMELTER, '--uncertainty', '10', '--uncertainty-file', 'meta.yaml');
    expect(uncertain.code).toBe(1);
    expect(uncertain.stderr).toContain('meta.yaml: the bytes are not valid utf-8 at byte 18 (line 1');
    const cbam = await runIn(dir, 'footprint', SMELTER, '--format', 'cbam', '--cbam-options', 'meta.yaml');
    expect(cbam.code).toBe(1);
    expect(cbam.stderr).toContain('meta.yaml: the bytes are not valid utf-8 at byte 18 (line 1');
  });
  it('a Latin-1 mapping is refused', async () => {
    const { code, stdout, stderr } = await runIn(dir, 'footprint', SMELTER, '--activity', 'ledger.csv', '--mapping', 'map.yaml');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/map\.yaml: the bytes are not valid utf-8 at byte 56 \(line 2: E9 72 69 65\); save the file as UTF-8 \[invalid_encoding\]/);
  });
});
