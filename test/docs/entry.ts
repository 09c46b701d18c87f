// What code blocks in docs/ import as 'smeltprint': the package entry plus the activity API.
// (Kept here until src/index.ts re-exports src/activity and src/schemas; then this is just src/index.)
export * from '../../src/index.js';
export * from '../../src/activity/index.js';
export { parseActivityBytes, type ActivityFileOptions } from '../../src/io/parseActivityBytes.js';
export { jsonSchemaOf, jsonSchemaText, JSON_SCHEMA_NAMES, type JsonSchemaName } from '../../src/schemas/jsonSchemaOf.js';
export { footprintResultSchema, resultJsonSchema, RESULT_JSON_SCHEMA_ID } from '../../src/schemas/resultSchema.js';
