// Writes the JSON Schemas integrators validate against to schemas/*.json (shipped in the package
// as smeltprint/schemas/*.json). Run: npx tsx scripts/generate-schemas.ts
// test/docs/schemas.test.ts fails when the committed files differ from what this writes.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { JSON_SCHEMA_NAMES, jsonSchemaText } from '../src/schemas/jsonSchemaOf.js';

for (const name of JSON_SCHEMA_NAMES) {
  const path = fileURLToPath(new URL(`../schemas/${name}.json`, import.meta.url));
  await writeFile(path, jsonSchemaText(name));
  process.stdout.write(`wrote ${path}\n`);
}
