import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../compute/computeFootprints.js';
import { parseModelText } from '../io/parseModelText.js';
import { isReadAsData, markReadAsData } from './readAsData.js';

describe('readAsData', () => {
  it('marks what the JSON and YAML readers return, and nothing else', () => {
    expect(isReadAsData(parseModelText('{"a": 1}', 'json'))).toBe(true);
    expect(isReadAsData(parseModelText('a: 1', 'yaml'))).toBe(true);
    // Long numbers take the careful JSON path: marked too.
    expect(isReadAsData(parseModelText('{"a": 0.1000000000000000000001}', 'json'))).toBe(true);
    expect(isReadAsData(JSON.parse('{"a": 1}'))).toBe(false);
    expect(isReadAsData({ ...(parseModelText('{"a": 1}', 'json') as object) })).toBe(false);
    expect(isReadAsData(structuredClone(parseModelText('{"a": 1}', 'json')))).toBe(false);
    expect([markReadAsData(3), markReadAsData(null), markReadAsData('x')]).toEqual([3, null, 'x']);
    expect(isReadAsData(markReadAsData(Object.freeze({ a: 1 })))).toBe(false);
    // Invisible to JSON and to the keys a caller lists.
    const marked = markReadAsData({ a: 1 });
    expect(JSON.stringify(marked)).toBe('{"a":1}');
    expect(Object.keys(marked)).toEqual(['a']);
  });

  it('a document of the caller’s own is read once, by zod, even when a getter answers differently each time', () => {
    // The quick reading reads some fields twice; it is kept for documents the readers made.
    let reads = 0;
    const output: Record<string, unknown> = { amount: '1', unit: 't' };
    Object.defineProperty(output, 'flow', { enumerable: true, get: () => (reads++ === 0 ? 'aluminium' : 42) });
    const document = {
      smeltprint: 1,
      id: 'm',
      period: { start: '2025-01-01', end: '2025-12-31' },
      processes: [{ id: 'p', outputs: [output], emissions: [{ gas: 'CO2', amount: '1', unit: 't', category: 'process' }] }],
    };
    expect(computeFootprints(document).products.map((p) => p.flow)).toEqual(['aluminium']);
    expect(reads).toBe(1);
  });
});
