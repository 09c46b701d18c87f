import { isScalar, LineCounter, parseAllDocuments, visit, type Document, type YAMLError } from 'yaml';
import { DocumentSyntaxError, DocumentTooLargeError, InvalidOptionError, SmeltprintError } from '../core/errors.js';
import { markReadAsData } from '../core/readAsData.js';
import { exactNumberTags } from './exactNumberTags.js';
import { readJsonExactly } from './fastJson.js';

/**
 * Largest document read: 64 MiB of UTF-8. Real plant models are a few hundred kilobytes.
 *
 * @example
 * Buffer.byteLength(text) <= MAX_DOCUMENT_BYTES
 */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024;

/**
 * Most aliases (`*name`) a document may use. Each alias expands to a copy of its anchor, so a
 * few nested aliases can blow up to billions of nodes (the "billion laughs" attack); model
 * documents written by ERP integrations need none.
 *
 * @example
 * document.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
 */
export const MAX_ALIAS_COUNT = 100;

/** How to read document text: `json` refuses YAML-only syntax; `yaml` and `auto` read both. */
export type DocumentFormat = 'yaml' | 'json' | 'auto';

/**
 * Reads YAML or JSON text into plain data for `parseModel`. JSON is read as YAML 1.2 (a JSON
 * document is one), with the YAML JSON schema so that bare words are refused; `auto` and `yaml`
 * use the YAML 1.2 core schema. Numbers keep their digits: a number a JS number would change is
 * returned as its decimal text. Duplicate keys, unknown tags, keys that are not scalars, more
 * than MAX_ALIAS_COUNT aliases and text over MAX_DOCUMENT_BYTES are refused.
 * Throws DocumentSyntaxError (`document_syntax`, with line and column) or DocumentTooLargeError.
 *
 * @example
 * parseModelText('amount: 0.1000000000000000000001', 'yaml') // { amount: '0.1000000000000000000001' }
 * parseModelText('{"amount": 1350000}', 'json') // { amount: 1350000 }
 */
export function parseModelText(text: string, format: DocumentFormat = 'auto', fileName?: string): unknown {
  if (typeof text !== 'string') throw new InvalidOptionError(`parseModelText takes the document's text, got ${text === null ? 'null' : typeof text} (read files with readModelFile)`);
  // 'yml' or a typo silently read as 'auto' before.
  if (format !== 'yaml' && format !== 'json' && format !== 'auto') throw new InvalidOptionError(`format is yaml, json or auto, not ${JSON.stringify(format)}`);
  // A UTF-16 unit is at most 3 bytes in UTF-8: a text within the limit even so needs no count.
  const size = text.length * 3 <= MAX_DOCUMENT_BYTES ? 0 : utf8Length(text);
  if (size > MAX_DOCUMENT_BYTES) throw new DocumentTooLargeError(size, MAX_DOCUMENT_BYTES, fileName);
  if (format === 'json') {
    // Same values as the path below whenever it answers; anything it cannot vouch for (long
    // numbers, repeated keys, syntax errors) goes the careful way.
    const fast = readJsonExactly(text);
    if (fast !== undefined) return markReadAsData(fast);
  }
  const lineCounter = new LineCounter();
  const where = (offset: number | undefined): { line?: number; column?: number } => {
    if (offset === undefined) return {};
    const position = lineCounter.linePos(offset);
    return { line: position.line, column: position.col };
  };
  const fail = (message: string, offset?: number, cause?: unknown): never => {
    throw new DocumentSyntaxError(message, {
      ...(fileName === undefined ? {} : { file: fileName }),
      ...where(offset),
      ...(cause === undefined ? {} : { cause }),
    });
  };
  try {
    const documents = parseAllDocuments(text, {
      version: '1.2',
      schema: format === 'json' ? 'json' : 'core',
      customTags: exactNumberTags,
      resolveKnownTags: false,
      // Checked below in one pass: the package compares each key with every earlier key of its
      // mapping, seconds for a mapping of 20,000 keys (an ERP's material list).
      uniqueKeys: false,
      merge: false,
      strict: true,
      // Pretty errors format a code frame for every error, which took seconds on a broken 100 kB
      // line with thousands of errors; only the first is reported, with its own line and column.
      prettyErrors: false,
      lineCounter,
      logLevel: 'silent',
    });
    // An empty stream (comments only) is no document at all: an empty model, reported by the schema.
    if (!Array.isArray(documents)) return null;
    const [document, second] = documents;
    if (document === undefined) return null;
    if (second !== undefined) fail('a model file holds one document; found another after "---"', second.range[0]);
    const keys = checkKeys(document);
    const error: YAMLError | undefined = document.errors[0];
    // The package reported errors in the order of the text, a repeated key among them.
    if (keys.duplicate !== undefined && (error === undefined || keys.duplicate < error.pos[0])) fail(DUPLICATE_KEY_MESSAGE, keys.duplicate);
    const problem = error ?? document.warnings[0];
    if (problem !== undefined) fail(firstLine(problem.message), problem.pos[0], problem);
    if (keys.complex !== undefined) fail('mapping keys must be plain text, not lists or mappings', keys.complex);
    return markReadAsData(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown);
  } catch (error) {
    if (error instanceof SmeltprintError) throw error;
    if (error instanceof RangeError) return fail('the document is nested too deeply to read', undefined, error);
    // The yaml package throws a ReferenceError for too many aliases, and on unresolvable ones.
    return fail(error instanceof Error ? firstLine(error.message) : String(error), undefined, error);
  }
}

// yaml's pretty messages end with " at line L, column C:" and a code frame; we report line and
// column as fields instead.
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** The yaml package's own words for a repeated key, as its `uniqueKeys` check gave them. */
const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

/**
 * Offsets of the first key that is not a scalar, and of the first key that names the same
 * property as an earlier key of its mapping. Keys are compared as the object the document becomes
 * names them (`1`, `1.0` and `"1"` all become "1", `null` and `""` both ""), so that no value is
 * dropped in silence: the package's `uniqueKeys` compared values, letting `1: a` and `"1": b`
 * (and two `.nan` keys) through to keep only the last.
 */
function checkKeys(document: Document.Parsed): { complex?: number; duplicate?: number } {
  let complex: number | undefined;
  let duplicate: number | undefined;
  visit(document, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key as unknown;
        if (key === null || !isScalar(key)) {
          if (key !== null && complex === undefined) complex = offsetOf(key);
          continue;
        }
        const name = key.value === null ? '' : String(key.value);
        if (!seen.has(name)) seen.add(name);
        else if (duplicate === undefined || offsetOf(key) < duplicate) duplicate = offsetOf(key);
      }
      return undefined;
    },
  });
  return { ...(complex === undefined ? {} : { complex }), ...(duplicate === undefined ? {} : { duplicate }) };
}

function offsetOf(node: unknown): number {
  return (node as { range?: [number, number, number] }).range?.[0] ?? 0;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Bytes of `text` in UTF-8, without Node's Buffer (this module also runs in browsers). */
function utf8Length(text: string): number {
  // All ASCII (one native scan finds out): one byte per unit.
  if (!NON_ASCII.test(text)) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
