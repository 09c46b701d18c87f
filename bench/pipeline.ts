/**
 * The steps of `computeFootprints` + `footprintJsonText`, one by one, so the benchmark can time
 * each: parse + validate, compile (buildSystem), solve, results, serialize. The hooks mirror
 * src/compute/computeFootprints.ts for models without methods (the generated ones).
 */
import { defaultComputeContext } from '../src/compute/computeFootprints.js';
import { createFactorRegistry, factorResolver, mergeRegistries } from '../src/factors/index.js';
import { toCO2e } from '../src/gases/gwp.js';
import { buildSystem } from '../src/graph/build.js';
import { productFootprint, type FootprintResult, type ProductFootprint } from '../src/graph/results.js';
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

export function resultsStep(model: Model, system: System, solution: Solution): ProductFootprint[] {
  const options = { gwp: model.gwp, declaredUnits: model.declaredUnits };
  return system.products
    .map((p) => productFootprint(system, solution, p.index, options))
    .sort((a, b) => (a.flow < b.flow ? -1 : a.flow > b.flow ? 1 : 0));
}

/**
 * The JSON text as `smeltprint footprint --format json -o FILE` makes it: a product at a time,
 * gathered into pieces of about a megabyte (what the CLI hands to each write). Returns the text's
 * length; the pieces are dropped as they are made, as they are once written.
 */
export function serializeStep(model: Model, products: readonly ProductFootprint[]): number {
  const result: FootprintResult = {
    model: { id: model.id },
    period: model.period,
    gwp: model.gwp,
    products,
    scope2: 'market',
    warnings: [],
    explain: () => {
      throw new Error('not used');
    },
  };
  let length = 0;
  let batch: string[] = [];
  let size = 0;
  for (const piece of footprintJsonParts(result)) {
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 20) {
      length += batch.join('').length;
      batch = [];
      size = 0;
    }
  }
  return length + batch.join('').length;
}
