// What every fuzz case must satisfy: it computes, with fixed-point numbers everywhere in the
// output, or it throws a SmeltprintError that says where in the document the fault is.
import { computeFootprints, defaultComputeContext, resultForProduct, type ComputeContext } from '../../src/compute/computeFootprints.js';
import { sum } from '../../src/decimal/decimal.js';
import type { FootprintResult } from '../../src/graph/results.js';
import { keyProductMarkdown } from '../../src/report/keyproduct/keyProductMarkdown.js';
import { keyProductReport } from '../../src/report/keyproduct/keyProductReport.js';
import { auditJsonText } from '../../src/report/audit/auditJsonText.js';
import { toAudit } from '../../src/report/audit/toAudit.js';
import { toPact } from '../../src/report/pact/toPact.js';
import { validatePactFootprint } from '../../src/report/pact/validatePactFootprint.js';
import { checkModel } from '../../src/rulebooks/checkModel.js';
import { listRulebooks } from '../../src/rulebooks/listRulebooks.js';
import { DocumentSyntaxError, DocumentTooLargeError, InternalError, ModelValidationError, PactInputError, SingularSystemError, SmeltprintError } from '../../src/core/errors.js';
import type { ExplainNode } from '../../src/graph/explain.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { explainText } from '../../src/report/explainText.js';
import { footprintJsonText } from '../../src/report/json.js';
import { footprintTable } from '../../src/report/table.js';
import { readPlainDocument } from '../../src/model/plainDocument.js';
import { modelSchema } from '../../src/model/schema.js';
import type { Model } from '../../src/model/types.js';
import { structuralDifference } from '../helpers.js';
import type { FuzzCase } from './arbitraries.js';

export type CaseOutcome =
  | { readonly status: 'computed'; readonly products: number }
  | { readonly status: 'rejected'; readonly code: string }
  | { readonly status: 'failed'; readonly reason: string };

/** Fixed-point decimal text, as every number in the output must be. */
export const FIXED_POINT = /^-?\d+(?:\.\d+)?$/;

/** How many products of a case are explained (explaining costs about as much as computing). */
const EXPLAINED_PRODUCTS = 4;

let sharedContext: ComputeContext | undefined;

/** Built-in factors and methods, loaded once per process (loading them is most of a small case). */
export function fuzzContext(): ComputeContext {
  sharedContext ??= defaultComputeContext();
  return sharedContext;
}

/**
 * Runs one case through the whole pipeline — text reading, validation, computation, JSON, table
 * and explanation — and says whether it behaved. Never throws.
 *
 * @example
 * runCase({ kind: 'text', origin: 'x', format: 'yaml', text: 'smeltprint: 1' }) // { status: 'rejected', code: 'model_invalid' }
 */
export function runCase(fuzz: FuzzCase, context: ComputeContext = fuzzContext()): CaseOutcome {
  const before = Object.getOwnPropertyNames(Object.prototype).length;
  const outcome = runUnchecked(fuzz, context);
  if (Object.getOwnPropertyNames(Object.prototype).length !== before || ({} as Record<string, unknown>)['polluted'] !== undefined) {
    return { status: 'failed', reason: 'Object.prototype changed' };
  }
  return outcome;
}

function runUnchecked(fuzz: FuzzCase, context: ComputeContext): CaseOutcome {
  const source = fuzz.kind === 'text' ? fuzz.text : safeStringify(fuzz.document);
  try {
    const document = fuzz.kind === 'text' ? parseModelText(fuzz.text, fuzz.format) : fuzz.document;
    const disagreement = readingsDisagree(document);
    if (disagreement !== undefined) return { status: 'failed', reason: disagreement };
    const result = computeFootprints(document, context);
    const problems: string[] = [];
    const json = JSON.parse(footprintJsonText(result)) as { products: Record<string, unknown>[] };
    for (const product of json.products) checkProductJson(product, problems);
    checkWords(footprintTable(result), source, 'table', problems);
    for (const product of result.products.slice(0, EXPLAINED_PRODUCTS)) {
      const tree = result.explain(product.flow);
      checkTree(tree, problems);
      checkWords(explainText(tree), source, 'explain text', problems);
    }
    try {
      checkOtherPaths(document, result, source, problems);
    } catch (error) {
      // The model computed: what is built on its result must not fail.
      problems.push(`a check, contribution or report of a computed model threw ${error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 200)}` : String(error)}`);
    }
    if (problems.length > 0) return { status: 'failed', reason: problems.slice(0, 3).join('; ') };
    return { status: 'computed', products: result.products.length };
  } catch (error) {
    return classify(error);
  }
}

const PACT_META = Object.freeze({ companyName: 'Fuzz Smelter Co.', companyIds: Object.freeze(['urn:example:company:fuzz']) });

/**
 * The paths built on a result: every rulebook's check, the first product's per-process
 * contributions (which must add up to its total exactly), its key-product report, its audit
 * trail, and its PACT footprint (which must pass the PACT schema and rules).
 */
function checkOtherPaths(document: unknown, result: FootprintResult, source: string, problems: string[]): void {
  for (const { id } of listRulebooks()) {
    const findings = checkModel(document, id, { result });
    checkWords(findings.map((f) => f.message).join('\n'), source, `check ${id}`, problems);
  }
  const first = result.products[0];
  if (first === undefined) return;
  const detailed = resultForProduct(result, first.flow).products[0]!;
  const parts = Object.values(detailed.byProcess ?? {});
  for (const part of parts) expectFixed(part.toFixed(), `${first.flow}.byProcess`, problems);
  if (parts.length > 0 && !sum(parts).eq(detailed.total)) problems.push(`${first.flow}: per-process contributions add up to ${sum(parts).toFixed()}, not the total ${detailed.total.toFixed()}`);
  checkWords(keyProductMarkdown(keyProductReport(result, { product: first.flow, metal: 'aluminium', lang: 'en' })), source, 'key-product report', problems);
  checkWords(auditJsonText(toAudit(result, { document, flows: [first.flow] })), source, 'audit trail', problems);
  let pact;
  try {
    pact = toPact(result, first.flow, PACT_META, { acceptGwp: true });
  } catch (error) {
    // PACT's own refusals (negative fossil emissions after credits, say) say why; nothing else may be thrown.
    if (error instanceof PactInputError) return;
    throw error;
  }
  const issues = validatePactFootprint(pact);
  if (issues.length > 0) problems.push(`PACT footprint of ${first.flow} is invalid: ${issues[0]!.message} at ${issues[0]!.path.join('.')}`);
}

/**
 * The quick reading of plain documents (readPlainDocument) must answer as zod does: the same
 * Model, or nothing when zod finds an issue. A throw is left to the pipeline to classify.
 */
function readingsDisagree(document: unknown): string | undefined {
  let quick: Model | undefined;
  let careful: ReturnType<typeof modelSchema.safeParse>;
  try {
    quick = readPlainDocument(document);
    careful = modelSchema.safeParse(document);
  } catch {
    return undefined;
  }
  if (quick === undefined) return undefined;
  if (!careful.success) return `the quick reading accepted a document zod refuses (${careful.error.issues[0]?.message ?? ''})`;
  const difference = structuralDifference(quick, careful.data, 'model');
  return difference === undefined ? undefined : `the quick reading's Model differs from zod's at ${difference}`;
}

/** A thrown value is acceptable only as a SmeltprintError that locates the fault. */
export function classify(error: unknown): CaseOutcome {
  if (!(error instanceof SmeltprintError)) {
    const name = error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
    return { status: 'failed', reason: `threw a non-SmeltprintError: ${name.slice(0, 300)}` };
  }
  if (error instanceof InternalError) return { status: 'failed', reason: `InternalError: ${error.message.slice(0, 300)}` };
  if (!isLocated(error)) return { status: 'failed', reason: `${error.constructor.name} [${error.code}] without a path: ${error.message.slice(0, 300)}` };
  return { status: 'rejected', code: error.code };
}

/**
 * Whether an error points at the fault: a document path, every issue's path, a line in the text,
 * or the processes of a loop.
 */
export function isLocated(error: SmeltprintError): boolean {
  if (error instanceof ModelValidationError) return error.issues.length > 0 && error.issues.every((issue) => Array.isArray(issue.path));
  if (error instanceof DocumentSyntaxError || error instanceof DocumentTooLargeError) return true;
  if (error instanceof SingularSystemError) return error.processes.length > 0;
  return error.path !== undefined;
}

const NUMBER_FIELDS = ['total', 'allocationShare'] as const;
const NUMBER_MAPS = ['byGas', 'gasMass', 'byScope', 'byCategory', 'byProcess', 'recycledContent'] as const;

function checkProductJson(product: Record<string, unknown>, problems: string[]): void {
  for (const field of NUMBER_FIELDS) expectFixed(product[field], `${String(product['flow'])}.${field}`, problems);
  for (const field of NUMBER_MAPS) {
    const map = product[field];
    if (map === undefined) continue;
    for (const [key, value] of Object.entries(map as Record<string, unknown>)) {
      if (field === 'recycledContent' && key === 'unit') continue;
      expectFixed(value, `${String(product['flow'])}.${field}.${key}`, problems);
    }
  }
  const declared = String(product['declaredUnit']);
  expectFixed(declared.split(' ')[0], `${String(product['flow'])}.declaredUnit`, problems);
}

function checkTree(root: ExplainNode, problems: string[]): void {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    expectFixed(node.value.toFixed(), `explain ${node.path ?? node.label}`, problems);
    for (const [gas, mass] of Object.entries(node.gases)) expectFixed(mass.toFixed(), `explain ${node.path ?? node.label} ${gas}`, problems);
    if (node.coefficient !== undefined) expectFixed(node.coefficient, `explain ${node.path ?? node.label} coefficient`, problems);
    if (node.unitFootprint !== undefined) expectFixed(node.unitFootprint, `explain ${node.path ?? node.label} unitFootprint`, problems);
    stack.push(...node.children);
  }
}

function expectFixed(value: unknown, where: string, problems: string[]): void {
  if (typeof value !== 'string' || !FIXED_POINT.test(value)) problems.push(`${where} is ${JSON.stringify(value)?.slice(0, 60)}, not fixed-point decimal text`);
}

// Words that must not appear in reports unless the document itself wrote them (as a name).
function checkWords(text: string, source: string, what: string, problems: string[]): void {
  for (const word of ['NaN', 'Infinity', 'undefined', '[object Object]']) {
    if (text.includes(word) && !source.includes(word)) problems.push(`${what} contains "${word}"`);
  }
  if (/\d[eE][+-]\d/.test(text) && !/\d[eE][+-]?\d/.test(source)) problems.push(`${what} contains exponent notation`);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
