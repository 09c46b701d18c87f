import { describe, expect, it } from 'vitest';
import type { DocumentPath, Issue } from '../core/issues.js';
import { documentWith, firstProcess, minimalDocument, process, type Json } from '../../test/fixtures/models/documents.js';
import { safeParseModel } from './parse.js';

// Document-level (schema) issues: each code with the exact path of the field at fault.

function issuesOf(document: unknown): readonly Issue[] {
  const result = safeParseModel(document);
  return result.success ? result.warnings : result.issues;
}

function expectIssue(document: unknown, code: string, path: DocumentPath): Issue {
  const issues = issuesOf(document);
  const found = issues.find((issue) => issue.code === code && JSON.stringify(issue.path) === JSON.stringify(path));
  if (found === undefined) {
    throw new Error(`expected ${code} at ${JSON.stringify(path)}, got:\n${issues.map((i) => `${i.code} ${JSON.stringify(i.path)} ${i.message}`).join('\n')}`);
  }
  expect(found.severity).toBe('error');
  expect(found.message.length).toBeGreaterThan(0);
  return found;
}

function output(document: Json, index = 0): Json {
  return (firstProcess(document)['outputs'] as Json[])[index] as Json;
}

function input(document: Json, index = 0): Json {
  return (firstProcess(document)['inputs'] as Json[])[index] as Json;
}

function withEmission(emission: unknown): Json {
  return documentWith(process('smelter', { emissions: [emission] }));
}

function withAllocation(allocation: unknown): Json {
  return documentWith(
    process('smelter', {
      outputs: [
        { flow: 'zinc', amount: '10', unit: 't' },
        { flow: 'acid', amount: '20', unit: 't' },
      ],
      allocation,
    }),
  );
}

describe('model document schema: missing and mistyped fields', () => {
  it('reports a missing required field as missing_field at its path', () => {
    const document = minimalDocument();
    delete document['id'];
    expectIssue(document, 'missing_field', ['id']);
    const noUnit = minimalDocument();
    delete output(noUnit)['unit'];
    expectIssue(noUnit, 'missing_field', ['processes', 0, 'outputs', 0, 'unit']);
    const noPeriod = minimalDocument();
    delete noPeriod['period'];
    expectIssue(noPeriod, 'missing_field', ['period']);
  });

  it('suggests the name meant for a near miss: a category, a process id, a unit', () => {
    const category = withEmission({ gas: 'CO2', amount: '1', unit: 't', category: 'anodes' });
    expect(expectIssue(category, 'invalid_value', ['processes', 0, 'emissions', 0, 'category']).message).toContain('did you mean "anode"?');
    const unit = minimalDocument();
    output(unit)['unit'] = 'kwh';
    expect(issuesOf(unit).map((i) => i.message).join('\n')).toContain('did you mean "kWh"?');
    // no guess among one- and two-letter symbols: MT (metric ton) is no Mt (megatonne)
    const metricTon = minimalDocument();
    output(metricTon)['unit'] = 'MT';
    expect(issuesOf(metricTon).map((i) => i.message).join('\n')).not.toContain('did you mean');
  });

  it('names a hole in a list as one, and a Date where text belongs as a date (not "a mapping")', () => {
    const sparse = minimalDocument();
    const outputs = firstProcess(sparse)['outputs'] as Json[];
    outputs.length = 2;
    expect(expectIssue(sparse, 'missing_field', ['processes', 0, 'outputs', 1]).message).toBe('nothing at position 1 of the list (an empty slot); every entry must be given');
    const dated = { ...minimalDocument(), period: { start: new Date('2025-01-01T00:00:00Z'), end: '2025-12-31' } };
    expect(expectIssue(dated, 'invalid_type', ['period', 'start']).message).toContain('got a date object (2025-01-01); write dates as text');
  });

  it('reports a value of the wrong type as invalid_type', () => {
    expectIssue({ ...minimalDocument(), id: 5 }, 'invalid_type', ['id']);
    const document = minimalDocument();
    output(document)['amount'] = true;
    expectIssue(document, 'invalid_type', ['processes', 0, 'outputs', 0, 'amount']);
    const waste = minimalDocument();
    output(waste)['waste'] = 'yes';
    expectIssue(waste, 'invalid_type', ['processes', 0, 'outputs', 0, 'waste']);
  });

  it('reports a document that is not a mapping at the root', () => {
    for (const value of [null, [], 'smeltprint: 1', 42]) expectIssue(value, 'invalid_type', []);
  });

  it('requires the format version 1', () => {
    expectIssue({ ...minimalDocument(), smeltprint: 2 }, 'unsupported_version', ['smeltprint']);
    const document = minimalDocument();
    delete document['smeltprint'];
    expectIssue(document, 'missing_field', ['smeltprint']);
  });

  it('refuses empty ids and empty process or output lists', () => {
    expectIssue({ ...minimalDocument(), id: '' }, 'empty_value', ['id']);
    expectIssue({ ...minimalDocument(), processes: [] }, 'no_processes', ['processes']);
    expectIssue(documentWith(process('p', { outputs: [] })), 'no_outputs', ['processes', 0, 'outputs']);
  });
});

describe('model document schema: unknown fields', () => {
  it('names each unknown key and suggests the field meant', () => {
    const document = minimalDocument();
    input(document)['amout'] = '3';
    const issue = expectIssue(document, 'unknown_field', ['processes', 0, 'inputs', 0, 'amout']);
    expect(issue.message).toContain('"amout"');
    expect(issue.message).toContain('did you mean "amount"');
    const top = expectIssue({ ...minimalDocument(), procesess: [] }, 'unknown_field', ['procesess']);
    expect(top.message).toContain('did you mean "processes"');
  });

  it('lists the known fields when nothing is close', () => {
    const issue = expectIssue({ ...minimalDocument(), colour: 'red' }, 'unknown_field', ['colour']);
    expect(issue.message).toContain('known fields:');
    expect(issue.message).toContain('processes');
  });

  it('reports an own __proto__ key (as JSON.parse makes it) as an unknown field', () => {
    const document = JSON.parse('{"__proto__": {"polluted": true}}') as Json;
    Object.assign(document, minimalDocument());
    expectIssue(document, 'unknown_field', ['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('model document schema: amounts and units', () => {
  it('reports text that is not a decimal number as invalid_number', () => {
    const document = minimalDocument();
    output(document)['amount'] = '12,5';
    expectIssue(document, 'invalid_number', ['processes', 0, 'outputs', 0, 'amount']);
  });

  it('reports non-finite and out-of-range numbers as invalid_number', () => {
    for (const amount of [Number.NaN, Number.POSITIVE_INFINITY, '1e400', '1e-40']) {
      const document = minimalDocument();
      input(document)['amount'] = amount;
      expectIssue(document, 'invalid_number', ['processes', 0, 'inputs', 0, 'amount']);
    }
  });

  it('reports negative amounts, prices and properties as negative_amount', () => {
    const document = minimalDocument();
    input(document)['amount'] = '-1';
    expectIssue(document, 'negative_amount', ['processes', 0, 'inputs', 0, 'amount']);
    const priced = minimalDocument();
    output(priced)['price'] = '-5 CNY/t';
    expectIssue(priced, 'negative_amount', ['processes', 0, 'outputs', 0, 'price']);
    const property = minimalDocument();
    output(property)['properties'] = { 'zinc-content': '-0.1 t/t' };
    expectIssue(property, 'negative_amount', ['processes', 0, 'outputs', 0, 'properties', 'zinc-content']);
    expectIssue(withEmission({ gas: 'CO2', amount: -3, unit: 't', category: 'process' }), 'negative_amount', ['processes', 0, 'emissions', 0, 'amount']);
  });

  it('reports unit text it cannot read as invalid_unit', () => {
    const document = minimalDocument();
    input(document)['unit'] = 'furlongs';
    expectIssue(document, 'invalid_unit', ['processes', 0, 'inputs', 0, 'unit']);
    const priced = minimalDocument();
    output(priced)['price'] = '18000 CNY/furlong';
    expectIssue(priced, 'invalid_unit', ['processes', 0, 'outputs', 0, 'price']);
  });

  it('reads declared units as quantities and reports bad ones at the flow key', () => {
    expectIssue({ ...minimalDocument(), declaredUnits: { 'aluminium-ingot': '1 zz' } }, 'invalid_unit', ['declaredUnits', 'aluminium-ingot']);
    expectIssue({ ...minimalDocument(), declaredUnits: ['1 kg'] }, 'invalid_type', ['declaredUnits']);
  });
});

describe('model document schema: dates, region, codes', () => {
  it('reports dates that are not ISO calendar dates as invalid_date', () => {
    for (const start of ['2025-02-30', '2025/01/01', '1 Jan 2025']) {
      expectIssue({ ...minimalDocument(), period: { start, end: '2025-12-31' } }, 'invalid_date', ['period', 'start']);
    }
  });

  it('reports a period that ends before it starts as invalid_period', () => {
    expectIssue({ ...minimalDocument(), period: { start: '2025-12-31', end: '2025-01-01' } }, 'invalid_period', ['period', 'end']);
  });

  it('accepts a one-day period (inclusive dates)', () => {
    expect(safeParseModel({ ...minimalDocument(), period: { start: '2025-06-01', end: '2025-06-01' } }).success).toBe(true);
  });

  it('reports a vintage that is neither a year nor a date as invalid_date', () => {
    const document = minimalDocument();
    input(document)['vintage'] = 'last year';
    expectIssue(document, 'invalid_date', ['processes', 0, 'inputs', 0, 'vintage']);
  });

  it('reports region text that is not an ISO 3166 code as invalid_region', () => {
    expectIssue({ ...minimalDocument(), region: 'Inner Mongolia' }, 'invalid_region', ['region']);
    expectIssue({ ...minimalDocument(), region: 'cn' }, 'invalid_region', ['region']);
  });

  it('reports values outside a fixed list as invalid_value', () => {
    expectIssue({ ...minimalDocument(), gwp: 'AR7' }, 'invalid_value', ['gwp']);
    const document = minimalDocument();
    input(document)['category'] = 'fuel';
    expectIssue(document, 'invalid_value', ['processes', 0, 'inputs', 0, 'category']);
    const recycled = minimalDocument();
    input(recycled)['recycled'] = 'post consumer';
    expectIssue(recycled, 'invalid_value', ['processes', 0, 'inputs', 0, 'recycled']);
  });

  it('reports model factors through the factor schema, at their path', () => {
    const document = { ...minimalDocument(), factors: [{ id: 'own/factor', value: '2', unit: 't CO2/t' }] };
    expectIssue(document, 'missing_field', ['factors', 0, 'source']);
  });
});

describe('model document schema: emissions', () => {
  it('reports a unit naming another gas as gas_mismatch', () => {
    expectIssue(withEmission({ gas: 'CH4', amount: '2', unit: 't CO2', category: 'process' }), 'gas_mismatch', ['processes', 0, 'emissions', 0, 'unit']);
  });

  it('reports a unit that is not a mass as invalid_unit', () => {
    expectIssue(withEmission({ gas: 'CO2', amount: '2', unit: 'MWh', category: 'process' }), 'invalid_unit', ['processes', 0, 'emissions', 0, 'unit']);
  });

  it('reports the issues of the form the entry looks like', () => {
    // Looks declared (gas, unit, category): the misspelt amount is reported, not a missing method.
    const declared = withEmission({ gas: 'CO2', amont: '2', unit: 't', category: 'process' });
    expectIssue(declared, 'missing_field', ['processes', 0, 'emissions', 0, 'amount']);
    expectIssue(declared, 'unknown_field', ['processes', 0, 'emissions', 0, 'amont']);
    expect(issuesOf(declared).some((issue) => issue.path.at(-1) === 'method')).toBe(false);
    // Looks like a method entry: a stray gas is an unknown field there.
    const method = withEmission({ method: 'ipcc-2006/aluminium/pfc-slope', gas: 'CF4' });
    expectIssue(method, 'unknown_field', ['processes', 0, 'emissions', 0, 'gas']);
    expectIssue(withEmission('CO2 1200 t'), 'invalid_type', ['processes', 0, 'emissions', 0]);
  });

  it('reports an unknown gas as invalid_value', () => {
    expectIssue(withEmission({ gas: 'H2O', amount: '2', unit: 't', category: 'process' }), 'invalid_value', ['processes', 0, 'emissions', 0, 'gas']);
  });
});

describe('model document schema: allocation forms', () => {
  it('reports an unknown method name', () => {
    expectIssue(withAllocation('masss'), 'invalid_value', ['processes', 0, 'allocation']);
    expectIssue(withAllocation({ method: 'economc' }), 'invalid_value', ['processes', 0, 'allocation', 'method']);
  });

  it('reports the missing part of a physical or manual rule', () => {
    expectIssue(withAllocation({ method: 'physical' }), 'missing_field', ['processes', 0, 'allocation', 'property']);
    expectIssue(withAllocation({ method: 'manual' }), 'missing_field', ['processes', 0, 'allocation', 'shares']);
  });

  it('reports a misspelt shorthand with a suggestion', () => {
    const document = withAllocation({ physcal: 'zinc-content' });
    const issue = expectIssue(document, 'unknown_field', ['processes', 0, 'allocation', 'physcal']);
    expect(issue.message).toContain('did you mean "physical"');
  });

  it('reports shares that are not fractions', () => {
    expectIssue(withAllocation({ manual: { zinc: '0.5 t', acid: '0.5' } }), 'invalid_unit', ['processes', 0, 'allocation', 'manual', 'zinc']);
    expectIssue(withAllocation({ method: 'manual', shares: { zinc: 'half', acid: '0.5' } }), 'invalid_number', ['processes', 0, 'allocation', 'shares', 'zinc']);
  });

  it('reports a substitutes value of the wrong form', () => {
    const document = minimalDocument();
    output(document)['substitutes'] = 5;
    expectIssue(document, 'invalid_type', ['processes', 0, 'outputs', 0, 'substitutes']);
    const misspelt = minimalDocument();
    output(misspelt)['substitutes'] = { form: 'anode-plant' };
    expectIssue(misspelt, 'unknown_field', ['processes', 0, 'outputs', 0, 'substitutes', 'form']);
  });
});

describe('model document schema: all issues at once', () => {
  it('collects every problem of the document, not the first', () => {
    const document = { ...minimalDocument(), gwp: 'AR7', region: 'Mongolia', extra: true };
    input(document)['amount'] = '-1';
    output(document)['unit'] = 'zz';
    const codes = issuesOf(document).map((issue) => issue.code).sort();
    expect(codes).toEqual(['invalid_region', 'invalid_unit', 'invalid_value', 'negative_amount', 'unknown_field']);
  });
});
