import type { Category, Scope } from '../gases/categories.js';
import type { GasOrCO2e } from '../gases/types.js';
import type { ScrapType } from '../model/types.js';
import { memoizeText } from '../core/memo.js';

/**
 * What a burden cell is about. Emission cells say which gas (and, for already-characterized CO2e,
 * with which GWP set), scope and category; recycled cells track scrap mass through the graph so
 * recycled content per product comes out of the same solve. `origin` is the process that caused
 * the burden, kept only when per-process contributions are asked for.
 */
export type BurdenKey =
  | {
      readonly kind: 'gas';
      readonly gas: GasOrCO2e;
      readonly basis?: string;
      readonly scope: Scope;
      readonly category: Category;
      readonly origin?: string;
    }
  | { readonly kind: 'recycled'; readonly scrap: ScrapType; readonly origin?: string };

// Keys are joined with a separator that cannot appear in gas, scope or category names; the origin
// (a user id) goes last so it may contain anything.
const SEP = '\u0001';

export function encodeKey(key: BurdenKey): string {
  if (key.kind === 'gas') return gasKeyText(key.gas, key.basis, key.scope, key.category, key.origin);
  return recycledKeyText(key.scrap, key.origin);
}

/** `encodeKey` of a gas key from its parts, without making the key. */
export function gasKeyText(gas: GasOrCO2e, basis: string | undefined, scope: Scope, category: Category, origin: string | undefined): string {
  // join makes one flat string (a template literal makes a tree of pieces, flattened on first hashing).
  return ['g', gas, basis ?? '', scope, category, origin ?? ''].join(SEP);
}

/**
 * `gasKeyText` for one build: each key without an origin is made once and then found by its parts,
 * not made again for every item that carries it (a large model has a few keys on hundreds of
 * thousands of items), and every item holds the same string. Keys with an origin (per-process
 * contributions) are particular to their process and are made each time.
 */
export function gasKeyTexts(): (gas: GasOrCO2e, basis: string | undefined, scope: Scope, category: Category, origin: string | undefined) => string {
  const known = new Map<Category, Map<GasOrCO2e, { readonly scope: Scope; readonly basis: string | undefined; readonly text: string }[]>>();
  return (gas, basis, scope, category, origin) => {
    if (origin !== undefined) return gasKeyText(gas, basis, scope, category, origin);
    let byGas = known.get(category);
    if (byGas === undefined) known.set(category, (byGas = new Map()));
    let texts = byGas.get(gas);
    if (texts === undefined) byGas.set(gas, (texts = []));
    for (const entry of texts) if (entry.scope === scope && entry.basis === basis) return entry.text;
    const text = gasKeyText(gas, basis, scope, category, undefined);
    texts.push({ scope, basis, text });
    return text;
  };
}

/** `encodeKey` of a recycled-scrap key from its parts. */
export function recycledKeyText(scrap: ScrapType, origin: string | undefined): string {
  return ['r', scrap, origin ?? ''].join(SEP);
}

/**
 * The key an encoded text stands for (frozen). Memoized: a result decodes the same few keys once
 * per product.
 */
export const decodeKey: (text: string) => BurdenKey = memoizeText(4096, (text) => Object.freeze(decode(text)));

function decode(text: string): BurdenKey {
  const parts = text.split(SEP);
  if (parts[0] === 'g') {
    const [, gas, basis, scope, category, ...origin] = parts;
    const originText = origin.join(SEP);
    return {
      kind: 'gas',
      gas: gas as GasOrCO2e,
      ...(basis === '' || basis === undefined ? {} : { basis }),
      scope: scope as Scope,
      category: category as Category,
      ...(originText === '' ? {} : { origin: originText }),
    };
  }
  const [, scrap, ...origin] = parts;
  const originText = origin.join(SEP);
  return { kind: 'recycled', scrap: scrap as ScrapType, ...(originText === '' ? {} : { origin: originText }) };
}
