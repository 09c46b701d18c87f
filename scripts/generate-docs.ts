// Writes the generated pages of docs/ (today: docs/methods-and-datasets.md, from the method and
// factor registries). Run: npx tsx scripts/generate-docs.ts
// test/docs/generated.test.ts fails when a committed page differs from what this writes.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { methodsAndDatasetsMarkdown } from './methodsAndDatasetsDoc.js';

const path = fileURLToPath(new URL('../docs/methods-and-datasets.md', import.meta.url));
await writeFile(path, methodsAndDatasetsMarkdown());
process.stdout.write(`wrote ${path}\n`);
