// The library is a guest in its host process: no output on stdout/stderr or the console, no
// process.exit, no change to the consumer's decimal.js settings or to any global.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decimal as GlobalDecimal } from 'decimal.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { auditJsonText, toAudit } from '../../src/report/audit/index.js';
import { explainText } from '../../src/report/explainText.js';
import { footprintJsonText } from '../../src/report/json.js';
import { footprintTable } from '../../src/report/table.js';
import { massBalance } from '../../src/graph/massBalance.js';
import { parseModel } from '../../src/model/parse.js';
import { doc, proc } from '../helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SMELTER = readFileSync(join(ROOT, 'examples', 'aluminium-smelter.yaml'), 'utf8');

/** A compute-and-report run over the smelter, plus documents that fail in each way. */
function workload(): string {
  const document = parseModelText(SMELTER, 'yaml');
  const result = computeFootprints(document);
  let text = footprintJsonText(result) + footprintTable(result) + auditJsonText(toAudit(result, { document }));
  for (const product of result.products) text += explainText(result.explain(product.flow));
  text += massBalance(parseModel(doc([proc('a', ['x', '1'], '1')])), { tolerance: '0.05' }).warnings.length;
  const failing = [
    () => parseModelText('a: [', 'yaml'),
    () => computeFootprints(doc([proc('a', ['x', '1'], '1e400')])),
    () => computeFootprints(doc([proc('a', ['x', '1'], '1', [{ flow: 'x', amount: '1', unit: 't', from: 'a' }])])),
    () => result.explain('no-such-product'),
  ];
  for (const fail of failing) {
    try {
      fail();
    } catch (error) {
      text += String(error);
    }
  }
  return text;
}

const DECIMAL_SETTINGS = ['precision', 'rounding', 'toExpNeg', 'toExpPos', 'minE', 'maxE', 'modulo', 'crypto'] as const;

function decimalSettings(): Record<string, unknown> {
  return Object.fromEntries(DECIMAL_SETTINGS.map((name) => [name, (GlobalDecimal as unknown as Record<string, unknown>)[name]]));
}

describe('host safety', () => {
  afterEach(() => vi.restoreAllMocks());

  it('writes nothing to stdout, stderr or the console and never calls process.exit', () => {
    const spies = [
      vi.spyOn(process.stdout, 'write'),
      vi.spyOn(process.stderr, 'write'),
      ...(['log', 'error', 'warn', 'info', 'debug', 'trace', 'dir', 'table'] as const).map((name) => vi.spyOn(console, name)),
    ];
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => {
      throw new Error('process.exit called');
    }) as never);
    const text = workload();
    expect(text.length).toBeGreaterThan(1000);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(exit).not.toHaveBeenCalled();
  });

  it("leaves the consumer's decimal.js settings alone and is not affected by them", () => {
    const before = decimalSettings();
    const reference = footprintJsonText(computeFootprints(parseModelText(SMELTER, 'yaml')));
    workload();
    expect(decimalSettings()).toEqual(before);
    // A consumer who sets 5 digits and rounding down globally gets the same exact result.
    const saved = { precision: GlobalDecimal.precision, rounding: GlobalDecimal.rounding };
    GlobalDecimal.set({ precision: 5, rounding: GlobalDecimal.ROUND_DOWN });
    try {
      expect(footprintJsonText(computeFootprints(parseModelText(SMELTER, 'yaml')))).toBe(reference);
    } finally {
      GlobalDecimal.set(saved);
    }
    expect(decimalSettings()).toEqual(before);
  });

  it('adds, removes and replaces no global', () => {
    const snapshot = () => Object.getOwnPropertyNames(globalThis).sort().map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)?.value]);
    const before = snapshot();
    workload();
    expect(snapshot()).toEqual(before);
  });
});
