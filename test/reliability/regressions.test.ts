// Faults the fuzzer found (test/fuzz), each pinned by the smallest document that showed it.
import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { DocumentSyntaxError, InvalidNumberError, ModelValidationError, SmeltprintError } from '../../src/core/errors.js';
import { checkMagnitude, Decimal, sum, toDecimal } from '../../src/decimal/decimal.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { doc, proc } from '../helpers.js';

function issuesOf(run: () => unknown): { code: string; path: readonly (string | number)[] }[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ModelValidationError) return error.issues.map((i) => ({ code: i.code, path: i.path }));
    throw error;
  }
  throw new Error('expected a ModelValidationError');
}

describe('numbers past the Decimal exponent limits', () => {
  it('refuses 1e-99999999999999999999 instead of reading it as zero', () => {
    // The library's Decimal has minE -9e15: this text used to underflow to 0 and pass as "zero".
    expect(() => toDecimal('1e-99999999999999999999')).toThrow(InvalidNumberError);
    expect(() => toDecimal('-1e-99999999999999999999')).toThrow(InvalidNumberError);
    expect(toDecimal('0e-99999999999999999999').isZero()).toBe(true);
  });
  it('refuses 1e99999999999999999999 instead of reading it as Infinity', () => {
    expect(() => toDecimal('1e99999999999999999999')).toThrow(/outside the range of numbers/);
  });
  it('describes 1e10000000 without writing out its ten million digits', () => {
    // The message used to be built from toString(): 10 million characters, seconds of work, and
    // out of memory for 1e1000000000.
    expect(() => checkMagnitude(new Decimal('1e1000000000'))).toThrow(/a number with 1000000001 digits before the decimal point/);
    expect(() => checkMagnitude(new Decimal('-1e-1000000000'))).toThrow(/a number with 999999999 zeros after the decimal point/);
    // toDecimal refuses them outright (exponents past ±100000)
    expect(() => toDecimal('1e1000000000')).toThrow(/outside the range of numbers/);
  });
  it('reports such an amount in a document at its path', () => {
    const issues = issuesOf(() => computeFootprints(doc([proc('a', ['x', '1'], '1e-99999999999999999999')])));
    expect(issues).toEqual([{ code: 'invalid_number', path: ['processes', 0, 'emissions', 0, 'amount'] }]);
  });
});

describe('model factors that repeat an id', () => {
  const factor = { id: 'own/grid', value: '0.5', unit: 't CO2/MWh', category: 'electricity', source: { title: 'supplier' } };
  const process = proc('a', ['x', '1'], undefined, [{ flow: 'electricity', amount: '1', unit: 'MWh', factor: 'own/grid' }]);
  it('is a duplicate_factor issue at the second entry, not a DatasetError without a path', () => {
    const issues = issuesOf(() => computeFootprints(doc([process], { factors: [factor, { ...factor }] })));
    expect(issues).toEqual([{ code: 'duplicate_factor', path: ['factors', 1, 'id'] }]);
  });
  it('is a duplicate_factor issue when the id is a built-in factor', () => {
    const builtin = { ...factor, id: 'cn-mee/grid/national/2023' };
    const issues = issuesOf(() => computeFootprints(doc([process], { factors: [factor, builtin] })));
    expect(issues).toEqual([{ code: 'duplicate_factor', path: ['factors', 1, 'id'] }]);
  });
});

describe('a broken 100 kB line of YAML', () => {
  it('is a DocumentSyntaxError with a position (yaml formatted a code frame for each of thousands of errors)', () => {
    const text = `{"processes": [{"amount": "${'x'.repeat(100_000)} t", ${'{"a":'.repeat(3000)}`;
    let caught: unknown;
    try {
      parseModelText(text, 'yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DocumentSyntaxError);
    expect((caught as DocumentSyntaxError).line).toBe(1);
    expect(caught).toBeInstanceOf(SmeltprintError);
  });
});

describe('explanation of a loop mixing 1e-30 t with hundreds of tonnes', () => {
  it('has children that add up to each product node exactly (the residual was rounded to 34 digits)', () => {
    // Found by nothingLost.prop.test.ts: p2 uses its own product and a trace of p4's, which comes
    // from a co-product made in 1e-30 t.
    const document = doc([
      proc('p2', ['f2', '247.127'], '246.259', [
        { flow: 'f4', amount: '1e-30', unit: 't', from: 'p4' },
        { flow: 'f2', amount: '1', unit: 't', from: 'p2' },
      ]),
      proc('p4', ['f4', '1.008'], undefined, [{ flow: 'f5', amount: '0.001', unit: 't', from: 'p5' }]),
      proc('p5', ['f5', '1e-30'], '0.001', [], { outputs: [{ flow: 'f5', amount: '1e-30', unit: 't' }, { flow: 'co5', amount: '1', unit: 't' }], allocation: 'mass' }),
    ]);
    const result = computeFootprints(document);
    for (const flow of ['f2', 'f4', 'f5']) {
      const stack = [result.explain(flow)];
      while (stack.length > 0) {
        const node = stack.pop()!;
        if (node.kind === 'product') expect(sum(node.children.map((c) => c.value)).eq(node.value)).toBe(true);
        stack.push(...node.children);
      }
    }
  });
});

describe('the per option', () => {
  const document = doc([proc('a', ['x', '1'], '1')]);
  it('refuses a zero, negative or out-of-range declared unit (1e100000 kg wrote 700 kB, more exhausts memory)', () => {
    for (const per of ['0 kg', '-1 kg', '1e100000 kg', '1e-400 kg']) expect(() => computeFootprints(document, { per })).toThrow(InvalidNumberError);
    // 1 t CO2 per t is 0.001 t CO2e per kg.
    expect(computeFootprints(document, { per: '1 kg' }).products[0]!.total.toFixed()).toBe('0.001');
  });
});
