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

// Raw materials whatever metal they name: ores and concentrates are mined, fluorides are bought
// or made as smelter reagents.
const RAW_ANY = /concentrate|(?<![a-z])ores?(?![a-z])|bauxite|fluoride|精矿|矿石|铝土矿|氟化/i;
// Raw materials, reagents, fluxes, fuels, utilities and energy carriers that name no metal (a named
// metal — "anode-copper" — is the metal on its way to the product).
const RAW_UNNAMED =
  /alumina|anode|carbon|coke|pitch|coal|lime|soda|caustic|electricity|steam|oxygen|nitrogen|hydrogen|diesel|flux|silica|quartz|cryolite|reagent|acid|(?<![a-z])(?:power|heat|gas|fuel|oil|water|air)(?![a-z])|氧化铝|阳极|焦|煤|石灰|纯碱|烧碱|电|蒸汽|热力|天然气|氧气|氮气|氢气|柴油|熔剂|石英|冰晶石|硫酸/i;

/**
 * True for a flow that is a raw material or an energy carrier rather than the metal on its way to
 * a product: ores and concentrates, alumina, baked anodes, reductants, fluxes, electricity, steam.
 * Flows that name neither (bullion, calcine, leach solution, prepared scrap) are the metal's line.
 *
 * @example
 * isRawMaterialOrEnergy('baked-anode') // true
 * isRawMaterialOrEnergy('anode-copper') // false
 * isRawMaterialOrEnergy('sks-bullion') // false
 */
export function isRawMaterialOrEnergy(flow: string): boolean {
  if (RAW_ANY.test(flow)) return true;
  if (metalOfFlow(flow) !== undefined) return false;
  return RAW_UNNAMED.test(flow);
}
