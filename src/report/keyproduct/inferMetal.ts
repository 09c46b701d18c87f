import type { Metal } from './types.js';

// Word patterns per metal, English (both spellings of aluminium) and Chinese. "alumina" (氧化铝)
// is deliberately not aluminium: it is a raw material of the smelter, not its metal product.
const PATTERNS: readonly (readonly [Metal, RegExp])[] = [
  ['aluminium', /alumin(?:i)?um|(?<!氧化)铝/i],
  ['copper', /copper|(?<![a-z])cu(?![a-z])|铜/i],
  ['lead', /(?<![a-z])lead(?![a-z])|(?<![a-z])pb(?![a-z])|铅/i],
  ['zinc', /zinc|(?<![a-z])zn(?![a-z])|锌/i],
];

/**
 * The metal a flow name is about, if it names exactly one of aluminium, copper, lead or zinc
 * (English words, chemical symbols as separate words, or Chinese characters).
 *
 * @example
 * metalOfFlow('aluminium-ingot') // 'aluminium'
 * metalOfFlow('copper-cathode') // 'copper'
 * metalOfFlow('alumina') // undefined
 */
export function metalOfFlow(flow: string): Metal | undefined {
  const found = PATTERNS.filter(([, pattern]) => pattern.test(flow)).map(([metal]) => metal);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The metal of a product: the product's own flow name decides; otherwise the most frequent metal
 * among the other flows given (ties broken in the order aluminium, copper, lead, zinc).
 *
 * @example
 * inferMetal('ingot', ['zinc-calcine', 'ingot']) // 'zinc'
 */
export function inferMetal(productFlow: string, otherFlows: readonly string[] = []): Metal | undefined {
  const own = metalOfFlow(productFlow);
  if (own !== undefined) return own;
  const counts = new Map<Metal, number>();
  for (const flow of otherFlows) {
    const metal = metalOfFlow(flow);
    if (metal !== undefined) counts.set(metal, (counts.get(metal) ?? 0) + 1);
  }
  let best: Metal | undefined;
  for (const [metal] of PATTERNS) {
    const count = counts.get(metal) ?? 0;
    if (count > 0 && (best === undefined || count > (counts.get(best) ?? 0))) best = metal;
  }
  return best;
}
