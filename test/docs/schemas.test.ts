import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { aluminiumSmelterDocument } from '../../src/demo/index.js';
import { parseModelText } from '../../src/io/parseModelText.js';
import { footprintToJson } from '../../src/report/json.js';
import { JSON_SCHEMA_NAMES, jsonSchemaOf, jsonSchemaText } from '../../src/schemas/jsonSchemaOf.js';
import { runCli } from '../../src/cli/run.js';

const committed = (name: string) => readFile(fileURLToPath(new URL(`../../schemas/${name}.json`, import.meta.url)), 'utf8');
const example = (name: string) => readFile(fileURLToPath(new URL(`../../examples/${name}`, import.meta.url)), 'utf8');
const ajv = () => new Ajv2020.default({ strict: false, allErrors: true, validateFormats: false });

describe('schemas/*.json', () => {
  for (const name of JSON_SCHEMA_NAMES) {
    it(`schemas/${name}.json is what scripts/generate-schemas.ts writes (run it when this fails)`, async () => {
      expect(await committed(name)).toBe(jsonSchemaText(name));
    });
  }

  it('the result schema accepts the --format json output of the demo smelter and rejects a number', () => {
    const validate = ajv().compile(jsonSchemaOf('result'));
    const json = JSON.parse(JSON.stringify(footprintToJson(computeFootprints(aluminiumSmelterDocument()))));
    expect(validate(json)).toBe(true);
    json.products[0].total = 1.5;
    expect(validate(json)).toBe(false);
  });

  it('the scope2-comparison and monthly schemas accept what the CLI prints, and reject a number', async () => {
    const printed = async (argv: string[]) => {
      let stdout = '';
      const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: () => undefined, cwd: fileURLToPath(new URL('../..', import.meta.url)) });
      expect(code).toBe(0);
      return JSON.parse(stdout) as Record<string, any>;
    };
    const comparison = ajv().compile(jsonSchemaOf('scope2-comparison'));
    const both = await printed(['footprint', 'examples/aluminium-smelter.yaml', '--scope2', 'both', '--format', 'json']);
    expect(comparison(both)).toBe(true);
    both['market'].products[0].total = 1.5;
    expect(comparison(both)).toBe(false);
    const monthly = ajv().compile(jsonSchemaOf('monthly'));
    const months = await printed(['footprint', 'examples/erp/smelter-2022-2023.yaml', '--activity', 'examples/erp/ledger-utf8.csv', '--mapping', 'examples/erp/mapping-utf8.yaml', '--by', 'month', '--format', 'json']);
    expect(months['months']).toHaveLength(24);
    expect(monthly(months)).toBe(true);
    months['total'].products[0].emissions = 2;
    expect(monthly(months)).toBe(false);
  });

  it('the model schema accepts the ERP example with { activity } amounts; the mapping schema its mappings', async () => {
    const model = ajv().compile(jsonSchemaOf('model'));
    expect(model(parseModelText(await example('erp/smelter-2022-2023.yaml'), 'yaml'))).toBe(true);
    const mapping = ajv().compile(jsonSchemaOf('mapping'));
    for (const file of ['erp/mapping-utf8.yaml', 'erp/mapping-gbk.yaml']) expect(mapping(parseModelText(await example(file), 'yaml'))).toBe(true);
    expect(mapping({ smeltprintMapping: 1, columns: { series: 's' } })).toBe(false);
  });
});
