import { InvalidOptionError } from '../core/errors.js';
import { mappingJsonSchema } from '../activity/mappingSchema.js';
import { modelJsonSchema } from '../model/jsonSchema.js';
import { monthlyJsonSchema, resultJsonSchema, scope2ComparisonJsonSchema } from './resultSchema.js';

/** The JSON Schemas smeltprint ships (`schemas/<name>.json`, `smeltprint/schemas/<name>.json`). */
export const JSON_SCHEMA_NAMES = ['model', 'mapping', 'result', 'scope2-comparison', 'monthly'] as const;
export type JsonSchemaName = (typeof JSON_SCHEMA_NAMES)[number];

/**
 * One of the shipped JSON Schemas, generated from its zod schema: the model document, the
 * activity mapping, the `--format json` result, the `--scope2 both` comparison or the monthly
 * footprints of `--by month`.
 *
 * @example
 * jsonSchemaOf('mapping').$id // 'https://smeltprint.dev/schema/mapping-v1.json'
 */
export function jsonSchemaOf(name: JsonSchemaName): Record<string, unknown> {
  switch (name) {
    case 'model':
      return modelJsonSchema();
    case 'mapping':
      return mappingJsonSchema();
    case 'result':
      return resultJsonSchema();
    case 'scope2-comparison':
      return scope2ComparisonJsonSchema();
    case 'monthly':
      return monthlyJsonSchema();
    default:
      // A JavaScript caller's 'nope' returned undefined.
      throw new InvalidOptionError(`no JSON Schema named ${JSON.stringify(name)} (${JSON_SCHEMA_NAMES.join(', ')})`);
  }
}

/**
 * The text of a schema file as committed under schemas/: two-space JSON and a newline.
 *
 * @example
 * jsonSchemaText('model').startsWith('{') // true
 */
export function jsonSchemaText(name: JsonSchemaName): string {
  return `${JSON.stringify(jsonSchemaOf(name), null, 2)}\n`;
}
