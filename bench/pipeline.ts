/**
 * The steps of `computeFootprints` + `footprintJsonParts`, one by one, so the benchmark can time
 * each: parse + validate, compile (buildSystem), solve, then results and JSON together. The hooks mirror
 * src/compute/computeFootprints.ts for models without methods (the generated ones).
 */
import { defaultComputeContext } from '../src/compute/computeFootprints.js';
import { createFactorRegistry, factorResolver, mergeRegistries } from '../src/factors/index.js';
import { toCO2e } from '../src/gases/gwp.js';
import { buildSystem } from '../src/graph/build.js';
import { productFootprint, withLazyProducts, type FootprintResult, type ProductFootprint } from '../src/graph/results.js';
import { solveSystem, type Solution } from '../src/graph/solve.js';
import type { System } from '../src/graph/system.js';
import { parseModelText } from '../src/io/index.js';
import { parseModel } from '../src/model/parse.js';
import type { Model } from '../src/model/types.js';
import { footprintJsonParts } from '../src/report/json.js';

export function parseStep(text: string): Model {
  const context = defaultComputeContext();
  return parseModel(parseModelText(text, 'json'), { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) });
}

export function compileStep(model: Model, trackOrigins = false): System {
  const context = defaultComputeContext();
  const factors = model.factors.length === 0 ? context.factors : mergeRegistries(context.factors, createFactorRegistry(model.factors));
  const resolve = factorResolver(factors, model.period, model.region);
  return buildSystem(model, {
    resolveFactor: resolve,
    evaluateMethod: () => {
      throw new Error('the benchmark models declare no methods');
    },
    characterize: (gas, tonnes) => (gas === 'CO2e' ? tonnes : toCO2e(gas, tonnes, model.gwp)),
    trackOrigins,
  });
}

export function solveStep(system: System): Solution {
  return solveSystem(system);
}

/**
 * Results and JSON as `smeltprint footprint --format json -o FILE` makes them: the products of a
 * computeFootprints result are made one at a time while the document is written (productsInTurn),
 * and the text is gathered into pieces of about a megabyte (what the CLI hands to each write),
 * dropped as they are made. Returns the text's length and the time spent making the products
 * (the rest of the step is writing their text).
 */
export function resultsAndJsonStep(model: Model, system: System, solution: Solution): { characters: number; resultsMs: number } {
  const options = { gwp: model.gwp, declaredUnits: model.declaredUnits };
  const order = [...system.products].sort((a, b) => (a.flow < b.flow ? -1 : a.flow > b.flow ? 1 : 0));
  let resultsMs = 0;
  const make = (index: number): ProductFootprint => {
    const start = performance.now();
    const product = productFootprint(system, solution, index, options);
    resultsMs += performance.now() - start;
    return product;
  };
  const result = withLazyProducts(
    {
      model: { id: model.id },
      period: model.period,
      gwp: model.gwp,
      get products(): readonly ProductFootprint[] {
        throw new Error('the benchmark writes products in turn');
      },
      scope2: 'market',
      warnings: [],
      explain: () => {
        throw new Error('not used');
      },
    } satisfies FootprintResult,
    {
      *inTurn() {
        for (const p of order) yield make(p.index);
      },
      of: () => undefined,
    },
  );
  let characters = 0;
  let batch: string[] = [];
  let size = 0;
  for (const piece of footprintJsonParts(result)) {
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      characters += batch.join('').length;
      batch = [];
      size = 0;
    }
  }
  return { characters: characters + batch.join('').length, resultsMs };
}
