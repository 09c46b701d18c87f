import { ModelValidationError } from '../core/errors.js';
import { makeIssue } from '../core/issues.js';
import { parseModel } from './parse.js';
import { isParsedModel } from './toModel.js';
import type { Model, ModelContext } from './types.js';

/**
 * The Model a public function works on, for functions that take "a parsed Model or a raw
 * document": a Model from `parseModel` (or derived from one by the library) as it is; anything
 * else is read as a document, parsed and validated (issues as a ModelValidationError).
 * A Model made outside the parser — a copy such as `{ ...model, gwp: 'AR5' }`, which drops the
 * parser's mark, or one built by hand — is refused with the reason: nothing vouches for its
 * fields, and a wrong one would fail deep in the computation as a TypeError. Change the document
 * and parse it again (or use the options: `gwp`, `scope2`, `per`).
 *
 * @example
 * const model = modelOf(documentOrModel, { hasFactor: (id) => registry.has(id), hasMethod: () => true });
 */
export function modelOf(input: unknown, context?: ModelContext): Model {
  if (isParsedModel(input)) return input;
  if (looksLikeModel(input)) throw unmarked();
  return parseModel(input, context);
}

/**
 * A parsed Model, for functions that take nothing else (`validateModel` checks a Model's graph;
 * a document goes through `safeParseModel`): anything else is a ModelValidationError saying so.
 */
export function requireModel(input: unknown, what: string): Model {
  if (isParsedModel(input)) return input;
  if (looksLikeModel(input)) throw unmarked();
  throw new ModelValidationError([
    makeIssue('not_a_model', [], `${what} takes a Model from parseModel, got ${describe(input)}; parse a document first (parseModel or safeParseModel)`),
  ]);
}

/** The shape only Models have: processes carry their document path; documents' processes do not. */
function looksLikeModel(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return false;
  const { processes } = input as { processes?: unknown };
  return Array.isArray(processes) && processes.some((p) => typeof p === 'object' && p !== null && Array.isArray((p as { path?: unknown }).path));
}

function unmarked(): ModelValidationError {
  return new ModelValidationError([
    makeIssue(
      'unmarked_model',
      [],
      'this Model was not made by parseModel (a copy such as { ...model } drops the parser\'s mark, and a Model built by hand is not checked): change the document and parse it again, or use the options (gwp, scope2, per) for what they cover',
    ),
  ]);
}

function describe(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a document or object that is not a parsed Model';
  return `a ${typeof input}`;
}
