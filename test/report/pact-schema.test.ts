import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { PactValidationError } from '../../src/core/errors.js';
import { demoModelDocument } from '../../src/demo/index.js';
import {
  GAS_DETAIL_EXTENSION_SCHEMA_ID,
  assertValidPactFootprint,
  gasDetailExtensionJsonSchema,
  pactFromModel,
  pactGeography,
  toPact,
  validatePactFootprint,
} from '../../src/report/pact/index.js';
import { META, META_V2, multiGasDocument } from './pactFixtures.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const valid = () => JSON.parse(JSON.stringify(toPact(computeFootprints(demoModelDocument(), { gwp: 'AR6' }), 'aluminium-ingot', META))) as Record<string, any>;
const paths = (footprint: unknown, version: '3.0' | '2.3' = '3.0') => validatePactFootprint(footprint, version).map((i) => i.path.join('.'));

describe("smeltprint's own PACT schemas and semantic checks", () => {
  it('accept what toPact emits', () => {
    expect(paths(valid())).toEqual([]);
  });

  it('reject a pcf that is not the sum of its parts (formats.md §1.3), naming the field', () => {
    const footprint = valid();
    footprint.pcf.pcfExcludingBiogenicUptake = '1';
    expect(paths(footprint)).toContain('pcf.pcfExcludingBiogenicUptake');
    const including = valid();
    including.pcf.pcfIncludingBiogenicUptake = '1';
    expect(paths(including)).toEqual(['pcf.pcfIncludingBiogenicUptake']);
  });

  it('reject exponents, thousands separators and wrong signs — also where the official patterns let them through', () => {
    for (const [field, text] of [
      ['fossilGhgEmissions', '1e3'],
      ['fossilGhgEmissions', '1,000'],
      ['fossilGhgEmissions', '-0.5'],
      ['declaredUnitAmount', '1e6'], // PositiveNonZeroDecimal gap (pact/README.md)
      ['biogenicCO2Uptake', '50'], // NegativeOrZeroDecimal gap (pact/README.md)
      ['declaredUnitAmount', '0'],
    ] as const) {
      const footprint = valid();
      footprint.pcf[field] = text;
      expect(paths(footprint), `${field} = ${text}`).toContain(`pcf.${field}`);
    }
  });

  it('reject two geography fields, and validity outside [reference end, reference end + 3 years]', () => {
    const twoPlaces = valid();
    twoPlaces.pcf.geographyCountry = 'CN';
    expect(paths(twoPlaces)).toEqual(['pcf.geographyCountrySubdivision']); // the second of the two in schema order
    const early = valid();
    early.validityPeriodStart = '2025-06-01T00:00:00Z';
    expect(paths(early)).toEqual(['validityPeriodStart']);
    const late = valid();
    late.validityPeriodEnd = '2029-01-01T00:00:01Z';
    expect(paths(late)).toEqual(['validityPeriodEnd']);
    const reversed = valid();
    reversed.validityPeriodEnd = '2026-01-01T00:00:00Z';
    expect(paths(reversed)).toEqual(['validityPeriodEnd']);
  });

  it('reject packaging emissions when packaging is not included, DQRs outside 1–5, and unknown fields', () => {
    const packaging = valid();
    packaging.pcf.packagingGhgEmissions = '0.1';
    expect(paths(packaging)).toEqual(['pcf.packagingGhgEmissions']);
    const dqi = valid();
    dqi.pcf.dqi = { technologicalDQR: '6', geographicalDQR: '1', temporalDQR: '1' };
    expect(paths(dqi)).toEqual(['pcf.dqi.technologicalDQR']);
    const typo = valid();
    typo.pcf.fosilGhgEmissions = '1';
    expect(paths(typo)).toEqual(['pcf']);
  });

  it('v2.3: DQRs 1–3 as numbers, exempted emissions at most 5 %', () => {
    const footprint = JSON.parse(JSON.stringify(pactFromModel(demoModelDocument(), 'aluminium-ingot', META_V2, { version: '2.3' }))) as Record<string, any>;
    expect(paths(footprint, '2.3')).toEqual([]);
    footprint.pcf.dqi.reliabilityDQR = 4;
    footprint.pcf.exemptedEmissionsPercent = 6;
    expect(paths(footprint, '2.3').sort()).toEqual(['pcf.dqi.reliabilityDQR', 'pcf.exemptedEmissionsPercent']);
  });

  it('assertValidPactFootprint throws PactValidationError (code pact_invalid) with every failing path', () => {
    const footprint = valid();
    footprint.pcf.fossilGhgEmissions = '-1';
    footprint.companyIds = ['not-a-urn'];
    try {
      assertValidPactFootprint(footprint);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PactValidationError);
      expect((error as PactValidationError).code).toBe('pact_invalid');
      expect((error as PactValidationError).issues.map((i) => i.path.join('.')).sort()).toEqual(['companyIds.0', 'pcf.fossilGhgEmissions']);
    }
  });

  it('pactGeography maps codes to exactly one field', () => {
    expect(pactGeography('CN')).toEqual({ geographyCountry: 'CN' });
    expect(pactGeography('CN-NM')).toEqual({ geographyCountrySubdivision: 'CN-NM' });
    expect(pactGeography('Western Europe')).toEqual({ geographyRegionOrSubregion: 'Western Europe' });
    expect(pactGeography(undefined)).toEqual({});
  });
});

describe('the gas-detail extension schema', () => {
  it('the committed JSON Schema is the one generated from the zod schema', () => {
    const file = JSON.parse(readFileSync(resolve(root, 'src/report/pact/gas-detail-extension.schema.json'), 'utf8')) as unknown;
    expect(file).toEqual(gasDetailExtensionJsonSchema());
    expect((file as { $id: string }).$id).toBe(GAS_DETAIL_EXTENSION_SCHEMA_ID);
  });

  it('the extension data of emitted footprints validate against that JSON Schema (ajv, draft 2020-12)', () => {
    type AjvClass = typeof Ajv2020Module.default;
    const Ajv2020: AjvClass = (Ajv2020Module as unknown as { default?: AjvClass }).default ?? (Ajv2020Module as unknown as AjvClass);
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(gasDetailExtensionJsonSchema());
    for (const footprint of [pactFromModel(multiGasDocument(), 'metal', META), pactFromModel(demoModelDocument(), 'aluminium-ingot', META)]) {
      const entry = footprint.extensions![0]!;
      expect(entry.dataSchema).toBe(GAS_DETAIL_EXTENSION_SCHEMA_ID);
      expect(validate(entry.data), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('is documented in docs/pact-extension.md', () => {
    const doc = readFileSync(resolve(root, 'docs/pact-extension.md'), 'utf8');
    expect(doc).toContain(GAS_DETAIL_EXTENSION_SCHEMA_ID);
    for (const field of ['gwpSet', 'gases', 'pfcCo2eKg', 'biogenicCO2EmissionsKg', 'primaryData', 'producedBy']) expect(doc).toContain(field);
  });
});
