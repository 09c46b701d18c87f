// Names that mean something to JavaScript objects (`__proto__`, `constructor`, `toString`, …) are
// ordinary ids, flows and property names to smeltprint: they compute, serialize and explain like
// any other, and nothing reaches Object.prototype.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { canonicalJson } from '../../src/report/canonical.js';
import { explainText } from '../../src/report/explainText.js';
import { footprintJsonText } from '../../src/report/json.js';
import { footprintTable } from '../../src/report/table.js';
import { define, HOSTILE_KEYS } from '../fuzz/arbitraries.js';

function prototypeSnapshot(): string[] {
  return [Object, Array, Function, String].flatMap((constructor) =>
    Object.getOwnPropertyNames(constructor.prototype).map((name) => `${constructor.name}.${name}:${typeof Object.getOwnPropertyDescriptor(constructor.prototype, name)?.value}`),
  );
}

/** A chain supplier → user → (co-products by a property named `key`), every name `key`-based. */
function hostileDocument(key: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {};
  define(properties, key, '0.5 t/t');
  const otherProperties: Record<string, unknown> = {};
  define(otherProperties, key, '0.25 t/t');
  const declaredUnits: Record<string, unknown> = {};
  define(declaredUnits, key, '1 kg');
  return {
    smeltprint: 1,
    id: key,
    name: key,
    period: { start: '2025-01-01', end: '2025-12-31' },
    gwp: 'AR6',
    declaredUnits,
    processes: [
      { id: key, name: key, outputs: [{ flow: key, amount: '10', unit: 't' }], emissions: [{ gas: 'CO2', amount: '5', unit: 't', category: 'process', label: key }] },
      {
        id: `${key}-user`,
        outputs: [
          { flow: `${key}-main`, amount: '4', unit: 't', properties },
          { flow: `${key}-co`, amount: '4', unit: 't', properties: otherProperties },
        ],
        allocation: { method: 'physical', property: key },
        inputs: [{ flow: key, amount: '2', unit: 't', from: key }],
        emissions: [{ gas: 'CH4', amount: '0.1', unit: 't', category: 'fuel-combustion' }],
      },
    ],
  };
}

describe('hostile keys as ordinary names', () => {
  let before: string[];
  beforeEach(() => {
    before = prototypeSnapshot();
  });
  afterEach(() => {
    expect(prototypeSnapshot()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each(HOSTILE_KEYS)('"%s" as model id, process id, flow, label, property and declared-unit key', (key) => {
    const result = computeFootprints(hostileDocument(key));
    // Supplier: 5 t CO2 / 10 t = 0.5 t CO2e per t, declared per 1 kg → 0.0005.
    const supplier = result.products.find((p) => p.flow === key)!;
    expect(supplier.total.toFixed()).toBe('0.0005');
    expect(supplier.process).toBe(key);
    // The user's burden is split by the property named `key`: 0.5 t/t × 4 t : 0.25 t/t × 4 t = 2 : 1,
    // and the shares add up to exactly 1.
    const main = result.products.find((p) => p.flow === `${key}-main`)!;
    const co = result.products.find((p) => p.flow === `${key}-co`)!;
    expect(main.allocationShare.plus(co.allocationShare).toFixed()).toBe('1');
    // By-process keys are the process ids, the hostile one included, as own keys.
    expect(Object.keys(main.byProcess!).sort()).toEqual([key, `${key}-user`].sort());

    const json = JSON.parse(footprintJsonText(result)) as { model: { id: string }; products: { flow: string; byProcess: Record<string, string> }[] };
    expect(json.model.id).toBe(key);
    expect(json.products.map((p) => p.flow).sort()).toEqual([key, `${key}-co`, `${key}-main`].sort());
    const mainJson = json.products.find((p) => p.flow === `${key}-main`)!;
    expect(Object.prototype.hasOwnProperty.call(mainJson.byProcess, key)).toBe(true);
    expect(mainJson.byProcess[key]).toBe(main.byProcess![key]!.toFixed());

    const tree = result.explain(key);
    expect(tree.label).toContain(key);
    expect(tree.children.map((c) => c.label)).toEqual([key]);
    const userTree = result.explain(`${key}-main`);
    expect(userTree.children.some((c) => c.kind === 'input' && c.label.includes(key))).toBe(true);
    expect(canonicalJson(userTree)).toContain(`"${key}`);
    expect(explainText(userTree)).toContain(key);
    expect(footprintTable(result)).toContain(key);
  });

  it.each(HOSTILE_KEYS)('"%s" as a key in YAML and JSON text stays an own key and reaches nothing else', (key) => {
    const yaml = parseModelText(`${key}: { polluted: 1 }\nplain: 1\n`, 'yaml') as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(yaml, key)).toBe(true);
    expect(Object.getPrototypeOf(yaml)).toBe(Object.prototype);
    const json = parseModelText(`{"${key}": {"polluted": 1}}`, 'json') as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(json, key)).toBe(true);
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
  });

  it('a model read from text with a __proto__ field reports it as an unknown field, by path', () => {
    const text = 'smeltprint: 1\nid: m\nperiod: { start: 2025-01-01, end: 2025-12-31 }\n__proto__: { polluted: 1 }\nprocesses:\n  - id: p\n    outputs: [{ flow: f, amount: 1, unit: t }]\n';
    expect(() => computeFootprints(parseModelText(text, 'yaml'))).toThrow(/__proto__/);
  });

  it('method parameters named __proto__ and constructor are unknown parameters with a path, not lookups', () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const withParameters: Record<string, unknown> = { netAnodeConsumption: '0.42 t/t', sulfur: '2 %', ash: '0.4 %' };
      define(withParameters, key, '1');
      const document = {
        smeltprint: 1,
        id: 'm',
        period: { start: '2025-01-01', end: '2025-12-31' },
        processes: [{ id: 'p', outputs: [{ flow: 'f', amount: '1', unit: 't' }], emissions: [{ method: 'ipcc-2006/aluminium/prebake-anode-co2', with: withParameters }] }],
      };
      expect(() => computeFootprints(document)).toThrow(`with.${key}: unknown parameter`);
    }
  });
});
