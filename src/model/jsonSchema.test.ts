import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODEL_JSON_SCHEMA_ID, modelJsonSchema } from './jsonSchema.js';

type Schema = Record<string, unknown>;

const fixture = (name: string): string => fileURLToPath(new URL(`../../test/fixtures/models/${name}`, import.meta.url));

describe('modelJsonSchema', () => {
  const schema = modelJsonSchema();
  const defs = schema.$defs as Record<string, Schema>;

  it('is a draft 2020-12 schema with an id and a title', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['$id']).toBe(MODEL_JSON_SCHEMA_ID);
    expect(typeof schema['title']).toBe('string');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('describes the document: required fields, no unknown fields, gwp defaulting', () => {
    const root = defs['ModelDocument'] ?? schema;
    expect(root['required']).toEqual(expect.arrayContaining(['smeltprint', 'id', 'period', 'processes']));
    expect(root['required']).not.toContain('gwp');
    expect(root['additionalProperties']).toBe(false);
    const gwp = (root['properties'] as Record<string, Schema>)['gwp'];
    expect(gwp?.['default']).toBe('AR6');
  });

  it('defines processes, inputs, outputs, emissions and allocation', () => {
    expect(Object.keys(defs)).toEqual(expect.arrayContaining(['Process', 'Input', 'Output', 'Emission', 'Allocation']));
    const input = defs['Input'] as Schema;
    expect(input['required']).toEqual(['flow', 'amount', 'unit']);
    expect(input['additionalProperties']).toBe(false);
    expect(Object.keys(input['properties'] as Schema)).toEqual(['flow', 'amount', 'unit', 'from', 'factor', 'vintage', 'recycled', 'category', 'instrument', 'locationFactor']);
    const process = defs['Process'] as Schema;
    expect(process['required']).toEqual(['id', 'outputs']);
    // Amounts are decimal text or JSON numbers, or { activity: <series> } filled from activity data.
    const amount = (input['properties'] as Record<string, Schema>)['amount'] as { anyOf: Schema[] };
    expect(amount.anyOf[0]?.['type']).toEqual(['string', 'number']);
    expect(amount.anyOf[1]).toEqual({ $ref: '#/$defs/ActivityReference' });
  });

  // Cross-check with an independent validator where the machine has one (Python jsonschema).
  const python = spawnSync('python3', ['-c', 'import jsonschema'], { encoding: 'utf8' });
  it.skipIf(python.status !== 0)('accepts the fixtures and rejects a misspelt field (python jsonschema)', () => {
    const check = (document: unknown): boolean => {
      const script = 'import json,sys,jsonschema\nd=json.load(sys.stdin)\ntry:\n jsonschema.validate(d["document"], d["schema"])\n print("ok")\nexcept jsonschema.ValidationError:\n print("invalid")';
      const run = spawnSync('python3', ['-c', script], { input: JSON.stringify({ schema, document }), encoding: 'utf8' });
      return run.stdout.trim() === 'ok';
    };
    const full = JSON.parse(readFileSync(fixture('full.json'), 'utf8')) as Schema;
    expect(check(full)).toBe(true);
    const misspelt = structuredClone(full);
    (misspelt['processes'] as Schema[])[0] = { ...((misspelt['processes'] as Schema[])[0] as Schema), ouputs: [] };
    expect(check(misspelt)).toBe(false);
  });
});
