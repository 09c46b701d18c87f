import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { productsByOutput } from '../../src/graph/results.js';
import { parseModel } from '../../src/model/parse.js';
import { processesById } from '../../src/model/processesById.js';
import { EXAMPLES, loadExample } from '../examples/variants.js';

// The indexed lookups that replaced searches of the product and process lists (quadratic on large
// models: a rulebook check of 10,000 processes spent seconds in them) give what the searches gave.
describe.each(EXAMPLES.map((e) => e.file))('lookups in %s', (file) => {
  const document = loadExample(file);
  const model = parseModel(document);
  const result = computeFootprints(document);

  it('productsByOutput finds each product the list search finds, and nothing else', () => {
    const productMadeBy = productsByOutput(result);
    for (const process of model.processes) {
      for (const output of process.outputs) {
        const searched = result.products.find((p) => p.flow === output.flow && p.process === process.id);
        expect(productMadeBy(process.id, output.flow)).toBe(searched);
      }
    }
    const first = result.products[0]!;
    expect(productMadeBy(`${first.process}-elsewhere`, first.flow)).toBeUndefined();
    expect(productMadeBy(first.process, `${first.flow}-other`)).toBeUndefined();
  });

  it('processesById gives each process the list search gives', () => {
    const byId = processesById(model);
    expect(byId.size).toBe(model.processes.length);
    for (const process of model.processes) expect(byId.get(process.id)).toBe(model.processes.find((p) => p.id === process.id));
    expect(byId.get('no-such-process')).toBeUndefined();
  });
});
