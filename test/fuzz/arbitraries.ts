// Generators of hostile model documents and document text for the fuzz run (test/fuzz/run.ts) and
// the fixed-seed fuzz test (test/fuzz/fuzz.prop.test.ts). Nothing here knows what the library
// accepts: the generators make well-formed models, then break them in every way we could think of.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { decimalText, modelArbitrary } from '../arbitraries/models.js';

export type Json = unknown;

/** One fuzz case: a document value for computeFootprints, or text for parseModelText first. */
export type FuzzCase =
  | { readonly kind: 'document'; readonly origin: string; readonly document: Json }
  | { readonly kind: 'text'; readonly origin: string; readonly format: 'yaml' | 'json' | 'auto'; readonly text: string };

/** Keys that mean something to JavaScript objects: they must work as ordinary names. */
export const HOSTILE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'] as const;

const LONG = 'x'.repeat(100_000);

/** Values that have broken parsers before: out-of-range and non-finite numbers, odd text, wrong types. */
export const HOSTILE_SCALARS: readonly Json[] = [
  '1e400', '1e-400', '-1e400', 1e300, -1e300, 5e-324, Number.MAX_VALUE, Number.MIN_VALUE, Number.MAX_SAFE_INTEGER + 2,
  '1e99999999999999999999', '1e-99999999999999999999', '1e9000000000000000', '0e99999999999999999999',
  'NaN', 'Infinity', '-Infinity', '+Infinity', '.inf', '.nan', NaN, Infinity, -Infinity,
  -0, '-0', '0', 0, '0.0', '-0.0', '00', '1e24', '1e-30', '1e25', '1e-31', '-1', -1, '1,5', '1_000', '0x10', '0b1', '1.', '.5', '+1', ' 1 ',
  '１２', '٣', '1e', 'e1', '--1', '1e+', '9'.repeat(401), `0.${'0'.repeat(398)}1`, '1'.repeat(100_000),
  '', ' ', '\t', '\n', '\u0000', '\uD800', '\uFFFF', '😀', 'ℓ', 'ﬀ', '\u202E', 't\u0000', 'Ｔ',
  null, true, false, [], {}, [[]], { '': '' }, [null],
  LONG, `${LONG} t`, `1 ${LONG}`, '1e400 t', 'NaN t', 'Infinity MWh', '-0 t', '1 t CO2/MWh', '2 %', '0.5 fraction',
  't', 'kg', 'MWh', 'GJ', 'tce', '10^4 Nm3', '%', 'kg CF4/t', 't CO2e/t', '(kg CF4/t)/(AE-min/cell-day)', 'mV', 'CNY/t',
  '10^400 t', '10^-400 t', 't^400', 't^-1', 't^0', '(t', 't)', '((((t))))', 't/t/t/t', '/', '^', '**', 't*t', '1/0 t',
  ...HOSTILE_KEYS,
];

const UNIT_PIECES = ['t', 'kg', 'g', 'MWh', 'kWh', 'GJ', 'TJ', 'tce', '10^4', 'Nm3', 'm3', '%', 'fraction', 'CO2', 'CF4', 'C2F6', 'CO2e', 'C', 'CNY', 'AE-min', 'cell-day', 'mV', '/', '*', '^', '(', ')', ' ', '-', '2', '10', 'e', '·', '²', 'µ'];

/** Unit text made of real unit pieces in random order: mostly nonsense, sometimes a real unit. */
export const unitText: fc.Arbitrary<string> = fc.array(fc.constantFrom(...UNIT_PIECES), { minLength: 1, maxLength: 8 }).map((parts) => parts.join(''));

/** Numbers as text and as JS numbers, from the hostile list, in range, and anything fast-check makes. */
export const amountValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: decimalText(0, 100_000) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -500, max: 500 })).map(([m, e]) => `${m}e${e}`) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -500, max: 500 })).map(([m, e]) => Number(`${m}e${e}`)) },
);

/** Names: ordinary ids, hostile keys, unicode, very long, empty. */
export const nameValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom('a'.repeat(10_000), 'ü'.repeat(5000), '流程', '😀😀', '', ' ', 'a b', 'NaN', 'Infinity', '1e400') },
);

/** A value that may be anything at all, hostile scalars included, with bounded nesting. */
export const anyValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_SCALARS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: amountValue },
  { weight: 1, arbitrary: nameValue },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 1000 }).map(deepNest) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...HOSTILE_KEYS, 'a', 'unit', 'amount'), fc.constantFrom(...HOSTILE_SCALARS), { maxKeys: 4 }) },
);

/** `{ a: { a: … } }` and `[[[…]]]` nested `depth` levels (built without recursion). */
export function deepNest(depth: number): Json {
  let value: Json = depth % 2 === 0 ? {} : [];
  for (let i = 0; i < depth; i++) value = depth % 2 === 0 ? { a: value } : [value];
  return value;
}

const GASES = ['CO2', 'CH4', 'N2O', 'CF4', 'C2F6', 'SF6', 'CO2e', 'H2O', 'co2', ''] as const;
const CATEGORIES = ['fuel-combustion', 'process', 'anode', 'pfc', 'carbonate', 'electricity', 'heat', 'materials', 'transport', 'other', 'nonsense'] as const;
const FACTORS = ['cn-mee/grid/national/2023', 'cn-mee/grid', 'fuzz/grid', 'fuzz/material', 'missing/factor', '__proto__'] as const;

/**
 * A graph of `n` processes with random exchanges between them: self-loops, two-cycles, nested
 * loops, diamonds, and links whose amounts make loops singular or nearly so. Amounts are mostly
 * valid; the fault, if any, is in the graph.
 */
export const cyclicModel: fc.Arbitrary<Json> = fc.integer({ min: 1, max: 7 }).chain((n) =>
  fc
    .record({
      outputs: fc.array(fc.oneof(decimalText(1, 1000), fc.constantFrom('1e-30', '1e24', '1', '0.000001')), { minLength: n, maxLength: n }),
      edges: fc.array(
        fc.record({
          from: fc.nat({ max: n - 1 }),
          to: fc.nat({ max: n - 1 }),
          amount: fc.oneof(decimalText(0, 2), fc.constantFrom('1', '0.999999999999999999999999999999999', '1.000000000000000000000000000000001', '1e24', '1e-30', '0')),
        }),
        { maxLength: n * 3 },
      ),
      emissions: fc.array(fc.option(decimalText(0, 1000), { nil: undefined }), { minLength: n, maxLength: n }),
      multi: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    })
    .map(({ outputs, edges, emissions, multi }) => {
      const processes = outputs.map((amount, i) => {
        const co2 = emissions[i];
        const extraOutput = multi[i] === true ? [{ flow: `co${i}`, amount: '1', unit: 't' }] : [];
        return {
          id: `p${i}`,
          outputs: [{ flow: `f${i}`, amount, unit: 't' }, ...extraOutput],
          ...(extraOutput.length > 0 ? { allocation: 'mass' } : {}),
          inputs: edges.filter((e) => e.to === i).map((e) => ({ flow: `f${e.from}`, amount: e.amount, unit: 't', from: `p${e.from}` })),
          emissions: co2 === undefined ? [] : [{ gas: 'CO2', amount: co2, unit: 't', category: 'process' }],
        };
      });
      return baseDocument(processes);
    }),
);

/** A model document around `processes` with the fuzz factors every generated model may use. */
export function baseDocument(processes: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    smeltprint: 1,
    id: 'fuzz',
    period: { start: '2025-01-01', end: '2025-12-31' },
    gwp: 'AR6',
    factors: [
      { id: 'fuzz/grid', value: '0.5703', unit: 't CO2/MWh', category: 'electricity', source: { title: 'fuzz factor' } },
      { id: 'fuzz/material', value: '2.1', unit: 't CO2e/t', gwp: 'AR6', source: { title: 'fuzz factor' } },
    ],
    processes,
    ...extra,
  };
}

/** Random processes built from random parts: every field may be missing, hostile or of the wrong type. */
export const looseModel: fc.Arbitrary<Json> = fc.integer({ min: 0, max: 6 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `p${i}`);
  const reference = fc.oneof(fc.constantFrom(...(ids.length === 0 ? ['p0'] : ids)), nameValue);
  const output = fc.record(
    {
      flow: fc.oneof(fc.constantFrom('f0', 'f1', 'f2', 'slag'), nameValue),
      amount: amountValue,
      unit: fc.oneof(fc.constantFrom('t', 'kg', 'MWh'), unitText),
      waste: fc.boolean(),
      to: reference,
      substitutes: fc.oneof(fc.constantFrom(...FACTORS), fc.record({ from: reference })),
      price: fc.oneof(fc.constantFrom('18000 CNY/t', '1 CNY/kg'), amountValue),
      properties: fc.dictionary(fc.oneof(nameValue, fc.constantFrom('zinc')), fc.oneof(fc.constantFrom('0.5 t/t'), amountValue), { maxKeys: 2 }),
    },
    { requiredKeys: ['flow', 'amount', 'unit'] },
  );
  const input = fc.record(
    {
      flow: fc.oneof(fc.constantFrom('f0', 'f1', 'electricity', 'scrap'), nameValue),
      amount: amountValue,
      unit: fc.oneof(fc.constantFrom('t', 'kg', 'MWh'), unitText),
      from: reference,
      factor: fc.constantFrom(...FACTORS),
      recycled: fc.constantFrom(true, false, 'pre-consumer', 'post-consumer', 'nonsense'),
      category: fc.constantFrom(...CATEGORIES),
      vintage: fc.constantFrom('2023', '2023-06-30', '1900', 'x'),
    },
    { requiredKeys: ['flow', 'amount', 'unit'] },
  );
  const emission = fc.oneof(
    fc.record({ gas: fc.constantFrom(...GASES), amount: amountValue, unit: fc.oneof(fc.constantFrom('t', 't CO2', 'kg CF4'), unitText), category: fc.constantFrom(...CATEGORIES) }, { requiredKeys: [] }),
    fc.record({
      method: fc.constantFrom('ipcc-2006/aluminium/prebake-anode-co2', 'ipcc-2006/aluminium/pfc-slope', 'ipcc-2006/aluminium/tier1-co2', 'generic/fuel-combustion', 'no/such/method'),
      with: fc.dictionary(fc.constantFrom('netAnodeConsumption', 'sulfur', 'ash', 'technology', 'anodeEffectMinutes', 'production', '__proto__', 'constructor'), anyValue, { maxKeys: 4 }),
    }),
  );
  const processArb = (id: string) =>
    fc.record(
      {
        id: fc.oneof({ weight: 5, arbitrary: fc.constant(id) }, { weight: 1, arbitrary: nameValue }),
        outputs: fc.array(output, { maxLength: 3 }),
        inputs: fc.array(input, { maxLength: 3 }),
        emissions: fc.array(emission, { maxLength: 2 }),
        allocation: fc.oneof(fc.constantFrom('mass', 'economic', { physical: 'zinc' }, { method: 'manual', shares: { f0: '0.5', f1: '0.5' } }), anyValue),
        name: nameValue,
      },
      { requiredKeys: ['id', 'outputs'] },
    );
  return fc
    .tuple(fc.tuple(...ids.map(processArb)), fc.constantFrom<'AR6' | 'AR5' | 'SAR' | 'AR7'>('AR6', 'AR5', 'SAR', 'AR7'), fc.option(fc.constantFrom('CN', 'CN-NM', 'XX', '中国'), { nil: undefined }))
    .map(([processes, gwp, region]) => baseDocument(processes, { gwp, ...(region === undefined ? {} : { region }) }));
});

/** Every path to a value inside `value` (objects and arrays), root first, at most `limit`. */
export function pathsOf(value: Json, limit = 2000): (string | number)[][] {
  const out: (string | number)[][] = [[]];
  const stack: { value: Json; path: (string | number)[] }[] = [{ value, path: [] }];
  while (stack.length > 0 && out.length < limit) {
    const { value: v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const entries: [string | number, Json][] = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [key, child] of entries) {
      const childPath = [...path, key];
      out.push(childPath);
      stack.push({ value: child, path: childPath });
    }
  }
  return out;
}

/** A deep copy of plain JSON-like data that keeps `__proto__` as an ordinary key. */
export function clone(value: Json): Json {
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) define(out, k, clone(v));
    return out;
  }
  return value;
}

/** Sets an own property even when the key is `__proto__`. */
export function define(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type Mutation =
  | { readonly op: 'replace'; readonly at: number; readonly value: Json }
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'add'; readonly at: number; readonly key: string; readonly value: Json }
  | { readonly op: 'duplicate'; readonly at: number }
  | { readonly op: 'wrap'; readonly at: number }
  | { readonly op: 'swap'; readonly at: number; readonly other: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: anyValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: fc.oneof(nameValue, fc.constantFrom('amount', 'unit', 'from', 'factor', 'waste', 'recycled')), value: anyValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('swap' as const), at: fc.nat(), other: fc.nat() }) },
);

/** Applies mutations to a copy of `document`; paths are picked by index among its current paths. */
export function mutate(document: Json, mutations: readonly Mutation[]): Json {
  const root = { value: clone(document) } as Record<string, Json>;
  for (const m of mutations) {
    const paths = pathsOf(root['value']);
    const path = ['value', ...paths[m.at % paths.length]!];
    const parent = getAt(root, path.slice(0, -1)) as Record<string | number, Json>;
    const key = path.at(-1)!;
    if (parent === null || typeof parent !== 'object') continue;
    const current = (parent as Record<string | number, Json>)[key];
    switch (m.op) {
      case 'replace':
        setAt(parent, key, m.value);
        break;
      case 'delete':
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete (parent as Record<string, Json>)[key];
        break;
      case 'add':
        if (current !== null && typeof current === 'object' && !Array.isArray(current)) define(current as Record<string, Json>, m.key, m.value);
        else if (Array.isArray(current)) current.push(m.value);
        break;
      case 'duplicate':
        // A second process or output with the same id or flow, or an array element twice.
        if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 0, clone(current));
        else if (Array.isArray(current) && current.length > 0) current.push(clone(current[0]));
        break;
      case 'wrap':
        setAt(parent, key, [current]);
        break;
      case 'swap': {
        const otherPath = ['value', ...paths[m.other % paths.length]!];
        const otherParent = getAt(root, otherPath.slice(0, -1));
        if (otherParent === null || typeof otherParent !== 'object') break;
        const otherKey = otherPath.at(-1)!;
        const otherValue = (otherParent as Record<string | number, Json>)[otherKey];
        // Copy rather than move: moving a node into itself would make a cyclic object.
        setAt(parent, key, clone(otherValue));
        break;
      }
    }
  }
  return root['value'];
}

function getAt(root: Json, path: readonly (string | number)[]): Json {
  let v: Json = root;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Object.prototype.hasOwnProperty.call(v, key) ? (v as Record<string | number, Json>)[key] : undefined;
  }
  return v;
}

function setAt(parent: Record<string | number, Json>, key: string | number, value: Json): void {
  if (typeof key === 'string') define(parent as Record<string, Json>, key, value);
  else parent[key] = value;
}

/** Valid models from the shared arbitraries (chains, diamonds and productive loops). */
export const validModel: fc.Arbitrary<Json> = fc.oneof(modelArbitrary({ maxProcesses: 6 }), modelArbitrary({ maxProcesses: 6, loops: true })).map((shape) => shape.document);

/** Documents that start valid (generated or one of `seeds`) and are broken by 1–4 mutations. */
export function mutatedModel(seeds: readonly Json[]): fc.Arbitrary<Json> {
  const start = seeds.length === 0 ? validModel : fc.oneof({ weight: 3, arbitrary: validModel }, { weight: 2, arbitrary: cyclicModel }, { weight: 1, arbitrary: fc.constantFrom(...seeds) });
  return fc.tuple(start, fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([document, mutations]) => mutate(document, mutations));
}

/**
 * Large models: a chain or a fan-in of `size` processes, to find quadratic paths and stack depth
 * problems (each case stays under the per-case time limit at the sizes used here).
 */
export function largeModel(maxSize: number): fc.Arbitrary<Json> {
  return fc.tuple(fc.integer({ min: 100, max: maxSize }), fc.constantFrom('chain', 'fan-in', 'loop-chain')).map(([size, shape]) => {
    const processes = Array.from({ length: size }, (_, i) => {
      const inputs =
        shape === 'fan-in'
          ? i === size - 1
            ? Array.from({ length: size - 1 }, (__, j) => ({ flow: `f${j}`, amount: '0.001', unit: 't', from: `p${j}` }))
            : []
          : i === 0
            ? shape === 'loop-chain'
              ? [{ flow: `f${size - 1}`, amount: '0.1', unit: 't', from: `p${size - 1}` }]
              : []
            : [{ flow: `f${i - 1}`, amount: '1', unit: 't', from: `p${i - 1}` }];
      return { id: `p${i}`, outputs: [{ flow: `f${i}`, amount: '1', unit: 't' }], inputs, emissions: [{ gas: 'CO2', amount: '0.01', unit: 't', category: 'process' }] };
    });
    return baseDocument(processes);
  });
}

/** Text edits: insert, delete or replace characters at random places. */
const textEdit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 5 }), insert: fc.oneof(fc.constantFrom('{', '}', '[', ']', ':', ',', '"', "'", '\n', '  ', '- ', '&a ', '*a', '!!str ', '!!js/function ', '<<: ', '---\n', '...\n', '#', '\t', '\u0000', '\uFEFF', '1e400', 'NaN', '.inf', '__proto__: '), fc.string({ maxLength: 4 })) });

/** YAML or JSON text of a (possibly broken) model, then edited character by character. */
export function modelText(seeds: readonly Json[]): fc.Arbitrary<FuzzCase> {
  return fc
    .tuple(fc.oneof(validModel, mutatedModel(seeds), looseModel), fc.constantFrom<'yaml' | 'json'>('yaml', 'json'), fc.constantFrom<'yaml' | 'json' | 'auto'>('yaml', 'json', 'auto'), fc.array(textEdit, { maxLength: 3 }))
    .map(([document, writtenAs, readAs, edits]) => {
      let text = writtenAs === 'json' ? safeJson(document) : safeYaml(document);
      for (const edit of edits) {
        const at = text.length === 0 ? 0 : edit.at % text.length;
        text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
      }
      return { kind: 'text', origin: `text:${writtenAs}->${readAs}`, format: readAs, text } as const;
    });
}

// Mutations can nest a deep value inside another: too deep for the writers is fine, it just
// becomes a smaller document.
function safeJson(document: Json): string {
  try {
    return JSON.stringify(document) ?? 'null';
  } catch {
    return '[]';
  }
}

function safeYaml(document: Json): string {
  try {
    // A mutation can delete the whole document: yaml writes nothing for undefined.
    return stringify(document, { aliasDuplicateObjects: false, lineWidth: 0 }) ?? 'null';
  } catch {
    return safeJson(document);
  }
}

/** Hand-written hostile text: alias bombs, deep nesting, huge numbers, tags, odd encodings. */
export const hostileText: fc.Arbitrary<FuzzCase> = fc
  .oneof(
    fc.integer({ min: 1, max: 20_000 }).map((d) => `${'['.repeat(d)}${']'.repeat(d)}`),
    fc.integer({ min: 1, max: 20_000 }).map((d) => `${'{"a":'.repeat(d)}1${'}'.repeat(d)}`),
    fc.integer({ min: 1, max: 2000 }).map((d) => Array.from({ length: d }, (_, i) => `${' '.repeat(i)}a:`).join('\n')),
    fc.constant('a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]'),
    fc.constantFrom('smeltprint: 1e400', 'smeltprint: .inf', 'smeltprint: .nan', 'amount: 1e99999999999999999999', 'a: !!js/function "x"', 'a: !!binary AAAA', '? [a]\n: 1', '__proto__: {polluted: 1}', '{"__proto__": {"polluted": 1}}', '\uFEFF{}', '', '#', '---', '--- 1\n--- 2', '~', 'null', '"\\ud800"'),
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.string({ maxLength: 200 }),
  )
  .chain((text) => fc.constantFrom<'yaml' | 'json' | 'auto'>('yaml', 'json', 'auto').map((format) => ({ kind: 'text' as const, origin: 'text:hostile', format, text })));

/** Every kind of case, weighted towards documents that get past the first checks. */
export function fuzzCase(seeds: readonly Json[], options: { largeModels?: number } = {}): fc.Arbitrary<FuzzCase> {
  const document = (origin: string, arbitrary: fc.Arbitrary<Json>) => arbitrary.map((d): FuzzCase => ({ kind: 'document', origin, document: d }));
  const cases: fc.WeightedArbitrary<FuzzCase>[] = [
    { weight: 100, arbitrary: document('valid', validModel) },
    { weight: 150, arbitrary: document('cyclic', cyclicModel) },
    { weight: 400, arbitrary: document('mutated', mutatedModel(seeds)) },
    { weight: 200, arbitrary: document('loose', looseModel) },
    { weight: 50, arbitrary: document('any', anyValue) },
    { weight: 150, arbitrary: modelText(seeds) },
    { weight: 50, arbitrary: hostileText },
  ];
  // About one case in a thousand: large models cost far more than the rest.
  if (options.largeModels !== undefined) cases.push({ weight: 1, arbitrary: document('large', largeModel(options.largeModels)) });
  return fc.oneof(...cases);
}
