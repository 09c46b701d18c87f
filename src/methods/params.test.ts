import { describe, expect, it } from 'vitest';
import { MethodParameterError } from '../core/errors.js';
import { parseParameters } from './params.js';
import type { ParameterSpec } from './types.js';
import type { Quantity } from '../quantity/types.js';

const PATH = ['processes', 0, 'emissions', 1, 'with'] as const;
const spec: Readonly<Record<string, ParameterSpec>> = {
  netAnodeConsumption: { kind: 'quantity', unit: 't C/t', required: true, description: 'NAC' },
  sulfur: { kind: 'quantity', unit: '%', max: '100', default: '2 %', defaultSource: 'IPCC 2006 Tables 4.11–4.13', description: 'S_a' },
  production: { kind: 'quantity', unit: 't', description: 'MP' },
  anodeEffectMinutes: { kind: 'quantity', unit: 'AE-min/cell-day', description: 'AEM' },
  hydrogen: { kind: 'quantity', unit: 't', alternativeUnits: ['%'], description: 'H_w' },
  technology: { kind: 'enum', values: ['CWPB', 'SWPB'], default: 'CWPB', description: 'technology' },
  lines: { kind: 'list', item: { share: { kind: 'quantity', unit: '%', required: true, description: 'share' } }, description: 'potlines' },
};

function q(value: unknown): Quantity {
  return value as Quantity;
}

function thrown(fn: () => unknown): MethodParameterError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(MethodParameterError);
    return error as MethodParameterError;
  }
  throw new Error('expected a MethodParameterError');
}

describe('parseParameters', () => {
  it('reads quantity text and bare numbers in the spec unit, converting to it', () => {
    const parsed = parseParameters(spec, { netAnodeConsumption: '420 kg C/t', production: 100000, anodeEffectMinutes: '0.2' }, PATH);
    // 420 kg C/t = 0.42 t C/t (1 kg = 0.001 t)
    expect(q(parsed.values.netAnodeConsumption).amount.toFixed()).toBe('0.42');
    expect(q(parsed.values.netAnodeConsumption).unit.symbol).toBe('t C/t');
    expect(q(parsed.values.production).amount.toFixed()).toBe('100000');
    expect(q(parsed.values.anodeEffectMinutes).amount.toFixed()).toBe('0.2');
  });

  it('accepts a bare number for a t/t-style ratio', () => {
    const parsed = parseParameters(spec, { netAnodeConsumption: 0.42 }, PATH);
    expect(q(parsed.values.netAnodeConsumption).amount.toFixed()).toBe('0.42');
  });

  it('rejects a bare number in a percent slot (standards.md unit pitfalls), accepts % and fraction', () => {
    const error = thrown(() => parseParameters(spec, { netAnodeConsumption: '0.42 t/t', sulfur: 2 }, PATH));
    expect(error.path).toEqual([...PATH, 'sulfur']);
    expect(error.message).toContain('"2 %" or "2 fraction"');
    thrown(() => parseParameters(spec, { netAnodeConsumption: '0.42 t/t', sulfur: '0.02' }, PATH));
    // 0.02 fraction = 0.02 / 0.01 % = 2 %
    const parsed = parseParameters(spec, { netAnodeConsumption: '0.42 t/t', sulfur: '0.02 fraction' }, PATH);
    expect(q(parsed.values.sulfur).amount.toFixed()).toBe('2');
    expect(q(parsed.values.sulfur).unit.symbol).toBe('%');
  });

  it('fills defaults and records them with their source', () => {
    const parsed = parseParameters(spec, { netAnodeConsumption: '0.42 t/t' }, PATH);
    expect(q(parsed.values.sulfur).amount.toFixed()).toBe('2');
    expect(parsed.values.technology).toBe('CWPB');
    expect(parsed.defaults).toEqual([
      { name: 'sulfur', value: '2 %', source: 'IPCC 2006 Tables 4.11–4.13' },
      { name: 'technology', value: 'CWPB' },
    ]);
    expect(parsed.values.production).toBeUndefined();
  });

  it('converts to the first convertible of unit and alternativeUnits, and rejects bare numbers there', () => {
    expect(q(parseParameters(spec, { netAnodeConsumption: 0.4, hydrogen: '500 kg' }, PATH).values.hydrogen).amount.toFixed()).toBe('0.5');
    expect(q(parseParameters(spec, { netAnodeConsumption: 0.4, hydrogen: '0.5 %' }, PATH).values.hydrogen).unit.symbol).toBe('%');
    thrown(() => parseParameters(spec, { netAnodeConsumption: 0.4, hydrogen: 5 }, PATH));
  });

  it('names the path of unknown, missing, mistyped and out-of-range parameters', () => {
    expect(thrown(() => parseParameters(spec, { netAnodeConsumption: 0.4, sulphur: '2 %' }, PATH)).path).toEqual([...PATH, 'sulphur']);
    expect(thrown(() => parseParameters(spec, {}, PATH)).path).toEqual([...PATH, 'netAnodeConsumption']);
    expect(thrown(() => parseParameters(spec, { netAnodeConsumption: '0.42 MWh' }, PATH)).path).toEqual([...PATH, 'netAnodeConsumption']);
    expect(thrown(() => parseParameters(spec, { netAnodeConsumption: '0.42 furlong' }, PATH)).path).toEqual([...PATH, 'netAnodeConsumption']);
    expect(thrown(() => parseParameters(spec, { netAnodeConsumption: -0.42 }, PATH)).path).toEqual([...PATH, 'netAnodeConsumption']);
    expect(thrown(() => parseParameters(spec, { netAnodeConsumption: 0.4, sulfur: '101 %' }, PATH)).path).toEqual([...PATH, 'sulfur']);
    expect(thrown(() => parseParameters(spec, { netAnodeConsumption: 0.4, technology: 'VSS' }, PATH)).path).toEqual([...PATH, 'technology']);
    expect(thrown(() => parseParameters(spec, { netAnodeConsumption: true }, PATH)).path).toEqual([...PATH, 'netAnodeConsumption']);
    expect(thrown(() => parseParameters(spec, [1, 2], PATH)).path).toEqual([...PATH]);
  });

  it('parses lists of objects with indexed paths', () => {
    const parsed = parseParameters(spec, { netAnodeConsumption: 0.4, lines: [{ share: '60 %' }, { share: '0.4 fraction' }] }, PATH);
    const lines = parsed.values.lines as readonly Readonly<Record<string, Quantity>>[];
    expect(lines.map((line) => line.share?.amount.toFixed())).toEqual(['60', '40']);
    expect(thrown(() => parseParameters(spec, { netAnodeConsumption: 0.4, lines: [{ share: '60 %' }, { share: 40 }] }, PATH)).path).toEqual([
      ...PATH,
      'lines',
      1,
      'share',
    ]);
  });

  it('does not mutate its input and freezes its output', () => {
    const raw = { netAnodeConsumption: '0.42 t/t' };
    const parsed = parseParameters(spec, raw, PATH);
    expect(raw).toEqual({ netAnodeConsumption: '0.42 t/t' });
    expect(Object.isFrozen(parsed.values)).toBe(true);
  });
});
