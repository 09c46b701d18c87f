import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { demoModelDocument } from '../../src/demo/index.js';
import { pactFromModel, toPact } from '../../src/report/pact/index.js';
import { META, META_V2, multiGasDocument } from './pactFixtures.js';
import { hasOfficialPactFile, officialPactFile, officialProductFootprintValidator, readOfficialExample } from './pactOfficialSchema.js';

// Validates what toPact emits against components.schemas.ProductFootprint of the official PACT
// OpenAPI documents (draft 2020-12, ajv) when ../shared/reference/pact/ holds them; the files are
// WBCSD-licensed and never copied into this repository, so without them these tests are skipped.
const V3 = 'openapi-v3.yaml';
const V2 = 'openapi-v2.yaml';
const EXAMPLES = ['example-1.json', 'example-2.json', 'example-3.json', 'example-4.json'];
const hasV3 = hasOfficialPactFile(V3);
const hasV2 = hasOfficialPactFile(V2);

function footprintsV3() {
  const demo = computeFootprints(demoModelDocument(), { gwp: 'AR6' });
  return [
    ...demo.products.map((p) => toPact(demo, p.flow, META)),
    toPact(demo, 'aluminium-ingot', { ...META, declaredUnitAmount: '1000', geography: 'Eastern Asia', dqi: { technologicalDQR: '1.4', geographicalDQR: '1.2', temporalDQR: '1' } }),
    toPact(demo, 'aluminium-ingot', { ...META, geography: 'Global', revision: 2, precedingPfIds: ['0b8f0c55-3f57-4c37-9d7a-2f2f8e7c6a11'] }),
    pactFromModel(multiGasDocument(), 'metal', { ...META, biogenicCO2Uptake: '-0.04', productClassifications: ['urn:pact:example.com:cn:76011000'] }),
    pactFromModel(multiGasDocument('CN'), 'metal', META),
  ];
}

function footprintsV2() {
  return [
    pactFromModel(demoModelDocument(), 'aluminium-ingot', META_V2, { version: '2.3' }),
    pactFromModel(demoModelDocument(), 'alumina', { ...META_V2, declaredUnitAmount: '1000' }, { version: '2.3' }),
    pactFromModel(multiGasDocument(), 'metal', { ...META_V2, biogenicCO2Uptake: '-0.04', biogenicCarbonContent: '0.011' }, { version: '2.3' }),
  ];
}

describe.skipIf(!hasV3)(
  hasV3 ? `official PACT v3 schema (${officialPactFile(V3)})` : `official PACT v3 schema not found at ${officialPactFile(V3)}: skipped`,
  () => {
    it('accepts the official examples (positive fixtures) and rejects an exponent in a decimal', () => {
      const validate = officialProductFootprintValidator(V3);
      for (const name of EXAMPLES.filter(hasOfficialPactFile)) expect(validate(readOfficialExample(name)), name).toBe(true);
      // Shows the $refs into components resolve: the Decimal pattern comes from #/components/schemas/Decimal.
      const example = readOfficialExample('example-1.json') as { pcf: Record<string, unknown> };
      expect(validate({ ...example, pcf: { ...example.pcf, fossilGhgEmissions: '3.5e-1' } })).toBe(false);
    });

    it('accepts every v3 footprint smeltprint emits (demo products and a multi-gas model)', () => {
      const validate = officialProductFootprintValidator(V3);
      for (const footprint of footprintsV3()) {
        const ok = validate(footprint);
        expect(validate.errors ?? [], footprint.productNameCompany).toEqual([]);
        expect(ok).toBe(true);
      }
    });

    it('has the shape of the official examples: same field types, no pcf field the schema lacks', () => {
      const ours = footprintsV3()[0]! as unknown as Record<string, unknown> & { pcf: Record<string, unknown> };
      for (const name of EXAMPLES.filter(hasOfficialPactFile)) {
        const example = readOfficialExample(name) as Record<string, unknown> & { pcf: Record<string, unknown> };
        for (const [key, value] of Object.entries(example)) {
          if (key in ours) expect(typeof ours[key], `${name} ${key}`).toBe(typeof value);
        }
        for (const [key, value] of Object.entries(example.pcf)) {
          if (key in ours.pcf) expect(Array.isArray(ours.pcf[key]) ? 'array' : typeof ours.pcf[key], `${name} pcf.${key}`).toBe(Array.isArray(value) ? 'array' : typeof value);
        }
      }
      // Every field the examples all carry at the top level, ours carries too.
      const common = EXAMPLES.filter(hasOfficialPactFile).map((n) => Object.keys(readOfficialExample(n))).reduce((a, b) => a.filter((k) => b.includes(k)));
      for (const key of common.filter((k) => k !== 'productClassifications')) expect(Object.keys(ours), key).toContain(key);
    });
  },
);

describe.skipIf(!hasV2)(
  hasV2 ? `official PACT v2.3 schema (${officialPactFile(V2)})` : `official PACT v2 schema not found at ${officialPactFile(V2)}: skipped`,
  () => {
    it('accepts every v2.3 footprint smeltprint emits', () => {
      const validate = officialProductFootprintValidator(V2);
      for (const footprint of footprintsV2()) {
        const ok = validate(footprint);
        expect(validate.errors ?? [], footprint.productNameCompany).toEqual([]);
        expect(ok).toBe(true);
      }
    });
  },
);
