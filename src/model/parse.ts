import { InternalError, ModelValidationError, SmeltprintError } from '../core/errors.js';
import { makeIssue, type Issue } from '../core/issues.js';
import { isReadAsData } from '../core/readAsData.js';
import { activityReferencesOf, unfilledActivityMessage } from './activityReferences.js';
import { issuesFromZod } from './issuesFromZod.js';
import { readPlainDocument } from './plainDocument.js';
import { modelDocumentSchema, modelSchema } from './schema.js';
import type { Model, ModelContext } from './types.js';
import { validateModel } from './validate.js';

/** The outcome of `safeParseModel`: a model and its warnings, or every issue found. */
export type SafeParseModelResult =
  | { readonly success: true; readonly model: Model; readonly warnings: readonly Issue[] }
  | { readonly success: false; readonly issues: readonly Issue[] };

/**
 * Validates a model document (a plain value, e.g. from `parseModelText` or `JSON.parse`) and
 * returns the parsed `Model`, or every issue found. Shape, types, amounts, units and dates are
 * checked first (all issues collected); when those pass, the graph is checked (`validateModel`),
 * again collecting everything. With `context`, factor and method ids are looked up too. A valid
 * document that `parseModelText` returned is read without zod's copy (the same Model, faster on
 * large models); any other value is read by zod alone.
 * Only faults of the library itself throw (as InternalError).
 *
 * @example
 * const result = safeParseModel(document, context);
 * if (!result.success) for (const issue of result.issues) console.error(formatIssue(issue));
 */
export function safeParseModel(input: unknown, context?: ModelContext): SafeParseModelResult {
  let parsed;
  try {
    // The quick reading answers for valid documents that the library's own readers made (plain
    // data: it reads some fields twice); zod reads the rest, once, and says what is wrong.
    const model = isReadAsData(input) ? readPlainDocument(input) : undefined;
    parsed = model === undefined ? modelSchema.safeParse(input) : ({ success: true, data: model } as const);
  } catch (error) {
    if (error instanceof SmeltprintError) throw error;
    throw new InternalError('parsing the model document failed unexpectedly', error);
  }
  if (!parsed.success) {
    return Object.freeze({ success: false, issues: Object.freeze(withEveryUnfilledAmount(issuesFromZod(parsed.error.issues, input, modelDocumentSchema), input)) });
  }
  const found = validateModel(parsed.data, context);
  if (found.some((issue) => issue.severity === 'error')) return Object.freeze({ success: false, issues: Object.freeze(found) });
  return Object.freeze({ success: true, model: parsed.data, warnings: Object.freeze(found) });
}

/**
 * The conversion stops at the first amount still left to activity data; an integration that
 * forgot to fill a document wants to see all of them at once.
 */
function withEveryUnfilledAmount(issues: readonly Issue[], input: unknown): readonly Issue[] {
  const first = issues.findIndex((issue) => issue.code === 'activity_not_filled');
  if (first === -1) return issues;
  const unfilled = activityReferencesOf(input).map(({ path, series }) =>
    makeIssue('activity_not_filled', [...path, 'amount'], unfilledActivityMessage(series)),
  );
  return [...issues.slice(0, first), ...unfilled, ...issues.slice(first + 1).filter((issue) => issue.code !== 'activity_not_filled')];
}

/**
 * Like `safeParseModel`, but throws a ModelValidationError (code `model_invalid`) holding every
 * issue when the document is invalid. Warnings are dropped; use `safeParseModel` to see them.
 *
 * @example
 * const model = parseModel(await readModelFile('plant.yaml'));
 * model.processes.map((process) => process.id) // ['alumina-refinery', 'electrolysis', ...]
 */
export function parseModel(input: unknown, context?: ModelContext): Model {
  const result = safeParseModel(input, context);
  if (!result.success) throw new ModelValidationError(result.issues);
  return result.model;
}
