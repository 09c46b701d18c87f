import { formatIssue, formatPath, type DocumentPath, type Issue } from './issues.js';

/** Registered (Symbol.for), so every copy of this module finds the same key. */
const ERROR_CLASSES = Symbol.for('smeltprint.errorClasses');

/**
 * The root of every error smeltprint throws. `code` is stable across versions; `path` points into
 * the model document when the fault belongs to one of its fields.
 */
export class SmeltprintError extends Error {
  readonly code: string;
  readonly path: DocumentPath | undefined;

  constructor(code: string, message: string, options: { path?: DocumentPath; cause?: unknown } = {}) {
    const where = options.path === undefined ? '' : `${formatPath(options.path)}: `;
    super(`${where}${message}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.path = options.path === undefined ? undefined : Object.freeze([...options.path]);
    Object.defineProperty(this, ERROR_CLASSES, { value: classNames(new.target) });
  }

  /**
   * `instanceof` that also holds across copies of these classes: the package's CommonJS entries
   * (`smeltprint` and `smeltprint/node`) are bundled apart, each with its own copy, so an error
   * thrown by one was not an instance of the other's classes. An error is an instance of a class
   * when that class's name is on its chain (see ERROR_CLASSES).
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
    if (value === null || typeof value !== 'object') return false;
    const names = (value as { [ERROR_CLASSES]?: unknown })[ERROR_CLASSES];
    return Array.isArray(names) && names.includes(this.name);
  }
}

/** Names of a class and of its ancestors up to SmeltprintError. */
function classNames(start: abstract new (...args: never[]) => unknown): readonly string[] {
  const names: string[] = [];
  for (let c: unknown = start; typeof c === 'function' && c !== Error && c !== Function.prototype; c = Object.getPrototypeOf(c)) names.push((c as { name: string }).name);
  return Object.freeze(names);
}

/** A document failed validation; `issues` holds every problem found, not just the first. */
export class ModelValidationError extends SmeltprintError {
  readonly issues: readonly Issue[];
  /** What was validated: the model document, or e.g. an activity mapping or options file. */
  readonly what: string;
  constructor(issues: readonly Issue[], what = 'model document') {
    const errors = issues.filter((i) => i.severity === 'error');
    super('model_invalid', `${what} is invalid (${errors.length} error${errors.length === 1 ? '' : 's'}):\n${issues.map(formatIssue).join('\n')}`);
    this.issues = Object.freeze([...issues]);
    this.what = what;
  }
}

export class UnitParseError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('unit_parse', message, options);
  }
}

export class UnitMismatchError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('unit_mismatch', message, options);
  }
}

/** A number that is not a finite decimal, or out of the accepted range. */
export class InvalidNumberError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('invalid_number', message, options);
  }
}

export class FactorNotFoundError extends SmeltprintError {
  readonly request: { readonly id: string; readonly region?: string; readonly period?: string };
  constructor(
    request: { id: string; region?: string; period?: string },
    message: string,
    options: { path?: DocumentPath } = {},
  ) {
    super('factor_not_found', message, options);
    this.request = Object.freeze({ ...request });
  }
}

export class UnresolvedReferenceError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('unresolved_reference', message, options);
  }
}

/** A loop of processes that cannot be solved, e.g. one that consumes at least what it produces. */
export class SingularSystemError extends SmeltprintError {
  readonly processes: readonly string[];
  constructor(processes: readonly string[], message: string) {
    super('singular_system', message);
    this.processes = Object.freeze([...processes]);
  }
}

export class MissingAllocationError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('missing_allocation', message, options);
  }
}

export class UnknownMethodError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('unknown_method', message, options);
  }
}

/** A method parameter is missing, of the wrong kind or unit, or out of range. */
export class MethodParameterError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('method_parameter', message, options);
  }
}

/** The standard offers no factor or formula for the case asked (e.g. electro-thermic zinc, Tier 1). */
export class MethodNotApplicableError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('method_not_applicable', message, options);
  }
}

/** Two methods registered under the same id. */
export class DuplicateMethodError extends SmeltprintError {
  constructor(message: string) {
    super('duplicate_method', message);
  }
}

export class DatasetError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('dataset_invalid', message, options);
  }
}

/** A product asked for is not a product of the model. */
export class UnknownProductError extends SmeltprintError {
  constructor(message: string) {
    super('unknown_product', message);
  }
}

/** Wraps anything unexpected so callers only ever see SmeltprintError. */
export class InternalError extends SmeltprintError {
  constructor(message: string, cause?: unknown) {
    super('internal', message, cause === undefined ? {} : { cause });
  }
}

export function isSmeltprintError(value: unknown): value is SmeltprintError {
  return value instanceof SmeltprintError;
}

/** The GWP set gives no value for the gas asked (e.g. NF3 in the IPCC SAR, which predates it). */
export class GwpNotAvailableError extends SmeltprintError {
  readonly gwpSet: string;
  readonly gas: string;
  constructor(gwpSet: string, gas: string, message: string) {
    super('gwp_not_available', message);
    this.gwpSet = gwpSet;
    this.gas = gas;
  }
}

/**
 * A PACT footprint cannot be made from what was given: a product that is not measured in mass, a
 * GWP set other than AR6 that the caller did not accept, missing or malformed metadata. `path`
 * points into the metadata (`['meta', 'companyIds', 0]`) when a field is at fault.
 */
export class PactInputError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('pact_input', message, options);
  }
}

/**
 * A PACT footprint failed smeltprint's own schema or semantic checks before leaving the library
 * (a bug, or metadata the checks reject). `issues` hold every failing path in the footprint.
 */
export class PactValidationError extends SmeltprintError {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], version: string) {
    const first = issues[0];
    super('pact_invalid', `PACT v${version} footprint is invalid (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${issues.map(formatIssue).join('\n')}`, first === undefined ? {} : { path: first.path });
    this.issues = Object.freeze([...issues]);
  }
}

/**
 * A document (YAML or JSON) cannot be read as data: bad syntax, a duplicate key, too many
 * aliases, a tag it does not know. `line` and `column` (1-based) point at the fault when known.
 */
export class DocumentSyntaxError extends SmeltprintError {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  constructor(message: string, options: { file?: string; line?: number; column?: number; cause?: unknown } = {}) {
    const where = [options.file, options.line, options.column].filter((part) => part !== undefined).join(':');
    super('document_syntax', where === '' ? message : `${where}: ${message}`, options.cause === undefined ? {} : { cause: options.cause });
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
  }
}

/** A document is larger than the library reads (64 MiB), refused before it is parsed. */
export class DocumentTooLargeError extends SmeltprintError {
  readonly file: string | undefined;
  readonly size: number;
  readonly limit: number;
  constructor(size: number, limit: number, file?: string) {
    super('document_too_large', `${file === undefined ? 'document' : file} is ${size} bytes; documents larger than ${limit} bytes are refused`);
    this.file = file;
    this.size = size;
    this.limit = limit;
  }
}

/** A file could not be read or written (missing, a directory, no permission, disk full). */
export class FileAccessError extends SmeltprintError {
  readonly file: string;
  readonly operation: 'read' | 'write';
  constructor(file: string, operation: 'read' | 'write', cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super('file_access', `cannot ${operation} ${file}: ${reason}`, { cause });
    this.file = file;
    this.operation = operation;
  }
}

/** A file's bytes are not valid in the encoding they are read in (UTF-8, or GBK as a mapping declares). */
export class InvalidEncodingError extends SmeltprintError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('invalid_encoding', message, options);
  }
}

/** Data given to be written as JSON (canonicalJson, digests) contains itself. */
export class CircularDataError extends SmeltprintError {
  constructor(message: string) {
    super('circular_data', message);
  }
}

/** A reporting period that is not two calendar dates (YYYY-MM-DD) with start on or before end. */
export class PeriodError extends SmeltprintError {
  constructor(message: string, options: { path?: DocumentPath } = {}) {
    super('period_invalid', message, options);
  }
}

/** CBAM embedded emissions asked without a valid regulation period (transitional 2023/1773 or definitive 2025/2547). */
export class CbamPeriodError extends SmeltprintError {
  constructor(message: string) {
    super('cbam_period', message);
  }
}

/** A CBAM installation boundary naming processes the model does not have (or none at all). */
export class CbamBoundaryError extends SmeltprintError {
  readonly processes: readonly string[];
  constructor(processes: readonly string[], message: string) {
    super('cbam_boundary', message);
    this.processes = Object.freeze([...processes]);
  }
}

/** A good CBAM does not cover for aluminium (CN code outside Annex I), or that cannot be reported as asked. */
export class CbamGoodError extends SmeltprintError {
  constructor(message: string) {
    super('cbam_good', message);
  }
}

/** A precursor whose embedded emissions cannot be established (purchased without communicated SEE, unused, circular). */
export class CbamPrecursorError extends SmeltprintError {
  constructor(message: string) {
    super('cbam_precursor', message);
  }
}

/** A rulebook id that is not one of `listRulebooks()`. */
export class UnknownRulebookError extends SmeltprintError {
  constructor(message: string) {
    super('unknown_rulebook', message);
  }
}

/** A report needs the metal whose product rules apply and cannot tell it from the model. */
export class UnknownMetalError extends SmeltprintError {
  constructor(message: string) {
    super('unknown_metal', message);
  }
}

/** A report language the library has no messages for (the key-product report is in zh and en). */
export class UnsupportedLanguageError extends SmeltprintError {
  constructor(message: string) {
    super('unsupported_language', message);
  }
}

/**
 * An option of a library function with the wrong type or a value it does not know, or naming
 * something the model does not have (a misspelt option value is refused, never ignored).
 */
export class InvalidOptionError extends SmeltprintError {
  constructor(message: string) {
    super('invalid_option', message);
  }
}
