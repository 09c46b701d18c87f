import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFootprints, computeScope2Comparison, solutionOf, systemOf } from '../../src/compute/computeFootprints.js';
import { toLocationBased } from '../../src/compute/scope2.js';
import { ModelValidationError } from '../../src/core/errors.js';
import { massBalance } from '../../src/graph/massBalance.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { parseModel } from '../../src/model/parse.js';
import type { Model } from '../../src/model/types.js';
import { validateModel } from '../../src/model/validate.js';
import { cbamEmbeddedEmissions } from '../../src/report/cbam/index.js';
import { pactFromModel } from '../../src/report/pact/pactFromModel.js';
import { checkModel } from '../../src/rulebooks/checkModel.js';
import { simulate } from '../../src/uncertainty/simulate.js';
import { doc, proc } from '../helpers.js';

// "A parsed Model or a raw document", as JavaScript callers pass them: every public function that
// takes a model reads both the same way, and refuses anything else with a ModelValidationError
// (a stable code, never a TypeError from deep in the computation).
const document = parseModelText(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'aluminium-smelter.yaml'), 'utf8'), 'yaml');
const model = parseModel(document);
const copy = { ...model, gwp: 'AR5' } as Model;

function codesOf(call: () => unknown): string[] {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ModelValidationError);
    return (error as ModelValidationError).issues.map((issue) => issue.code);
  }
  throw new Error('expected a ModelValidationError');
}

describe('functions that take a Model', () => {
  it('read a raw document as its parsed Model', () => {
    expect(toLocationBased(document as unknown as Model).processes.map((p) => p.id)).toEqual(model.processes.map((p) => p.id));
    const fromDocument = massBalance(document as unknown as Model, { tolerance: '0.05' });
    expect(fromDocument).toEqual(massBalance(model, { tolerance: '0.05' }));
  });

  it('refuse values that are no model document', () => {
    for (const bad of [null, 42, 'plant.yaml', []]) {
      expect(codesOf(() => toLocationBased(bad as unknown as Model)).length).toBeGreaterThan(0);
      expect(codesOf(() => massBalance(bad as unknown as Model, { tolerance: '0.05' })).length).toBeGreaterThan(0);
    }
  });

  it('validateModel refuses anything but a parsed Model, naming what to use', () => {
    for (const bad of [null, 42, document]) expect(codesOf(() => validateModel(bad as unknown as Model))).toEqual(['not_a_model']);
    expect(validateModel(model)).toEqual([]);
  });

  it('massBalance without a tolerance says so', () => {
    expect(() => massBalance(model, {} as never)).toThrow(/needs options.tolerance/);
  });
});

describe('a Model copied outside the parser ({ ...model })', () => {
  // The copy keeps the Model's shape but not the parser's mark: nothing vouches for a field the
  // caller changed (a period of null, an amount given as a JS number), so it is refused up front.
  it('is refused by every function, with the reason', () => {
    const calls: (() => unknown)[] = [
      () => computeFootprints(copy),
      () => computeScope2Comparison(copy),
      () => cbamEmbeddedEmissions(copy, { period: 'definitive-2025/2547', goods: [{ flow: 'aluminium-ingot', cn: '7601 10 00' }], installation: ['electrolysis'] }),
      () => pactFromModel(copy, 'aluminium-ingot', {}),
      () => simulate(copy, { runs: 10, seed: 1 }),
      () => toLocationBased(copy),
      () => massBalance(copy, { tolerance: '0.05' }),
      () => validateModel(copy),
    ];
    for (const call of calls) expect(codesOf(call)).toEqual(['unmarked_model']);
  });

  it('is a document finding of checkModel, as an invalid document is', () => {
    expect(checkModel(copy, 'gb-t-44905-aluminium').map((f) => [f.rule, f.code])).toEqual([['document', 'unmarked_model']]);
  });

  it('a copy with a broken field fails the same way, not with a TypeError', () => {
    const broken = { ...model, period: null } as unknown as Model;
    expect(codesOf(() => computeFootprints(broken))).toEqual(['unmarked_model']);
  });

  it('Models the library derives (location-based) are accepted', () => {
    const location = toLocationBased(model);
    expect(computeFootprints(location).products.length).toBe(computeFootprints(model).products.length);
  });
});

describe('the compiled system and solution a result hands out', () => {
  it('are frozen: sorting their products cannot swap the totals of a computed result', () => {
    const result = computeFootprints(document);
    const before = result.products.map((p) => [p.flow, p.total.toFixed()]);
    const system = systemOf(result)!;
    expect(() => [...system.products].sort((a, b) => (a.flow < b.flow ? 1 : -1))).not.toThrow(); // a copy sorts
    expect(() => (system.products as unknown as unknown[]).sort()).toThrow(TypeError);
    expect(() => (system.processes[0]!.links as unknown as unknown[]).pop()).toThrow(TypeError);
    expect(() => (solutionOf(result)!.footprints as unknown as unknown[]).reverse()).toThrow(TypeError);
    expect(Object.isFrozen(system.products[0])).toBe(true);
    expect(computeFootprints(document).products.map((p) => [p.flow, p.total.toFixed()])).toEqual(before);
    expect(result.products.map((p) => [p.flow, p.total.toFixed()])).toEqual(before);
  });

  it('a result\'s model and period, and the scope 2 pair, are frozen too (r.model.id = "X" changed the JSON)', () => {
    const result = computeFootprints(document);
    expect([Object.isFrozen(result.model), Object.isFrozen(result.period), Object.isFrozen(computeScope2Comparison(document))]).toEqual([true, true, true]);
  });
});

describe('near misses', () => {
  it('an unknown process id names the process meant', () => {
    const misspelt = doc([proc('anode-plant', ['anode', '1'], '1'), proc('electrolysis', ['al', '1'], '1', [{ flow: 'anode', amount: '1', unit: 't', from: 'anode-plnat' }])]);
    expect(() => parseModel(misspelt)).toThrow(/no process "anode-plnat" in the model; did you mean "anode-plant"\?/);
  });
});
