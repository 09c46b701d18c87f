import type { z } from 'zod';
import { makeIssue, type DocumentPath, type Issue } from '../core/issues.js';
import { suggestField } from '../core/suggestField.js';

type ZodIssue = z.core.$ZodIssue;
type ZodSchema = z.core.$ZodType;
type Path = (string | number)[];

/** How strongly a union branch's issues say "the value is not of this form at all". */
const WRONG_TYPE = 1000;
const NO_DISCRIMINATOR = 500;

/**
 * Turns zod issues into smeltprint issues with stable codes and paths into the document:
 *
 * - `missing_field` (a required field is absent) and `invalid_type` (present, wrong type);
 * - `unknown_field`, one per unknown key, naming it and suggesting the field meant;
 * - `invalid_value` (not one of the allowed values), `unsupported_version` (`smeltprint:`);
 * - `empty_value`, `no_processes`, `no_outputs`, `too_small`, `too_big`, `invalid_format`;
 * - a `custom` issue's own `params.code` (`invalid_number`, `negative_amount`, `invalid_unit`,
 *   `invalid_date`, `invalid_period`, `gas_mismatch`, …).
 *
 * A union (amounts, emissions, allocation) reports the issues of the branch the value most looks
 * like, not every branch's. `input` is the document validated and `schema` its root schema; they
 * are read to tell missing from mistyped fields and to suggest field names.
 *
 * @example
 * const result = modelDocumentSchema.safeParse(document);
 * if (!result.success) issuesFromZod(result.error.issues, document, modelDocumentSchema);
 */
export function issuesFromZod(issues: readonly ZodIssue[], input: unknown, schema: ZodSchema): Issue[] {
  return issues.flatMap((issue) => convert(issue, [], input, schema));
}

function toPath(path: readonly PropertyKey[]): Path {
  return path.map((part) => (typeof part === 'symbol' ? String(part) : part));
}

function convert(issue: ZodIssue, base: Path, input: unknown, schema: ZodSchema): Issue[] {
  const path = [...base, ...toPath(issue.path)];
  switch (issue.code) {
    case 'invalid_type': {
      const found = valueAt(input, path);
      if (!found.present) return [missingField(path)];
      if (isNonFinite(found.value)) return [notFinite(path, found.value)];
      return [makeIssue('invalid_type', path, `expected ${describeExpected(issue.expected)}, got ${describeValue(found.value)}`)];
    }
    case 'unrecognized_keys': {
      const known = fieldNamesAt(schema, path);
      return issue.keys.map((key) => {
        const suggestion = suggestField(key, known);
        const hint = suggestion === undefined ? `; known fields: ${known.join(', ')}` : ` (did you mean "${suggestion}"?)`;
        return makeIssue('unknown_field', [...path, key], `unknown field "${key}"${hint}`);
      });
    }
    case 'invalid_union':
      return convertUnion(issue, path, input, schema);
    case 'invalid_value': {
      const found = valueAt(input, path);
      if (!found.present) return [missingField(path)];
      const expected = issue.values.map((value) => JSON.stringify(value)).join(' | ');
      if (path.length === 1 && path[0] === 'smeltprint') {
        return [makeIssue('unsupported_version', path, `unsupported format version ${describeValue(found.value)}; this library reads smeltprint: ${expected}`)];
      }
      const guess = typeof found.value === 'string' ? suggestField(found.value, issue.values.filter((v): v is string => typeof v === 'string')) : undefined;
      return [makeIssue('invalid_value', path, `expected ${expected}, got ${describeValue(found.value)}${guess === undefined ? '' : `; did you mean "${guess}"?`}`)];
    }
    case 'too_small': {
      if (issue.origin === 'string') return [makeIssue('empty_value', path, 'must not be empty')];
      if (issue.origin === 'array' && path.length === 1 && path[0] === 'processes') return [makeIssue('no_processes', path, issue.message)];
      if (issue.origin === 'array' && path.at(-1) === 'outputs') return [makeIssue('no_outputs', path, issue.message)];
      return [makeIssue('too_small', path, issue.message)];
    }
    case 'too_big':
      return [makeIssue('too_big', path, issue.message)];
    case 'invalid_format':
      return [makeIssue('invalid_format', path, issue.message)];
    case 'not_multiple_of':
      return [makeIssue('invalid_number', path, issue.message)];
    case 'custom': {
      const code: unknown = issue.params?.['code'];
      return [makeIssue(typeof code === 'string' ? code : 'invalid_value', path, issue.message)];
    }
    case 'invalid_key':
    case 'invalid_element':
      return [makeIssue('invalid_value', path, issue.message)];
  }
}

function convertUnion(issue: Extract<ZodIssue, { code: 'invalid_union' }>, path: Path, input: unknown, schema: ZodSchema): Issue[] {
  if (issue.errors.length === 0) {
    // A discriminated union found no branch for its discriminator, whose path this issue has.
    if (issue.discriminator !== undefined && !valueAt(input, path).present) {
      return [makeIssue('missing_field', path, `missing required field "${issue.discriminator}"`)];
    }
    const options = 'options' in issue && issue.options !== undefined ? issue.options.map((o) => JSON.stringify(o)).join(' | ') : '';
    const got = describeValue(valueAt(input, path).value);
    return [makeIssue('invalid_value', path, options === '' ? `${issue.message}, got ${got}` : `expected ${options}, got ${got}`)];
  }
  const unionPath = path;
  const branches = issue.errors.map((branch) => ({
    penalty: branch.reduce((total, raw) => total + penaltyOf(raw, unionPath, input), 0),
    issues: branch.flatMap((raw) => convert(raw, unionPath, input, schema)),
  }));
  if (branches.every((branch) => branch.penalty >= WRONG_TYPE)) {
    const found = valueAt(input, unionPath);
    if (!found.present) return [missingField(unionPath)];
    if (isNonFinite(found.value)) return [notFinite(unionPath, found.value)];
    const got = describeValue(found.value);
    const message = issue.message === 'Invalid input' ? `expected ${expectedOfBranches(issue.errors)}` : issue.message;
    return [makeIssue('invalid_type', unionPath, `${message}, got ${got}`)];
  }
  let best = branches[0];
  for (const branch of branches) {
    if (best === undefined || branch.penalty + branch.issues.length < best.penalty + best.issues.length) best = branch;
  }
  return best?.issues ?? [];
}

function missingField(path: Path): Issue {
  const last = path.at(-1);
  // A hole in a list (a sparse array from code, e.g. list.length = 3) is no missing field "1".
  if (typeof last === 'number') return makeIssue('missing_field', path, `nothing at position ${last} of the list (an empty slot); every entry must be given`);
  return makeIssue('missing_field', path, `missing required field "${String(last ?? '')}"`);
}

// YAML's .inf and .nan are numbers that zod's number type refuses; they are invalid numbers.
function isNonFinite(value: unknown): value is number {
  return typeof value === 'number' && !Number.isFinite(value);
}

function notFinite(path: Path, value: number): Issue {
  return makeIssue('invalid_number', path, `${String(value)} is not a finite number`);
}

function penaltyOf(raw: ZodIssue, unionPath: Path, input: unknown): number {
  if (raw.code === 'invalid_type' && raw.path.length === 0) return WRONG_TYPE;
  if (raw.code === 'invalid_value' && raw.path.length === 0) {
    // An enum or literal of strings offered an object (or the reverse) is a type mismatch too.
    const kind = typeof valueAt(input, unionPath).value;
    if (raw.values.every((value) => typeof value !== kind)) return WRONG_TYPE;
  }
  if (raw.code === 'invalid_union' && raw.errors.length === 0 && raw.discriminator !== undefined) {
    return valueAt(input, [...unionPath, ...toPath(raw.path)]).present ? 1 : NO_DISCRIMINATOR;
  }
  return 0;
}

function expectedOfBranches(branches: readonly (readonly ZodIssue[])[]): string {
  const expected = new Set<string>();
  for (const branch of branches) {
    for (const raw of branch) if (raw.code === 'invalid_type') expected.add(describeExpected(raw.expected));
  }
  return [...expected].join(' or ');
}

function describeExpected(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'record':
      return 'a mapping';
    case 'array':
      return 'a list';
    default:
      return expected;
  }
}

/**
 * A short description of a value for messages.
 *
 * @example
 * describeValue(undefined) // 'nothing'
 * describeValue('AR7') // '"AR7"'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return describeObject(value as object);
    default:
      return typeof value;
  }
}

/**
 * Objects other than plain mappings by what they are: a YAML reader with its default schema gives
 * a Date for `2025-01-01`, and "expected text, got a mapping" sent the user looking for braces.
 */
function describeObject(value: object): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : `a date object (${value.toISOString().slice(0, 10)}); write dates as text, e.g. "2025-01-01"`;
  if (value instanceof Map) return 'a Map (use a plain object)';
  if (value instanceof Set) return 'a Set (use a list)';
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null) return 'a mapping';
  const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
  return typeof name === 'string' && name !== '' ? `an object of class ${name}` : 'a mapping';
}

/** The value at `path` in `root`, reading own properties only. */
function valueAt(root: unknown, path: DocumentPath): { present: boolean; value: unknown } {
  let current = root;
  for (const part of path) {
    if (Array.isArray(current) && typeof part === 'number') {
      if (part < 0 || part >= current.length) return { present: false, value: undefined };
      current = current[part];
    } else if (typeof current === 'object' && current !== null && !Array.isArray(current) && Object.hasOwn(current, part)) {
      current = (current as Record<string, unknown>)[String(part)];
    } else {
      return { present: false, value: undefined };
    }
  }
  return { present: current !== undefined, value: current };
}

// --- Field names of the schema at a path, for "did you mean" suggestions. ---------------------

function defOf(schema: ZodSchema): Record<string, unknown> & { type: string } {
  return schema._zod.def as unknown as Record<string, unknown> & { type: string };
}

/** The concrete schemas a schema stands for: wrappers removed, union branches listed. */
function concrete(schema: ZodSchema, depth = 0): ZodSchema[] {
  if (depth > 32) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return concrete(def['innerType'] as ZodSchema, depth + 1);
    case 'pipe':
      return concrete(def['in'] as ZodSchema, depth + 1);
    case 'lazy':
      return concrete((def['getter'] as () => ZodSchema)(), depth + 1);
    case 'union':
      return (def['options'] as ZodSchema[]).flatMap((option) => concrete(option, depth + 1));
    default:
      return [schema];
  }
}

function childrenAt(schema: ZodSchema, part: string | number): ZodSchema[] {
  const def = defOf(schema);
  if (def.type === 'object' && typeof part === 'string') {
    const shape = def['shape'] as Record<string, ZodSchema>;
    return Object.hasOwn(shape, part) ? [shape[part] as ZodSchema] : [];
  }
  if (def.type === 'array' && typeof part === 'number') return [def['element'] as ZodSchema];
  if (def.type === 'record') return [def['valueType'] as ZodSchema];
  return [];
}

function fieldNamesAt(root: ZodSchema, path: DocumentPath): string[] {
  let schemas = concrete(root);
  for (const part of path) schemas = schemas.flatMap((schema) => childrenAt(schema, part)).flatMap((schema) => concrete(schema));
  const names = new Set<string>();
  for (const schema of schemas) {
    const def = defOf(schema);
    if (def.type === 'object') for (const key of Object.keys(def['shape'] as object)) names.add(key);
  }
  return [...names];
}
