import { describe, expect, it } from 'vitest';
import { DocumentSyntaxError, DocumentTooLargeError } from '../core/errors.js';
import { parseModel } from '../model/parse.js';
import { MAX_DOCUMENT_BYTES, parseModelText } from './parseModelText.js';

function syntaxErrorOf(text: string, format: 'yaml' | 'json' | 'auto' = 'yaml', file?: string): DocumentSyntaxError {
  try {
    parseModelText(text, format, file);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentSyntaxError);
    return error as DocumentSyntaxError;
  }
  throw new Error('expected a DocumentSyntaxError');
}

const modelYaml = (amount: string): string => `
smeltprint: 1
id: precision
period: { start: 2025-01-01, end: 2025-12-31 }
processes:
  - id: p
    outputs: [{ flow: zinc, amount: ${amount}, unit: t }]
    inputs: [{ flow: electricity, amount: 1, unit: MWh, factor: grid }]
`;

describe('parseModelText: numbers keep their digits', () => {
  it('reads numbers a float would change as their decimal text (YAML)', () => {
    expect(parseModelText('amount: 0.1000000000000000000001', 'yaml')).toEqual({ amount: '0.1000000000000000000001' });
    expect(parseModelText('amount: 12345678901234567890123', 'yaml')).toEqual({ amount: '12345678901234567890123' });
  });

  it('reads them exactly from JSON too', () => {
    expect(parseModelText('{"amount": 0.1000000000000000000001}', 'json')).toEqual({ amount: '0.1000000000000000000001' });
    expect(parseModelText('{"amount": 12345678901234567890123}', 'json')).toEqual({ amount: '12345678901234567890123' });
  });

  it('gives plain numbers when a JS number holds them exactly', () => {
    expect(parseModelText('{ a: 0.42, b: 1350000, c: -3, d: 1e21 }', 'yaml')).toEqual({ a: 0.42, b: 1350000, c: -3, d: 1e21 });
    expect(parseModelText('smeltprint: 1', 'yaml')).toEqual({ smeltprint: 1 });
  });

  it('reads hexadecimal and octal integers exactly', () => {
    // 0x1F = 31; 0o17 = 15; 0x1FFFFFFFFFFFFFFFFF = 2^69 - 1 = 590295810358705651711.
    expect(parseModelText('{ a: 0x1F, b: 0o17, c: 0x1FFFFFFFFFFFFFFFFF }', 'yaml')).toEqual({ a: 31, b: 15, c: '590295810358705651711' });
  });

  it('carries the exact amount through parseModel (YAML and JSON)', () => {
    for (const amount of ['0.1000000000000000000001', '12345678901234567890123']) {
      const model = parseModel(parseModelText(modelYaml(amount), 'yaml'));
      expect(model.processes[0]?.outputs[0]?.quantity.amount.toFixed()).toBe(amount);
      const json = JSON.stringify({ smeltprint: 1, id: 'j', period: { start: '2025-01-01', end: '2025-12-31' },
        processes: [{ id: 'p', outputs: [{ flow: 'zinc', amount: 0, unit: 't' }], inputs: [{ flow: 'e', amount: 1, unit: 'MWh', factor: 'grid' }] }] });
      const fromJson = parseModel(parseModelText(json.replace('"amount":0', `"amount":${amount}`), 'json'));
      expect(fromJson.processes[0]?.outputs[0]?.quantity.amount.toFixed()).toBe(amount);
    }
  });

  it('leaves .inf and .nan as numbers that the model then refuses', () => {
    expect(parseModelText('a: .inf', 'yaml')).toEqual({ a: Number.POSITIVE_INFINITY });
    const result = () => parseModel(parseModelText(modelYaml('.nan'), 'yaml'));
    expect(result).toThrowError(/invalid_number/);
  });

  it('keeps dates and quoted numbers as text (YAML 1.2 core schema)', () => {
    expect(parseModelText('start: 2025-01-01\nid: "2023"\nflag: yes', 'yaml')).toEqual({ start: '2025-01-01', id: '2023', flag: 'yes' });
  });
});

describe('parseModelText: documents it refuses', () => {
  it('reports syntax errors with file, line and column', () => {
    const error = syntaxErrorOf('processes:\n  - id: [a, b\n', 'yaml', 'plant.yaml');
    expect(error.code).toBe('document_syntax');
    expect(error.file).toBe('plant.yaml');
    expect(error.line).toBeGreaterThanOrEqual(2);
    expect(error.column).toBeGreaterThanOrEqual(1);
    expect(error.message.startsWith(`plant.yaml:${error.line}:${error.column}: `)).toBe(true);
  });

  it('refuses duplicate keys in YAML and JSON, at the second key', () => {
    const yaml = syntaxErrorOf('id: a\nname: x\nid: b\n');
    expect([yaml.line, yaml.column]).toEqual([3, 1]);
    const json = syntaxErrorOf('{"id": "a",\n "id": "b"}', 'json');
    expect([json.line, json.column]).toEqual([2, 2]);
  });

  it('refuses keys that would name the same property, so that no value is dropped in silence', () => {
    // `1` and "1", null and "", two .nan: the package's own check compared values and let these
    // through, keeping only the last value.
    for (const text of ['1: a\n"1": b\n', 'null: 1\n"": 2\n', 'true: 1\n"true": 2\n', '.nan: 1\n.nan: 2\n']) {
      const error = syntaxErrorOf(text);
      expect([error.line, error.column, error.message]).toEqual([2, 1, '2:1: Map keys must be unique']);
    }
    expect([syntaxErrorOf('a: 1\nb: {"2": x, 2: y}\n').column]).toEqual([13]);
  });

  it('reports the first problem in the text, a repeated key or another error', () => {
    expect(syntaxErrorOf('c: 1\nc: 2\na:\n  b: 1\n  b: 2\n').line).toBe(2);
    expect(syntaxErrorOf('a:\n  b: 1\n  b: 2\nc: 1\nc: 2\n').line).toBe(3);
    expect(syntaxErrorOf('a: 1\na: 2\nb: [1, 2\n').message).toContain('unique');
    expect(syntaxErrorOf('a: 1\nb: [1, 2\na: 3\n').message).not.toContain('unique');
    expect(syntaxErrorOf('a: 1\n[x]: 2\na: 3\n').message).toContain('unique');
    expect(syntaxErrorOf('[x]: 2\n').message).toContain('plain text');
  });

  it('keeps keys that differ, and a repeated key inside list items of their own', () => {
    expect(parseModelText('k: 1\nK: 2\nx: [a: 1, a: 2]\n', 'yaml')).toEqual({ k: 1, K: 2, x: [{ a: 1 }, { a: 2 }] });
  });

  it('refuses bare words in JSON', () => {
    expect(syntaxErrorOf('{"gwp": AR5}', 'json').message).toContain('AR5');
  });

  it('refuses a second document in the stream', () => {
    expect(syntaxErrorOf('id: a\n---\nid: b\n').line).toBe(2);
  });

  it('refuses tags it does not know instead of guessing', () => {
    syntaxErrorOf('start: !!timestamp 2025-01-01');
    syntaxErrorOf('amount: !secret value');
  });

  it('refuses keys that are lists or mappings', () => {
    expect(syntaxErrorOf('? [a, b]\n: 1').line).toBe(1);
  });

  it('allows a few aliases but refuses an alias bomb', () => {
    expect(parseModelText('a: &x [1, 2]\nb: *x', 'yaml')).toEqual({ a: [1, 2], b: [1, 2] });
    // Each level doubles the previous one: 2^20 leaves from 21 short lines.
    let bomb = 'l0: &l0 [x, x]\n';
    for (let level = 1; level <= 20; level += 1) bomb += `l${level}: &l${level} [*l${level - 1}, *l${level - 1}]\n`;
    expect(syntaxErrorOf(bomb).message).toMatch(/alias/i);
  });

  it('refuses text over 64 MiB before parsing it', () => {
    const text = `# ${'x'.repeat(MAX_DOCUMENT_BYTES - 1)}`;
    expect(() => parseModelText(text, 'yaml', 'huge.yaml')).toThrowError(DocumentTooLargeError);
  });

  it('reads an empty document as null (the model schema then reports it)', () => {
    expect(parseModelText('# nothing here\n', 'yaml')).toBeNull();
    expect(parseModelText('', 'auto')).toBeNull();
  });
});

describe('parseModelText: keys are data', () => {
  it('keeps __proto__, constructor and toString as own keys without touching prototypes', () => {
    for (const [text, format] of [
      ['__proto__: { polluted: true }\nconstructor: 1\ntoString: 2', 'yaml'],
      ['{"__proto__": {"polluted": true}, "constructor": 1, "toString": 2}', 'json'],
    ] as const) {
      const value = parseModelText(text, format) as Record<string, unknown>;
      expect(Object.keys(value)).toEqual(['__proto__', 'constructor', 'toString']);
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
  });
});
