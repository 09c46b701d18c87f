import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import type { FootprintResult, ProductFootprint } from '../../src/graph/results.js';
import { parseModelText } from '../../src/io/index.js';

// The example models of issue 4 and the allocation variants docs/nonferrous.md reports. Each
// variant is a small, named edit of the document as written in examples/*.yaml, so the numbers in
// the doc are reproducible: `npx tsx test/examples/print-footprints.ts` prints them and
// examples.test.ts asserts them.

type Doc = { processes: { id: string; allocation?: unknown; outputs: Record<string, unknown>[] }[] } & Record<string, unknown>;

export interface Variant {
  readonly name: string;
  readonly edit: (doc: Doc) => void;
}

export interface Example {
  readonly file: string;
  readonly mainProduct: string;
  readonly variants: readonly Variant[];
}

/** Reads examples/<file> as the plain document (YAML through the library's exact-number reader). */
export function loadExample(file: string): Doc {
  const path = fileURLToPath(new URL(`../../examples/${file}`, import.meta.url));
  return parseModelText(readFileSync(path, 'utf8'), 'yaml') as Doc;
}

function processOf(doc: Doc, id: string): Doc['processes'][number] {
  const found = doc.processes.find((p) => p.id === id);
  if (found === undefined) throw new Error(`no process ${id}`);
  return found;
}

function outputOf(doc: Doc, processId: string, flow: string): Record<string, unknown> {
  const found = processOf(doc, processId).outputs.find((o) => o['flow'] === flow);
  if (found === undefined) throw new Error(`no output ${flow} of ${processId}`);
  return found;
}

const allocate = (processIds: readonly string[], allocation: unknown): Variant['edit'] => (doc) => {
  for (const id of processIds) processOf(doc, id).allocation = allocation;
};

/** Turns a substituted co-product (system expansion) into an allocated one with a price. */
const allocateInstead = (processId: string, flow: string, price: string, allocation: unknown = 'economic'): Variant['edit'] => (doc) => {
  const output = outputOf(doc, processId, flow);
  delete output['substitutes'];
  output['price'] = price;
  processOf(doc, processId).allocation = allocation;
};

/** Turns an allocated co-product into a substituted one (system expansion). */
const substituteInstead = (processId: string, flow: string, factor: string): Variant['edit'] => (doc) => {
  const output = outputOf(doc, processId, flow);
  delete output['price'];
  output['substitutes'] = factor;
};

const AS_WRITTEN: Variant = { name: 'as written', edit: () => {} };

// Prices for steam and electricity when they are allocated instead of substituted (ASSUMPTION):
// industrial steam ≈ 180 CNY/t ≈ 60 CNY/GJ; electricity sold to the grid ≈ 0.40 CNY/kWh.
const STEAM_PRICE = '60 CNY/GJ';
const POWER_PRICE = '400 CNY/MWh';

export const EXAMPLES: readonly Example[] = [
  {
    file: 'copper-smelter.yaml',
    mainProduct: 'copper-cathode',
    variants: [
      AS_WRITTEN,
      { name: 'mass allocation', edit: allocate(['flash-smelting', 'electrorefining'], 'mass') },
      { name: 'steam allocated (economic, 60 CNY/GJ) instead of substituted', edit: allocateInstead('flash-smelting', 'waste-heat-steam', STEAM_PRICE) },
    ],
  },
  {
    file: 'zinc-rle.yaml',
    mainProduct: 'shg-zinc',
    variants: [
      AS_WRITTEN,
      { name: 'mass allocation', edit: allocate(['roasting'], 'mass') },
      { name: 'exported power allocated (economic, 400 CNY/MWh) instead of substituted', edit: allocateInstead('roasting', 'exported-electricity', POWER_PRICE) },
    ],
  },
  {
    file: 'zinc-waelz.yaml',
    mainProduct: 'waelz-oxide',
    variants: [
      AS_WRITTEN,
      { name: 'mass allocation', edit: allocate(['waelz-kiln'], 'mass') },
      { name: 'steam allocated (economic, 60 CNY/GJ) instead of substituted', edit: allocateInstead('waelz-kiln', 'waste-heat-steam', STEAM_PRICE) },
    ],
  },
  {
    file: 'lead-smelter.yaml',
    mainProduct: 'refined-lead',
    variants: [
      AS_WRITTEN,
      { name: 'mass allocation', edit: allocate(['sks-smelting', 'refining'], 'mass') },
      { name: 'SKS by lead content (physical), refining economic', edit: allocate(['sks-smelting'], { physical: 'lead-content' }) },
      { name: 'steam allocated (economic, 60 CNY/GJ) instead of substituted', edit: allocateInstead('sks-smelting', 'waste-heat-steam', STEAM_PRICE) },
    ],
  },
  {
    file: 'lead-battery-recycling.yaml',
    mainProduct: 'refined-lead',
    variants: [
      AS_WRITTEN,
      { name: 'mass allocation', edit: allocate(['battery-breaking', 'desulfurisation'], 'mass') },
      { name: 'polypropylene substitutes virgin PP (system expansion)', edit: substituteInstead('battery-breaking', 'polypropylene-chips', 'example/virgin-polypropylene') },
    ],
  },
  {
    file: 'aluminium-remelt.yaml',
    mainProduct: 'aluminium-alloy-ingot',
    variants: [
      AS_WRITTEN,
      { name: 'mass allocation', edit: allocate(['scrap-preparation'], 'mass') },
      { name: 'steam allocated (economic, 60 CNY/GJ) instead of substituted', edit: allocateInstead('remelting', 'waste-heat-steam', STEAM_PRICE, 'economic') },
    ],
  },
];

/** The document of one variant (a fresh copy each time). */
export function variantDocument(example: Example, variant: Variant): Doc {
  const doc = structuredClone(loadExample(example.file));
  variant.edit(doc);
  return doc;
}

export function computeVariant(example: Example, variant: Variant): FootprintResult {
  return computeFootprints(variantDocument(example, variant));
}

export function mainFootprint(example: Example, variant: Variant): ProductFootprint {
  const result = computeVariant(example, variant);
  const found = result.products.find((p) => p.flow === example.mainProduct);
  if (found === undefined) throw new Error(`no product ${example.mainProduct} in ${example.file}`);
  return found;
}
