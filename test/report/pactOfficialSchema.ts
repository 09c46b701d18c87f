import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module, { type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';

// The official PACT files are WBCSD-licensed and must never be copied into this repository or the
// package (shared/reference/pact/README.md): tests read them where they are, when they are there.
const here = dirname(fileURLToPath(import.meta.url));
export const PACT_REFERENCE_DIR = resolve(here, '../../../shared/reference/pact');

/** Path of an official file, whether or not it exists. */
export function officialPactFile(name: string): string {
  return resolve(PACT_REFERENCE_DIR, name);
}

export function hasOfficialPactFile(name: string): boolean {
  return existsSync(officialPactFile(name));
}

/** Reads an official example file (JSON), for shape comparisons only. */
export function readOfficialExample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(officialPactFile(name), 'utf8')) as Record<string, unknown>;
}

// ajv/dist/2020 is CommonJS with `module.exports = Ajv2020` and `exports.default = Ajv2020`.
type Ajv2020Class = typeof Ajv2020Module.default;
const Ajv2020: Ajv2020Class = (Ajv2020Module as unknown as { default?: Ajv2020Class }).default ?? (Ajv2020Module as unknown as Ajv2020Class);

/** Annotation keywords of the PACT OpenAPI documents that are not JSON Schema 2020-12 keywords. */
const ANNOTATION_KEYWORDS = ['summary', 'note', 'comment', 'example', 'x-rule', 'x-term', 'x-methodology', 'x-unit', 'x-comment', 'x-enum', 'x-short-description'];

const DECIMAL = /^[+-]?\d+(\.\d+)?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 8141 urn:NID:NSS with a 2–32 character namespace id.
const URN = /^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i;
// RFC 3986 scheme ":" rest, no spaces (URNs are URIs too).
const URI = /^[a-z][a-z0-9+.-]*:[^\s]+$/i;
// RFC 3339 §5.6 date-time.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (match === null) return false;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const date = new Date(Date.UTC(year!, month! - 1, day!));
  return date.getUTCMonth() === month! - 1 && date.getUTCDate() === day! && hour! < 24 && minute! < 60 && second! < 61;
}

/**
 * A draft 2020-12 validator of `components.schemas.ProductFootprint` of an official PACT OpenAPI
 * file, with the document's `components` attached so its internal `$ref`s resolve, the
 * non-standard annotation keywords registered, and the formats it uses checked by our functions.
 */
export function officialProductFootprintValidator(file: 'openapi-v3.yaml' | 'openapi-v2.yaml'): ValidateFunction {
  const document = parse(readFileSync(officialPactFile(file), 'utf8')) as { components: { schemas: Record<string, unknown> } };
  const ajv = new Ajv2020({ strict: true, allErrors: true, strictRequired: false, strictTypes: false, allowUnionTypes: true });
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['string', 'object', 'array', 'number', 'boolean'] });
  // `components` only holds the schemas the `$ref`s point at.
  ajv.addKeyword({ keyword: 'components', schemaType: 'object' });
  ajv.addFormat('decimal', { type: 'string', validate: (s: string) => DECIMAL.test(s) });
  ajv.addFormat('urn', { type: 'string', validate: (s: string) => URN.test(s) });
  ajv.addFormat('uri', { type: 'string', validate: (s: string) => URI.test(s) });
  ajv.addFormat('uuid', { type: 'string', validate: (s: string) => UUID.test(s) });
  ajv.addFormat('date-time', { type: 'string', validate: isDateTime });
  // OpenAPI numeric formats: ranges are stated with minimum/maximum, nothing more to check.
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, { type: 'number', validate: (n: number) => Number.isFinite(n) });
  const root = { ...(document.components.schemas.ProductFootprint as Record<string, unknown>), components: document.components };
  return ajv.compile(root);
}
