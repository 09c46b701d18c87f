// Prints the tables of docs/nonferrous.md: `npx tsx test/examples/print-footprints.ts`.
// (A script, not library code: console output is fine here.)
import { toFixedString } from '../../src/decimal/rounding.js';
import { EXAMPLES, mainFootprint } from './variants.js';

const fixed = (value: { toFixed: (n?: number) => string }, places = 3): string => value.toFixed(places);

for (const example of EXAMPLES) {
  console.log(`\n### ${example.file} — ${example.mainProduct}\n`);
  console.log('| variant | total t CO2e/t | scope 1 | scope 2 | scope 3 | allocation share | recycled t/t | pre-consumer t/t |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const variant of example.variants) {
    const p = mainFootprint(example, variant);
    const scope = (k: '1' | '2' | '3') => fixed(p.byScope[k]);
    console.log(
      `| ${variant.name} | ${fixed(p.total)} | ${scope('1')} | ${scope('2')} | ${scope('3')} | ${fixed(p.allocationShare, 4)} | ` +
        `${fixed(p.recycledContent.total)} | ${fixed(p.recycledContent.preConsumer)} |`,
    );
  }
  const asWritten = mainFootprint(example, example.variants[0]!);
  console.log(`\nby category (as written): ${Object.entries(asWritten.byCategory).map(([k, v]) => `${k} ${fixed(v)}`).join(', ')}`);
  console.log(`full total (as written): ${toFixedString(asWritten.total)}`);
}
