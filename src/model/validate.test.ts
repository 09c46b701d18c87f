import { describe, expect, it } from 'vitest';
import type { DocumentPath, Issue } from '../core/issues.js';
import { documentWith, minimalDocument, process, type Json } from '../../test/fixtures/models/documents.js';
import { safeParseModel } from './parse.js';
import type { ModelContext } from './types.js';

// Graph issues, found after the document passed the schema: each code at its exact path.

const knowsNothing: ModelContext = { hasFactor: () => false, hasMethod: () => false };
const knowsEverything: ModelContext = { hasFactor: () => true, hasMethod: () => true };

function issuesOf(document: unknown, context: ModelContext | undefined = knowsEverything): readonly Issue[] {
  const result = safeParseModel(document, context);
  return result.success ? result.warnings : result.issues;
}

function findIssue(document: unknown, code: string, path: DocumentPath, context?: ModelContext): Issue {
  const issues = issuesOf(document, context);
  const found = issues.find((issue) => issue.code === code && JSON.stringify(issue.path) === JSON.stringify(path));
  if (found === undefined) {
    throw new Error(`expected ${code} at ${JSON.stringify(path)}, got:\n${issues.map((i) => `${i.code} ${JSON.stringify(i.path)} ${i.message}`).join('\n')}`);
  }
  return found;
}

function expectError(document: unknown, code: string, path: DocumentPath, context?: ModelContext): Issue {
  const issue = findIssue(document, code, path, context);
  expect(issue.severity).toBe('error');
  expect(safeParseModel(document, context ?? knowsEverything).success).toBe(false);
  return issue;
}

function expectWarning(document: unknown, code: string, path: DocumentPath): Issue {
  const issue = findIssue(document, code, path);
  expect(issue.severity).toBe('warning');
  return issue;
}

function expectValid(document: unknown, context: ModelContext = knowsEverything): void {
  const result = safeParseModel(document, context);
  if (!result.success) throw new Error(result.issues.map((i) => `${i.code} ${JSON.stringify(i.path)} ${i.message}`).join('\n'));
  expect(result.success).toBe(true);
}

/** A process with two product outputs (co-products) and the given allocation fields. */
function coProducts(outputs: Json[], allocation?: unknown): Json {
  return process('roaster', allocation === undefined ? { outputs } : { outputs, allocation });
}

const zinc = (extra: Json = {}): Json => ({ flow: 'zinc', amount: '100', unit: 't', ...extra });
const acid = (extra: Json = {}): Json => ({ flow: 'acid', amount: '180', unit: 't', ...extra });

describe('validateModel: ids and flows', () => {
  it('reports a process id used twice', () => {
    expectError(documentWith(process('smelter'), { ...process('smelter'), outputs: [{ flow: 'other', amount: '1', unit: 't' }] }), 'duplicate_process', [
      'processes',
      1,
      'id',
    ]);
  });

  it('reports a product flow produced by two processes', () => {
    const first = process('a', { outputs: [{ flow: 'anode', amount: '1', unit: 't' }] });
    const second = process('b', { outputs: [{ flow: 'anode', amount: '2', unit: 't' }] });
    expectError(documentWith(first, second), 'duplicate_product', ['processes', 1, 'outputs', 0, 'flow']);
  });

  it('allows the same waste flow from several processes', () => {
    const dust = { flow: 'dust', amount: '1', unit: 't', waste: true };
    const first = process('a', { outputs: [{ flow: 'x', amount: '1', unit: 't' }, dust] });
    const second = process('b', { outputs: [{ flow: 'y', amount: '1', unit: 't' }, dust] });
    expectValid(documentWith(first, second));
  });

  it('reports an output flow listed twice in one process', () => {
    const outputs = [zinc(), { flow: 'zinc', amount: '1', unit: 't', waste: true }];
    expectError(documentWith(process('p', { outputs })), 'duplicate_flow', ['processes', 0, 'outputs', 1, 'flow']);
  });

  it('allows a co-product credited by substitution to share its flow with the product it avoids', () => {
    const acidPlant = process('acid-plant', { outputs: [acid()] });
    const roaster = process('roaster', { outputs: [zinc(), acid({ substitutes: { from: 'acid-plant' } })] });
    expectValid(documentWith(acidPlant, roaster));
  });

  it('reports a process whose outputs are all waste or substituted', () => {
    const outputs = [zinc({ waste: true }), acid({ substitutes: 'acid/market' })];
    expectError(documentWith(process('p', { outputs })), 'no_product_output', ['processes', 0, 'outputs']);
  });

  it('reports a product output of zero (no footprint per unit)', () => {
    expectError(documentWith(process('p', { outputs: [zinc({ amount: '0' })] })), 'zero_output', ['processes', 0, 'outputs', 0, 'amount']);
  });
});

describe('validateModel: inputs', () => {
  it('reports an input with both from and factor', () => {
    const supplier = process('anode-plant', { outputs: [{ flow: 'anode', amount: '10', unit: 't' }] });
    const smelter = process('smelter', { inputs: [{ flow: 'anode', amount: '4', unit: 't', from: 'anode-plant', factor: 'anode/generic' }] });
    expectError(documentWith(supplier, smelter), 'conflicting_source', ['processes', 1, 'inputs', 0]);
  });

  it('reports an input with neither from nor factor, unless recycled', () => {
    const smelter = process('smelter', { inputs: [{ flow: 'coke', amount: '4', unit: 't' }] });
    expectError(documentWith(smelter), 'missing_source', ['processes', 0, 'inputs', 0]);
    expectValid(documentWith(process('remelt', { inputs: [{ flow: 'scrap', amount: '4', unit: 't', recycled: true }] })));
    expectValid(documentWith(process('remelt', { inputs: [{ flow: 'scrap', amount: '4', unit: 't', recycled: 'post-consumer' }] })));
  });

  it('reports a from naming no process', () => {
    const smelter = process('smelter', { inputs: [{ flow: 'anode', amount: '4', unit: 't', from: 'anode-plnat' }] });
    expectError(documentWith(smelter), 'unknown_process', ['processes', 0, 'inputs', 0, 'from']);
  });

  it('reports an input flow its supplier does not produce', () => {
    const supplier = process('anode-plant', { outputs: [{ flow: 'anode', amount: '10', unit: 't' }] });
    const smelter = process('smelter', { inputs: [{ flow: 'anodes', amount: '4', unit: 't', from: 'anode-plant' }] });
    expectError(documentWith(supplier, smelter), 'flow_not_produced', ['processes', 1, 'inputs', 0, 'flow']);
  });

  it('reports an input unit that cannot be converted to the supplier output unit', () => {
    const supplier = process('anode-plant', { outputs: [{ flow: 'anode', amount: '10', unit: 't' }] });
    const smelter = process('smelter', { inputs: [{ flow: 'anode', amount: '4', unit: 'MWh', from: 'anode-plant' }] });
    expectError(documentWith(supplier, smelter), 'unit_mismatch', ['processes', 1, 'inputs', 0, 'unit']);
    // kg and t are both mass: convertible.
    const inKilograms = process('smelter', { inputs: [{ flow: 'anode', amount: '4000', unit: 'kg', from: 'anode-plant' }] });
    expectValid(documentWith(supplier, inKilograms));
  });

  it('warns about an input taken from a waste output', () => {
    const supplier = process('smelter', { outputs: [zinc(), { flow: 'dross', amount: '1', unit: 't', waste: true }] });
    const recovery = process('recovery', { inputs: [{ flow: 'dross', amount: '1', unit: 't', from: 'smelter' }] });
    expectWarning(documentWith(supplier, recovery), 'input_from_waste', ['processes', 1, 'inputs', 0, 'from']);
  });

  it('reports an input taken from a co-product that is credited by substitution', () => {
    const roaster = process('roaster', { outputs: [zinc(), acid({ substitutes: 'acid/market' })] });
    const user = process('leaching', { inputs: [{ flow: 'acid', amount: '1', unit: 't', from: 'roaster' }] });
    expectError(documentWith(roaster, user), 'input_from_substituted', ['processes', 1, 'inputs', 0, 'from']);
  });

  it('reports a factor id that neither the context nor the model knows', () => {
    const document = minimalDocument();
    expectError(document, 'unknown_factor', ['processes', 0, 'inputs', 0, 'factor'], knowsNothing);
  });

  it("counts the model's own factors and their families as known", () => {
    const own = { id: 'supplier-x/fluoride', value: '2.1', unit: 't CO2/t', families: ['supplier-x/fluorides'], source: { title: 'Supplier X declaration' } };
    const byId = process('p', { inputs: [{ flow: 'alf3', amount: '1', unit: 't', factor: 'supplier-x/fluoride' }] });
    const byFamily = process('q', { outputs: [{ flow: 'q', amount: '1', unit: 't' }], inputs: [{ flow: 'alf3', amount: '1', unit: 't', factor: 'supplier-x/fluorides' }] });
    expectValid({ ...documentWith(byId, byFamily), factors: [own] }, knowsNothing);
  });

  it('does not look factors or methods up without a context', () => {
    const document = documentWith(process('p', { emissions: [{ method: 'nobody/knows/this' }] }));
    expect(safeParseModel(document).success).toBe(true);
  });

  it('warns about a vintage on an input that has no factor', () => {
    const supplier = process('anode-plant', { outputs: [{ flow: 'anode', amount: '10', unit: 't' }] });
    const smelter = process('smelter', { inputs: [{ flow: 'anode', amount: '4', unit: 't', from: 'anode-plant', vintage: 2023 }] });
    expectWarning(documentWith(supplier, smelter), 'unused_vintage', ['processes', 1, 'inputs', 0, 'vintage']);
  });
});

describe('validateModel: emissions and outputs', () => {
  it('reports a method id the context does not know', () => {
    const document = documentWith(process('p', { emissions: [{ method: 'ipcc-2006/aluminium/prebake-anode-co3', with: {} }] }));
    expectError(document, 'unknown_method', ['processes', 0, 'emissions', 0, 'method'], { hasFactor: () => true, hasMethod: () => false });
  });

  it('reports a waste sent to no process, and to on a non-waste output', () => {
    const smelter = process('smelter', { outputs: [zinc(), { flow: 'spl', amount: '1', unit: 't', waste: true, to: 'spl-treatmnet' }] });
    expectError(documentWith(smelter), 'unknown_process', ['processes', 0, 'outputs', 1, 'to']);
    const treatment = process('spl-treatment', { outputs: [{ flow: 'treated', amount: '1', unit: 't' }] });
    const notWaste = process('smelter', { outputs: [zinc({ to: 'spl-treatment' })] });
    expectError(documentWith(notWaste, treatment), 'to_without_waste', ['processes', 0, 'outputs', 0, 'to']);
  });

  it('reports a waste whose unit the treatment process cannot take', () => {
    const treatment = process('spl-treatment', { outputs: [{ flow: 'treated', amount: '1', unit: 'MWh' }] });
    const smelter = process('smelter', { outputs: [zinc(), { flow: 'spl', amount: '1', unit: 't', waste: true, to: 'spl-treatment' }] });
    expectError(documentWith(smelter, treatment), 'unit_mismatch', ['processes', 0, 'outputs', 1, 'unit']);
  });

  it('reports substitutes naming an unknown process or factor', () => {
    const smelter = process('smelter', { outputs: [zinc(), acid({ substitutes: { from: 'acid-plant' } })] });
    expectError(documentWith(smelter), 'unknown_process', ['processes', 0, 'outputs', 1, 'substitutes', 'from']);
    const byFactor = process('smelter', { outputs: [zinc(), acid({ substitutes: 'acid/market' })] });
    expectError(documentWith(byFactor), 'unknown_factor', ['processes', 0, 'outputs', 1, 'substitutes'], { hasFactor: (id) => id === 'grid', hasMethod: () => true });
  });

  it('reports a treatment or avoided process whose reference output carries no burden', () => {
    const treatment = process('spl-treatment', {
      outputs: [{ flow: 'ash', amount: '1', unit: 't', waste: true }, { flow: 'treated', amount: '1', unit: 't' }],
    });
    const smelter = process('smelter', {
      outputs: [zinc(), { flow: 'spl', amount: '1', unit: 't', waste: true, to: 'spl-treatment' }, acid({ substitutes: { from: 'spl-treatment' } })],
    });
    const document = documentWith(smelter, treatment);
    expectError(document, 'reference_not_product', ['processes', 0, 'outputs', 1, 'to']);
    expectError(document, 'reference_not_product', ['processes', 0, 'outputs', 2, 'substitutes', 'from']);
  });

  it('reports substitution credited to a waste', () => {
    const smelter = process('smelter', { outputs: [zinc(), acid({ waste: true, substitutes: 'acid/market' })] });
    expectError(documentWith(smelter), 'substitutes_on_waste', ['processes', 0, 'outputs', 1, 'substitutes']);
  });

  it('reports substitution by a process whose reference output is in another dimension', () => {
    const acidPlant = process('acid-plant', { outputs: [{ flow: 'acid', amount: '1', unit: 'MWh' }] });
    const smelter = process('smelter', { outputs: [zinc(), { flow: 'acid-co-product', amount: '1', unit: 't', substitutes: { from: 'acid-plant' } }] });
    expectError(documentWith(smelter, acidPlant), 'unit_mismatch', ['processes', 0, 'outputs', 1, 'unit']);
  });

  it('warns about a process with neither inputs nor emissions', () => {
    expectWarning(documentWith(process('idle', { inputs: [] })), 'empty_process', ['processes', 0]);
  });
});

describe('validateModel: allocation', () => {
  it('reports co-products without an allocation rule as missing_allocation', () => {
    expectError(documentWith(coProducts([zinc(), acid()])), 'missing_allocation', ['processes', 0, 'allocation']);
  });

  it('needs no rule when the other outputs are waste or substituted', () => {
    expectValid(documentWith(coProducts([zinc(), acid({ waste: true })])));
    expectValid(documentWith(coProducts([zinc(), acid({ substitutes: 'acid/market' })])));
  });

  it('warns about a rule on a process with one allocated output', () => {
    expectWarning(documentWith(coProducts([zinc()], 'mass')), 'unused_allocation', ['processes', 0, 'allocation']);
  });

  it('economic: reports an allocated output without a price', () => {
    expectError(documentWith(coProducts([zinc({ price: '22000 CNY/t' }), acid()], 'economic')), 'missing_price', ['processes', 0, 'outputs', 1, 'price']);
  });

  it('economic: reports prices in different currencies', () => {
    const outputs = [zinc({ price: '22000 CNY/t' }), acid({ price: '40 USD/t' })];
    expectError(documentWith(coProducts(outputs, 'economic')), 'inconsistent_price_units', ['processes', 0, 'outputs', 1, 'price']);
  });

  it('economic: accepts prices per different mass units of one currency', () => {
    expectValid(documentWith(coProducts([zinc({ price: '22000 CNY/t' }), acid({ price: '0.3 CNY/kg' })], 'economic')));
  });

  it('economic: reports a price that is not money per unit of output', () => {
    expectError(documentWith(coProducts([zinc({ price: '22000 CNY/t' }), acid({ price: '5 t' })], 'economic')), 'invalid_price_unit', [
      'processes',
      0,
      'outputs',
      1,
      'price',
    ]);
  });

  it('economic: reports prices that are all zero', () => {
    expectError(documentWith(coProducts([zinc({ price: '0 CNY/t' }), acid({ price: '0 CNY/t' })], 'economic')), 'zero_allocation_basis', [
      'processes',
      0,
      'allocation',
    ]);
  });

  it('physical: reports an output without the property', () => {
    const outputs = [zinc({ properties: { 'zinc-content': '0.99 t/t' } }), acid()];
    expectError(documentWith(coProducts(outputs, { physical: 'zinc-content' })), 'missing_property', ['processes', 0, 'outputs', 1, 'properties']);
  });

  it('physical: reports property values that cannot be added up', () => {
    const outputs = [zinc({ properties: { energy: '3 MWh/t' } }), acid({ properties: { energy: '0.5 t/t' } })];
    expectError(documentWith(coProducts(outputs, { method: 'physical', property: 'energy' })), 'inconsistent_property_units', [
      'processes',
      0,
      'outputs',
      1,
      'properties',
      'energy',
    ]);
  });

  it('mass: reports an allocated output not measured in mass', () => {
    expectError(documentWith(coProducts([zinc(), { flow: 'steam', amount: '5', unit: 'GJ' }], 'mass')), 'allocation_unit_mismatch', [
      'processes',
      0,
      'outputs',
      1,
      'unit',
    ]);
  });

  it('manual: reports shares naming other flows, missing shares, and sums other than 1', () => {
    const unknown = coProducts([zinc(), acid()], { method: 'manual', shares: { zinc: '0.5', acid: '0.4', lead: '0.1' } });
    expectError(documentWith(unknown), 'unknown_share', ['processes', 0, 'allocation', 'shares', 'lead']);
    const missing = coProducts([zinc(), acid()], { manual: { zinc: '1' } });
    expectError(documentWith(missing), 'missing_share', ['processes', 0, 'allocation', 'manual']);
    // 0.5 + 0.4 = 0.9, not 1.
    const short = coProducts([zinc(), acid()], { method: 'manual', shares: { zinc: '0.5', acid: '0.4' } });
    expectError(documentWith(short), 'shares_sum', ['processes', 0, 'allocation', 'shares']);
  });

  it('manual: a share naming a waste output is reported, not silently ignored', () => {
    const withWaste = coProducts([zinc(), acid(), { flow: 'slag', amount: '1', unit: 't', waste: true }], {
      manual: { zinc: '0.5', acid: '0.5', slag: '0' },
    });
    expectError(documentWith(withWaste), 'unknown_share', ['processes', 0, 'allocation', 'manual', 'slag']);
  });

  it('manual: sums shares exactly (0.7 + 0.2 + 0.1 = 1, which floats miss)', () => {
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    const third = { flow: 'lead', amount: '1', unit: 't' };
    expectValid(documentWith(coProducts([zinc(), acid(), third], { method: 'manual', shares: { zinc: '0.7', acid: 0.2, lead: '10 %' } })));
  });
});

describe('validateModel: declared units', () => {
  it('reports a declared unit for a flow that is not a product', () => {
    expectError({ ...minimalDocument(), declaredUnits: { 'aluminum-ingot': '1 kg' } }, 'unknown_product', ['declaredUnits', 'aluminum-ingot']);
  });

  it('reports a declared unit in another dimension than the product', () => {
    expectError({ ...minimalDocument(), declaredUnits: { 'aluminium-ingot': '1 MWh' } }, 'unit_mismatch', ['declaredUnits', 'aluminium-ingot']);
  });

  it('reports a declared unit of zero', () => {
    expectError({ ...minimalDocument(), declaredUnits: { 'aluminium-ingot': '0 kg' } }, 'zero_amount', ['declaredUnits', 'aluminium-ingot']);
  });
});

describe('validateModel: collects everything', () => {
  it('reports all graph problems of a document together', () => {
    const smelter = process('smelter', {
      outputs: [zinc(), acid()],
      inputs: [
        { flow: 'anode', amount: '4', unit: 't', from: 'nowhere' },
        { flow: 'coke', amount: '4', unit: 't' },
      ],
    });
    const codes = issuesOf({ ...documentWith(smelter), declaredUnits: { lead: '1 t' } })
      .filter((issue) => issue.severity === 'error')
      .map((issue) => issue.code)
      .sort();
    expect(codes).toEqual(['missing_allocation', 'missing_source', 'unknown_process', 'unknown_product']);
  });
});
