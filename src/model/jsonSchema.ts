import { z } from 'zod';
import { modelSchemaDocs } from './fields.js';
import { modelDocumentSchema } from './schema.js';

/**
 * `$id` of the model document JSON Schema (format version 1).
 *
 * @example
 * modelJsonSchema().$id === MODEL_JSON_SCHEMA_ID
 */
export const MODEL_JSON_SCHEMA_ID = 'https://smeltprint.dev/schema/model-v1.json';

/**
 * The JSON Schema (draft 2020-12) of the model document, format version 1: what an integration
 * may write (the input side of the schema, so defaulted fields are optional). Generated from the
 * same zod schema that `parseModel` uses; processes, outputs, inputs, emissions and the
 * allocation rule are `$defs`. Content rules a JSON Schema cannot state (exact decimals, unit
 * text, references between processes) are checked by `parseModel`.
 *
 * @example
 * const schema = modelJsonSchema();
 * schema.$defs.Process // { type: 'object', properties: { id: ..., outputs: ... }, ... }
 */
export function modelJsonSchema(): Record<string, unknown> & { $defs: Record<string, unknown> } {
  const generated = z.toJSONSchema(modelDocumentSchema, { io: 'input', target: 'draft-2020-12', metadata: modelSchemaDocs }) as Record<string, unknown>;
  const { $schema: dialect, ...body } = generated;
  return {
    $schema: dialect,
    $id: MODEL_JSON_SCHEMA_ID,
    title: 'smeltprint model document, format version 1',
    description:
      'A plant as a graph of processes over a period, for exact product carbon footprints of non-ferrous metals. ' +
      'Amounts are decimal strings or JSON numbers; units are text such as t, MWh, 10^4 Nm3.',
    ...body,
    $defs: (body['$defs'] ?? {}) as Record<string, unknown>,
  };
}
