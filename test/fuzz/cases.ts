// Case number → fuzz case, the same on every machine: case i of seed s is the first value
// fast-check draws with seed s + i, so any failing case can be re-run alone (`--only i`).
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseModelText } from '../../src/io/parseModelText.js';
import { fuzzCase, type FuzzCase, type Json } from './arbitraries.js';

const ROOT = join(import.meta.dirname, '..', '..');

/** The example plants and the full fixture, as seeds for mutation. */
export function seedDocuments(): Json[] {
  const files = [
    ...readdirSync(join(ROOT, 'examples'))
      .filter((name) => /\.(ya?ml|json)$/.test(name))
      .sort()
      .map((name) => join(ROOT, 'examples', name)),
    join(ROOT, 'test', 'fixtures', 'models', 'full.json'),
  ];
  return files.map((file) => parseModelText(readFileSync(file, 'utf8'), file.endsWith('.json') ? 'json' : 'yaml'));
}

/** Generates case `index` of `seed`. */
export function caseGenerator(options: { largeModels?: number } = {}): (seed: number, index: number) => FuzzCase {
  // --large 0 leaves large models out.
  const arbitrary = fuzzCase(seedDocuments(), options.largeModels === 0 ? {} : options);
  return (seed, index) => fc.sample(arbitrary, { seed: (seed + index) | 0, numRuns: 1 })[0]!;
}
