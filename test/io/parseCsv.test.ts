import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SmeltprintError } from '../../src/core/errors.js';
import { parseCsv } from '../../src/io/csv/parseCsv.js';
import { sniffDelimiter } from '../../src/io/csv/sniffDelimiter.js';
import { decodeText } from '../../src/io/decodeText.js';

const fields = (text: string, delimiter = ',') => parseCsv(text, delimiter).map((record) => record.fields);

describe('parseCsv (RFC 4180 §2)', () => {
  it('splits records on CRLF, LF and a lone CR, and skips blank lines', () => {
    expect(fields('a,b\r\n1,2\n\n3,4\r5,6')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });
  it('reads quoted fields holding the delimiter, line breaks and doubled quotes', () => {
    const records = parseCsv('plant,note\n"Baotou, Line 2","said ""stop""\nthen go"\nx,""\n', ',');
    expect(records.map((r) => r.fields)).toEqual([['plant', 'note'], ['Baotou, Line 2', 'said "stop"\nthen go'], ['x', '']]);
    // The third record starts on line 4: the quoted line break counts.
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
  });
  it('keeps a lone "" as one empty field, and empty fields between delimiters', () => {
    expect(fields('""\n;;\n', ';')).toEqual([[''], ['', '', '']]);
  });
  it('reports an unclosed quote and text after a closing quote with the line', () => {
    expect(() => parseCsv('a\n"open,1\n', ',')).toThrowError(/line 2: a quoted field is never closed/);
    expect(() => parseCsv('"a"b,1', ',')).toThrowError(SmeltprintError);
  });
  it('refuses a quote or line break as delimiter', () => {
    expect(() => parseCsv('a', '"')).toThrowError(/delimiter/);
  });
  it('round-trips any table written with RFC 4180 quoting (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', ';', '"', '\n', '\r\n', ' ', '电') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (table) => {
        const text = table.map((row) => row.map((value) => `"${value.replaceAll('"', '""')}"`).join(',')).join('\r\n');
        expect(fields(text)).toEqual(table);
      }),
      { numRuns: 200 },
    );
  });
  it('takes time linear in the size of the text (a 4 MB file of quotes parses quickly)', () => {
    const text = `"${'""'.repeat(2_000_000)}"`;
    const started = performance.now();
    expect(parseCsv(text, ',')[0]?.fields[0]?.length).toBe(2_000_000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('sniffDelimiter', () => {
  it('finds the delimiter that splits every line alike, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('日期;项目;数量\n2025-01;电解用电;"1.234,5"\n')).toBe(';');
    expect(sniffDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
    expect(sniffDelimiter('plant,amount\n"a;b",1\n')).toBe(',');
    expect(sniffDelimiter('single\ncolumn\n')).toBe(',');
  });
});

describe('decodeText', () => {
  it('strips a UTF-8 byte order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x2c, 0x62]), 'utf-8')).toBe('a,b');
  });
  it('decodes GBK with the built-in TextDecoder (电解 is B5E7 BDE2 in GB 2312)', () => {
    expect(decodeText(new Uint8Array([0xb5, 0xe7, 0xbd, 0xe2]), 'gbk')).toBe('电解');
  });
  it('refuses bytes that are not valid UTF-8 and suggests GBK', () => {
    expect(() => decodeText(new Uint8Array([0xb5, 0xe7, 0xbd, 0xe2]), 'utf-8', 'ledger.csv')).toThrowError(/ledger.csv: the bytes are not valid utf-8.*gbk/);
  });
});
