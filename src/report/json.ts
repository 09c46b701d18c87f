import type { Decimal } from '../decimal/decimal.js';
import { toFixedString, type Rounding } from '../decimal/rounding.js';
import { formatQuantity } from '../quantity/index.js';
import { productsInTurn, requireResult, type FootprintResult, type ProductFootprint } from '../graph/results.js';
import { canonicalJson } from './canonical.js';
import { sortByText } from '../core/lists.js';
import { memoizeText } from '../core/memo.js';
import type { Issue } from '../core/issues.js';

/** The `--format json` document of DESIGN.md: every number a fixed-point decimal string. */
export interface FootprintJson {
  readonly model: { readonly id: string; readonly name?: string };
  readonly period: { readonly start: string; readonly end: string };
  readonly region?: string;
  readonly gwp: string;
  readonly scope2: 'market' | 'location';
  readonly decimals: { readonly precision: 34; readonly rounding: string };
  readonly products: readonly ProductJson[];
  readonly warnings: readonly IssueJson[];
}

/** An issue in JSON: its stable code, the document path it is about, the message and severity. */
export interface IssueJson {
  readonly code: string;
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly severity: string;
}

export interface ProductJson {
  readonly flow: string;
  readonly process: string;
  readonly declaredUnit: string;
  readonly total: string;
  readonly unit: 't CO2e';
  readonly byGas: Readonly<Record<string, string>>;
  /** Tonnes of each gas per declared unit (not CO2e). */
  readonly gasMass: Readonly<Record<string, string>>;
  readonly byScope: Readonly<Record<'1' | '2' | '3', string>>;
  readonly byCategory: Readonly<Record<string, string>>;
  readonly byProcess?: Readonly<Record<string, string>>;
  readonly recycledContent: { readonly total: string; readonly preConsumer: string; readonly postConsumer: string; readonly unspecified: string; readonly unit: 't' };
  readonly allocationShare: string;
}

/**
 * Plain JSON data of a result. Without `rounding` every value is exact (and every breakdown adds
 * up to its total digit for digit); with it, each value is rounded on its own and the rounding is
 * recorded in `decimals`.
 *
 * @example
 * const json = footprintToJson(computeFootprints(model));
 * json.products[0].total; // "16.2345..."
 */
export function footprintToJson(result: FootprintResult, rounding?: Rounding): FootprintJson {
  requireResult(result, 'footprintToJson');
  const exactOr = rounding ?? undefined; // null from JavaScript callers: exact, as undefined
  return { ...skeleton(result, exactOr), products: result.products.map((p) => productToJson(p, exactOr)) };
}

/** Everything of the document but its products, keys in code-unit order around `products`. */
function skeleton(result: FootprintResult, rounding: Rounding | undefined): Omit<FootprintJson, 'products'> & { products: readonly ProductJson[] } {
  return {
    decimals: { precision: 34, rounding: rounding === undefined ? 'exact' : `${rounding.mode} to ${rounding.places} places` },
    gwp: result.gwp,
    model: result.model,
    period: result.period,
    products: [],
    ...(result.region === undefined ? {} : { region: result.region }),
    scope2: result.scope2,
    warnings: result.warnings.map(issueToJson),
  };
}

/** An issue as the JSON outputs write it (keys in code-unit order). */
export function issueToJson(w: Issue): IssueJson {
  return { code: w.code, message: w.message, path: [...w.path], severity: w.severity };
}

/** One product of the document. Objects are built with their keys in code-unit order, so canonicalJson writes them as they are. */
function productToJson(p: ProductFootprint, rounding: Rounding | undefined): ProductJson {
  const text = (d: Decimal) => toFixedString(d, rounding);
  // Process ids are the user's (one may be "__proto__"): a null-prototype object. Gases and
  // categories come from closed lists: plain objects, which JSON.stringify writes faster.
  const map = (record: Readonly<Record<string, Decimal>>, out: Record<string, string>) => {
    for (const [k, v] of Object.entries(record)) out[k] = text(v);
    return out;
  };
  const byGas: Record<string, string> = {};
  const gasMass: Record<string, string> = {};
  for (const [gas, amount] of Object.entries(p.byGas)) {
    byGas[gas] = text(amount.co2e);
    gasMass[gas] = text(amount.mass);
  }
  return {
    allocationShare: toFixedString(p.allocationShare),
    byCategory: map(p.byCategory, {}),
    byGas,
    ...(p.byProcess === undefined ? {} : { byProcess: map(p.byProcess, Object.create(null) as Record<string, string>) }),
    byScope: { '1': text(p.byScope['1']), '2': text(p.byScope['2']), '3': text(p.byScope['3']) },
    declaredUnit: formatQuantity(p.declaredUnit),
    flow: p.flow,
    gasMass,
    process: p.process,
    recycledContent: {
      postConsumer: text(p.recycledContent.postConsumer),
      preConsumer: text(p.recycledContent.preConsumer),
      total: text(p.recycledContent.total),
      unit: 't',
      unspecified: text(p.recycledContent.unspecified),
    },
    total: text(p.total),
    unit: 't CO2e',
  };
}

/** Canonical JSON text of a result (sorted keys, two-space indent, trailing newline). */
export function footprintJsonText(result: FootprintResult, rounding?: Rounding): string {
  requireResult(result, 'footprintJsonText');
  return [...footprintJsonParts(result, rounding)].join('');
}

/**
 * `footprintJsonText` in pieces, one product at a time: the same text, without holding the JSON
 * of every product at once (a file can be written piece by piece). For a result of
 * `computeFootprints` whose `products` have not been read, each product is made as its piece is
 * and then let go, so the products are never all held either.
 *
 * @example
 * for (const piece of footprintJsonParts(result)) stream.write(piece);
 */
export function* footprintJsonParts(result: FootprintResult, rounding?: Rounding): Generator<string> {
  rounding ??= undefined; // null from JavaScript callers: exact, as undefined
  requireResult(result, 'footprintJsonParts');
  const outline = canonicalJson(skeleton(result, rounding), 2);
  // The top-level key at two spaces: strings in JSON text never hold a raw line break, so this
  // can only be the document's own "products" line.
  const marker = '\n  "products": []';
  const at = outline.indexOf(marker);
  yield `${outline.slice(0, at)}\n  "products": [`;
  let first = true;
  for (const product of productsInTurn(result)) {
    yield `${first ? '' : ','}\n    ${productText(product, rounding)}`;
    first = false;
  }
  yield `${first ? ']' : '\n  ]'}${outline.slice(at + marker.length)}\n`;
}

/**
 * `{ location, market }` as canonical JSON — the same text as
 * `canonicalJson({ location: footprintToJson(location), market: footprintToJson(market) }, 2)` —
 * in pieces, each result's products one at a time. The results are asked for only when their
 * turn comes, so a caller can compute the market-based one after the location-based one is
 * written (two large results need not be held at once).
 *
 * @example
 * for (const piece of footprintComparisonJsonParts(() => location, () => market)) stream.write(piece);
 */
export function* footprintComparisonJsonParts(location: () => FootprintResult, market: () => FootprintResult, rounding?: Rounding): Generator<string> {
  let first: FootprintResult | undefined = location(); // before any text: a result that cannot be computed writes nothing
  yield '{\n  "location": ';
  yield* indentedParts(footprintJsonParts(first, rounding), 2);
  first = undefined; // let it go before the other is computed
  yield ',\n  "market": ';
  yield* indentedParts(footprintJsonParts(market(), rounding), 2);
  yield '\n}\n';
}

/**
 * A document's pieces as a value `spaces` deeper in another: every line indented by that much
 * (JSON text holds no raw line break inside a string, so each one is structure), without its
 * final newline.
 *
 * @example
 * yield* indentedParts(footprintJsonParts(result), 2); // the value of a top-level key
 */
export function* indentedParts(parts: Iterable<string>, spaces: number): Generator<string> {
  const lineBreak = `\n${' '.repeat(spaces)}`;
  let held: string | undefined;
  for (const piece of parts) {
    if (held !== undefined) yield held.replaceAll('\n', lineBreak);
    held = piece;
  }
  if (held !== undefined) yield held.replace(/\n$/, '').replaceAll('\n', lineBreak);
}

/**
 * One product's canonical JSON at the depth it has in the document (four spaces), written
 * directly: the same text as canonicalJson(productToJson(p), 2) indented by four, which a
 * property test checks. Keys in code-unit order; decimal texts need no escaping.
 */
function productText(p: ProductFootprint, rounding: Rounding | undefined): string {
  const text = (d: Decimal) => toFixedString(d, rounding);
  const field = (key: string, value: string) => `\n      "${key}": ${value}`;
  const gases = sortByText(Object.keys(p.byGas), sameText);
  const fields = [
    field('allocationShare', `"${toFixedString(p.allocationShare)}"`),
    field('byCategory', record(Object.keys(p.byCategory), (k) => text(p.byCategory[k]!))),
    field('byGas', record(gases, (k) => text(p.byGas[k]!.co2e))),
    ...(p.byProcess === undefined ? [] : [field('byProcess', record(Object.keys(p.byProcess), (k) => text(p.byProcess![k]!)))]),
    field('byScope', record(['1', '2', '3'], (k) => text(p.byScope[k as '1' | '2' | '3']))),
    field('declaredUnit', JSON.stringify(formatQuantity(p.declaredUnit))),
    field('flow', JSON.stringify(p.flow)),
    field('gasMass', record(gases, (k) => text(p.byGas[k]!.mass))),
    field('process', JSON.stringify(p.process)),
    field(
      'recycledContent',
      `{\n        "postConsumer": "${text(p.recycledContent.postConsumer)}",\n        "preConsumer": "${text(p.recycledContent.preConsumer)}",` +
        `\n        "total": "${text(p.recycledContent.total)}",\n        "unit": "t",\n        "unspecified": "${text(p.recycledContent.unspecified)}"\n      }`,
    ),
    field('total', `"${text(p.total)}"`),
    field('unit', '"t CO2e"'),
  ];
  return `{${fields.join(',')}\n    }`;
}

/** A record of decimal texts one level into a product, keys in code-unit order. */
function record(keys: string[], value: (key: string) => string): string {
  if (keys.length === 0) return '{}';
  const lines = sortByText(keys, sameText).map((key) => `\n        ${quotedKey(key)}: "${value(key)}"`);
  return `{${lines.join(',')}\n      }`;
}

/** A key as JSON text: the same few gas, scope and category names are written for every product. */
const quotedKey = memoizeText(4096, (key) => JSON.stringify(key));

function sameText(text: string): string {
  return text;
}
