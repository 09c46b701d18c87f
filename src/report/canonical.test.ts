import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { canonicalJson } from './canonical.js';

/** The definition: JSON.stringify of a copy with every object's keys in code-unit order. */
function reference(value: unknown, indent?: number): string {
  const sorted = (v: unknown): unknown => {
    if (v !== null && typeof v === 'object' && typeof (v as { toJSON?: unknown }).toJSON === 'function') return sorted((v as { toJSON: () => unknown }).toJSON());
    if (Array.isArray(v)) return v.map(sorted);
    if (v !== null && typeof v === 'object') {
      const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const k of Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
        Object.defineProperty(out, k, { value: sorted((v as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(sorted(value), null, indent) ?? 'null';
}

// JSON values plus what JSON leaves out or replaces: undefined, functions, non-finite numbers.
const valueArb = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.constant(() => 1),
    fc.array(tie('value')),
    // Integer-like keys are left to the test below: a JS object lists them first, so the reference
    // (which sorts by copying into objects) cannot order them.
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'a', 'B', 'é', 'x10')).filter((k) => !/^(0|[1-9]\d*)$/.test(k)), tie('value')),
  ),
})).value;

describe('canonicalJson', () => {
  it('is JSON.stringify of the data with sorted keys, compact and indented', () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom(undefined, 0, 2, 4), (value, indent) => {
        expect(canonicalJson(value, indent)).toBe(reference(value, indent));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders integer-like keys by code units too (RFC 8785), not first as JS objects list them', () => {
    expect(canonicalJson({ a: 4, 9: 1, 10: 2, '': 3 })).toBe('{"":3,"10":2,"9":1,"a":4}');
  });

  it('orders any mix of integer-like and other keys by code units', () => {
    const keyArb = fc.oneof(fc.nat({ max: 12_000_000_000 }).map(String), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.dictionary(keyArb, fc.string({ maxLength: 3 })), fc.constantFrom(undefined, 2), (object, indent) => {
        const keys = Object.keys(object).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        const compact = `{${keys.map((k) => `${JSON.stringify(k)}:${JSON.stringify(object[k])}`).join(',')}}`;
        const text = canonicalJson(object, indent);
        expect(indent === undefined ? text : JSON.stringify(JSON.parse(text))).toBe(indent === undefined ? compact : JSON.stringify(JSON.parse(compact)));
        if (indent === undefined) return;
        // Indented: the same keys, one per line, in the same order.
        const lines = text.split('\n').slice(1, -1).map((line) => JSON.parse(`{${line.replace(/,$/, '')}}`) as Record<string, string>);
        expect(lines.map((line) => Object.keys(line)[0])).toEqual(keys);
      }),
      { numRuns: 1000 },
    );
  });

  it('writes a Decimal through its toJSON (fixed-point text) and sorts nested keys', () => {
    const data = { b: [new Decimal('1.50'), { z: 1, a: undefined }], a: { d: '2', c: null } };
    expect(canonicalJson(data)).toBe('{"a":{"c":null,"d":"2"},"b":["1.5",{"z":1}]}');
    expect(canonicalJson(data, 2)).toBe(reference(data, 2));
  });

  it('writes data with integer-like keys by its own writer, as JSON.stringify writes the rest', () => {
    // Integer-like keys take the writer that keeps its own stack: below them, any data must come
    // out as the definition writes it, nested one level in.
    fc.assert(
      fc.property(valueArb, fc.constantFrom(undefined, 2), (value, indent) => {
        const inner = reference(value, indent);
        const expected =
          value === undefined || typeof value === 'function'
            ? indent === undefined ? '{"10":null}' : '{\n  "10": null\n}'
            : indent === undefined
              ? `{"1":${inner},"10":null}`
              : `{\n  "1": ${inner.replaceAll('\n', '\n  ')},\n  "10": null\n}`;
        expect(canonicalJson({ 1: value, 10: null }, indent)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes data nested deeper than the call stack goes (an explanation of a long chain)', () => {
    const depth = 200_000;
    let array: unknown = [];
    let object: unknown = {};
    for (let i = 0; i < depth; i++) {
      array = [array];
      object = { a: object };
    }
    expect(canonicalJson(array)).toBe(`${'['.repeat(depth + 1)}${']'.repeat(depth + 1)}`);
    expect(canonicalJson(object)).toBe(`${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`);
    // Indented, a line per level, two spaces deeper each (3,000 levels: the text grows as their square).
    let shallow: unknown = {};
    for (let i = 0; i < 3000; i++) shallow = { a: shallow };
    const lines = ['{', ...Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}"a": ${i === 2999 ? '{}' : '{'}`), ...Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(2999 - i)}}`)];
    expect(canonicalJson(shallow, 2)).toBe(lines.join('\n'));
  });

  it('refuses data that contains itself with a CircularDataError (it ran until memory ran out)', () => {
    const object: Record<string, unknown> = { a: 1 };
    object['self'] = { inner: object };
    const array: unknown[] = [1];
    array.push([array]);
    for (const value of [object, array, { list: [object] }]) {
      expect(() => canonicalJson(value)).toThrow(expect.objectContaining({ code: 'circular_data', name: 'CircularDataError' }));
      expect(() => canonicalJson(value, 2)).toThrow(expect.objectContaining({ code: 'circular_data' }));
    }
    // The same object twice, side by side, is not a cycle.
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: [shared, shared] })).toBe('{"a":{"x":1},"b":[{"x":1},{"x":1}]}');
  });
});
