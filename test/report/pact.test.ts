import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../src/io/index.js';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { PactInputError, PactValidationError, SmeltprintError } from '../../src/core/errors.js';
import { Decimal, toDecimal } from '../../src/decimal/decimal.js';
import { aluminiumSmelterDocument, demoModelDocument } from '../../src/demo/index.js';
import {
  PACT_DECIMAL_PATTERN,
  gasDetailExtensionDataSchema,
  pactFromModel,
  pactFromModelAll,
  pactJsonText,
  toPact,
  validatePactFootprint,
  type PactProductFootprintV3,
} from '../../src/report/pact/index.js';
import { doc, proc } from '../helpers.js';
import { META, META_V2, multiGasDocument } from './pactFixtures.js';

const demoAr6 = () => computeFootprints(demoModelDocument(), { gwp: 'AR6' });

/** Every string under `pcf` that is a number must be a plain fixed-point decimal. */
function decimalTexts(footprint: { pcf: Record<string, unknown> }): string[] {
  return Object.entries(footprint.pcf)
    .filter(([key, value]) => typeof value === 'string' && !key.startsWith('reference') && /^[-+\d.eE]+$/.test(value))
    .map(([, value]) => value as string);
}

describe('toPact — PACT v3.0', () => {
  it('says in its default comment which factors are unverified and that fossilCarbonContent was assumed', () => {
    const result = computeFootprints(aluminiumSmelterDocument(), { gwp: 'AR6' });
    const footprint = toPact(result, 'aluminium-ingot', META);
    // The example smelter uses NDRC 2013 fuel values tagged [V-3p] (standards.md) among others.
    expect(footprint.comment).toMatch(/In the model: \d+ factors are tagged unverified .*cn-ndrc-2013\/fuel\/bituminous-coal\/ncv \[V-3p\]/);
    expect(footprint.pcf.fossilCarbonContent).toBe('0');
    expect(footprint.comment).toContain('fossilCarbonContent is 0 as no value was given');
    const stated = toPact(result, 'aluminium-ingot', { ...META, fossilCarbonContent: '0' });
    expect(stated.comment).not.toContain('fossilCarbonContent');
    expect(validatePactFootprint(footprint)).toEqual([]);
  });

  it('writes the demo ingot per kg with the exact total (per t result ÷ 1000 × 1000 kg/t)', () => {
    const result = demoAr6();
    const ingot = result.products.find((p) => p.flow === 'aluminium-ingot')!;
    const footprint = toPact(result, 'aluminium-ingot', META);
    expect(footprint.pcf.declaredUnitOfMeasurement).toBe('kilogram');
    expect(footprint.pcf.declaredUnitAmount).toBe('1');
    expect(footprint.pcf.productMassPerDeclaredUnit).toBe('1');
    // t CO2e per t equals kg CO2e per kg: the same digits.
    expect(toDecimal(footprint.pcf.pcfExcludingBiogenicUptake).eq(ingot.total)).toBe(true);
    expect(footprint.pcf.fossilGhgEmissions).toBe(footprint.pcf.pcfExcludingBiogenicUptake);
    expect(footprint.pcf.pcfIncludingBiogenicUptake).toBe(footprint.pcf.pcfExcludingBiogenicUptake);
    expect(validatePactFootprint(footprint)).toEqual([]);
  });

  it('per 1000 kg shifts the digits by exactly three places, and agrees with a computation per 1 kg', () => {
    const result = demoAr6();
    const perTonne = toPact(result, 'aluminium-ingot', { ...META, declaredUnitAmount: '1000' });
    const perKg = toPact(result, 'aluminium-ingot', META);
    expect(perTonne.pcf.declaredUnitAmount).toBe('1000');
    expect(perTonne.pcf.productMassPerDeclaredUnit).toBe('1000');
    // Same digits, decimal point three places to the right (no rounding, whatever the digit count).
    expect(perTonne.pcf.fossilGhgEmissions.replace('.', '')).toBe(`${perKg.pcf.fossilGhgEmissions.replace('.', '')}`.padEnd(perTonne.pcf.fossilGhgEmissions.length - 1, '0'));
    const perKgResult = computeFootprints(demoModelDocument(), { gwp: 'AR6', per: '1 kg' });
    const ingotPerKg = perKgResult.products.find((p) => p.flow === 'aluminium-ingot')!;
    // t CO2e per kg × 1000 kg/t = kg CO2e per kg; the per-kg run divides by 99,000,000 kg instead of
    // 99,000 t, so the two agree to the 34-digit working precision, not necessarily to the last digit.
    const ingotPerKgInKg = new Decimal(`${ingotPerKg.total.toFixed()}e3`); // × 1000 without rounding
    expect(toDecimal(toPact(perKgResult, 'aluminium-ingot', META).pcf.pcfExcludingBiogenicUptake).eq(ingotPerKgInKg)).toBe(true);
    expect(toDecimal(perKg.pcf.pcfExcludingBiogenicUptake).minus(ingotPerKgInKg).abs().lt('1e-30')).toBe(true);
  });

  it('writes every decimal as fixed-point text (no exponent, even for 1e-6-sized PFC masses)', () => {
    const footprint = pactFromModel(multiGasDocument(), 'metal', META);
    const data = gasDetailExtensionDataSchema.parse(footprint.extensions![0]!.data);
    const extensionTexts = [
      data.pfcCo2eKg,
      data.biogenicCO2EmissionsKg,
      ...data.gases.flatMap((g) => [g.massKg, g.gwp100, g.co2eKg].filter((t): t is string => t !== undefined)),
    ];
    const texts = [...decimalTexts(footprint), ...extensionTexts];
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(text).toMatch(PACT_DECIMAL_PATTERN);
    expect(pactJsonText(footprint)).not.toMatch(/\d[eE][-+]?\d/);
  });

  it('splits fossil and biogenic gases with AR6 GWPs (AR6 WG1 Table 7.SM.7, CH4 from Table 7.15)', () => {
    const footprint = pactFromModel(multiGasDocument(), 'metal', { ...META, biogenicCO2Uptake: '-0.04' });
    // Per kg of metal (declared per 1000 t → ÷ 1,000,000 kg, × 1000 kg/t):
    // CO2 (1500 anode + 2000 MWh × 0.02 power) / 1000 = 1.54; CH4 0.002 × 29.8 = 0.0596;
    // N2O 0.0001 × 273 = 0.0273; CF4 0.00005 × 7380 = 0.369; C2F6 0.000005 × 12400 = 0.062;
    // SF6 0.000001 × 25200 = 0.0252. Fossil = 2.0831. Biogenic non-CO2: CH4 0.0005 × 27.0 = 0.0135.
    expect(footprint.pcf.fossilGhgEmissions).toBe('2.0831');
    expect(footprint.pcf.biogenicNonCO2Emissions).toBe('0.0135');
    // formats.md §1.3: pcfExcl = fossil + LUC (0) + biogenic non-CO2; biogenic CO2 (0.04) stays out.
    expect(footprint.pcf.pcfExcludingBiogenicUptake).toBe('2.0966');
    expect(footprint.pcf.pcfIncludingBiogenicUptake).toBe('2.0566'); // 2.0966 + (−0.04)
    const data = gasDetailExtensionDataSchema.parse(footprint.extensions![0]!.data);
    expect(data.biogenicCO2EmissionsKg).toBe('0.04');
    expect(data.pfcCo2eKg).toBe('0.431'); // 0.369 + 0.062
    const cf4 = data.gases.find((g) => g.gas === 'CF4')!;
    expect(cf4).toMatchObject({ group: 'PFC', massKg: '0.00005', gwp100: '7380', co2eKg: '0.369', inPcf: true });
    expect(data.gases.find((g) => g.gas === 'CO2-biogenic')).toMatchObject({ origin: 'biogenic', inPcf: false });
    expect(footprint.comment).toContain('Biogenic CO2');
  });

  it('primaryDataShare: declared emissions and methods against factor-priced inputs', () => {
    const footprint = toPact(demoAr6(), 'aluminium-ingot', META);
    // Demo, per 99,000 t ingot: primary = declared CO2 150000 + 135000 + 9500 + 4800 t, CF4 3.4 × 7380
    // = 25092, C2F6 0.34 × 12400 = 4216 → 328608 t; secondary = electricity (1350000 + 55000) MWh × 0.5366
    // = 753923 t. Share = 328608 / 1082531 = 30.3555…% → "30.36" (2 places, HALF_EVEN).
    expect(footprint.pcf.primaryDataShare).toBe('30.36');
    const data = gasDetailExtensionDataSchema.parse(footprint.extensions![0]!.data);
    expect(toDecimal(data.primaryData.primaryCo2eKg).minus(new Decimal(328608).div(99000)).abs().lt('1e-30')).toBe(true);
    expect(toDecimal(data.primaryData.secondaryCo2eKg).minus(new Decimal(753923).div(99000)).abs().lt('1e-30')).toBe(true);
    const parts = toDecimal(data.primaryData.primaryCo2eKg).plus(data.primaryData.secondaryCo2eKg).plus(data.primaryData.unclassifiedCo2eKg);
    expect(parts.minus(footprint.pcf.pcfExcludingBiogenicUptake).abs().lt('1e-30')).toBe(true);
  });

  it('gives every product from one computation, the same footprints as product by product', () => {
    const document = demoModelDocument();
    const all = pactFromModelAll(document, META);
    const flows = computeFootprints(document).products.map((p) => p.flow);
    expect(flows.length).toBeGreaterThan(1);
    expect(all).toEqual(flows.map((flow) => pactFromModel(document, flow, META)));
    expect(pactFromModelAll(document, META, { flows: ['aluminium-ingot'] })).toEqual([pactFromModel(document, 'aluminium-ingot', META)]);
  });

  it('leaves out, and names, the products not measured in mass when asked for every product', () => {
    const text = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'aluminium-smelter.yaml'), 'utf8');
    const document = parseModelText(text, 'yaml');
    const left: string[] = [];
    const all = pactFromModelAll(document, META, { onLeftOut: (flows) => left.push(...flows) });
    expect(left).toEqual(['electricity-captive']);
    expect(all.map((f) => f.productNameCompany)).not.toContain('electricity-captive');
    expect(all.map((f) => f.productNameCompany)).toContain('aluminium-ingot');
    // Asked for by name, it is still refused with the reason.
    expect(() => pactFromModelAll(document, META, { flows: ['electricity-captive'] })).toThrow(/not a mass/);
  });

  it('lists the secondary factor sources actually used, once each, with name and version', () => {
    const footprint = pactFromModel(multiGasDocument(), 'metal', META);
    expect(footprint.pcf.secondaryEmissionFactorSources).toEqual([{ name: 'Test Grid Operator: Test hydropower factor', version: '2024.1' }]);
    const demo = pactFromModel(demoModelDocument(), 'aluminium-ingot', META);
    // The demo's factor is used by two processes; its source has a year and no edition.
    expect(demo.pcf.secondaryEmissionFactorSources).toEqual([
      { name: 'Illustrative grid electricity factor (order of magnitude of the 2023 national average)', version: '2023' },
    ]);
    const noFactors = pactFromModel(doc([proc('p', ['x', '10'], '5')]), 'x', META);
    expect(noFactors.pcf.secondaryEmissionFactorSources).toBeUndefined();
    expect(noFactors.pcf.primaryDataShare).toBe('100');
  });

  it('refuses a non-AR6 result unless the caller accepts it, and then declares the set', () => {
    const ar5 = computeFootprints(demoModelDocument());
    expect(ar5.gwp).toBe('AR5');
    const attempt = () => toPact(ar5, 'aluminium-ingot', META);
    expect(attempt).toThrow(PactInputError);
    expect(attempt).toThrow(/AR6/);
    const accepted = toPact(ar5, 'aluminium-ingot', META, { acceptGwp: true });
    expect(accepted.pcf.ipccCharacterizationFactors).toEqual(['AR5']);
    const insisted = pactFromModel(demoModelDocument(), 'aluminium-ingot', META, { gwp: 'SAR' });
    expect(insisted.pcf.ipccCharacterizationFactors).toEqual(['AR2']);
  });

  it('pactFromModel recomputes with AR6 whatever the model says, and takes the company from the model', () => {
    const document = { ...demoModelDocument(), company: { name: 'Model Company', ids: ['urn:example:company:9'] } };
    const viaModel = pactFromModel(document, 'aluminium-ingot', {});
    expect(viaModel.pcf.ipccCharacterizationFactors).toEqual(['AR6']);
    expect(viaModel.companyName).toBe('Model Company');
    const direct = toPact(demoAr6(), 'aluminium-ingot', { companyName: 'Model Company', companyIds: ['urn:example:company:9'] });
    expect(viaModel.pcf.pcfExcludingBiogenicUptake).toBe(direct.pcf.pcfExcludingBiogenicUptake);
  });

  it('geography: exactly one field from the model region, or none for Global', () => {
    const geo = (footprint: PactProductFootprintV3) =>
      Object.keys(footprint.pcf).filter((k) => k.startsWith('geography')).map((k) => [k, (footprint.pcf as Record<string, unknown>)[k]]);
    expect(geo(toPact(demoAr6(), 'aluminium-ingot', META))).toEqual([['geographyCountrySubdivision', 'CN-NM']]);
    expect(geo(pactFromModel(multiGasDocument('NO'), 'metal', META))).toEqual([['geographyCountry', 'NO']]);
    expect(geo(toPact(demoAr6(), 'aluminium-ingot', { ...META, geography: 'Eastern Asia' }))).toEqual([['geographyRegionOrSubregion', 'Eastern Asia']]);
    expect(geo(toPact(demoAr6(), 'aluminium-ingot', { ...META, geography: 'Global' }))).toEqual([]);
    expect(() => toPact(demoAr6(), 'aluminium-ingot', { ...META, geography: 'Inner Mongolia' })).toThrow(PactInputError);
  });

  it('reference period from the model (end exclusive), created and validity from the period end, never the clock', () => {
    const footprint = toPact(demoAr6(), 'aluminium-ingot', META);
    expect(footprint.pcf.referencePeriodStart).toBe('2025-01-01T00:00:00Z');
    expect(footprint.pcf.referencePeriodEnd).toBe('2026-01-01T00:00:00Z'); // model end 2025-12-31 inclusive
    expect(footprint.created).toBe('2026-01-01T00:00:00Z');
    expect(footprint.validityPeriodStart).toBe('2026-01-01T00:00:00Z');
    expect(footprint.validityPeriodEnd).toBe('2029-01-01T00:00:00Z'); // + 3 years (formats.md §1.3)
  });

  it('is deterministic: same input, same bytes and id; a revision gets a new id and lists the old one', () => {
    const first = pactJsonText(toPact(demoAr6(), 'aluminium-ingot', META));
    const second = pactJsonText(toPact(demoAr6(), 'aluminium-ingot', META));
    expect(second).toBe(first);
    const original = toPact(demoAr6(), 'aluminium-ingot', META);
    expect(original.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const recalculated = toPact(demoAr6(), 'aluminium-ingot', { ...META, revision: 1, precedingPfIds: [original.id] });
    expect(recalculated.id).not.toBe(original.id);
    expect(recalculated.precedingPfIds).toEqual([original.id]);
    const otherProduct = toPact(demoAr6(), 'alumina', META);
    expect(otherProduct.id).not.toBe(original.id);
  });

  it('takes a caller id as a bare UUID or urn:uuid, and rejects a footprint preceding itself', () => {
    const id = '0B8F0C55-3F57-4C37-9D7A-2F2F8E7C6A11';
    expect(toPact(demoAr6(), 'aluminium-ingot', { ...META, id: `urn:uuid:${id}` }).id).toBe(id.toLowerCase());
    const self = () => toPact(demoAr6(), 'aluminium-ingot', { ...META, id, precedingPfIds: [id] });
    expect(self).toThrow(PactValidationError);
    try {
      self();
    } catch (error) {
      expect((error as PactValidationError).path).toEqual(['precedingPfIds']);
    }
  });

  it('reports bad metadata with its path', () => {
    try {
      toPact(demoAr6(), 'aluminium-ingot', { companyName: 'X', companyIds: ['company-1'] });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PactInputError);
      expect((error as SmeltprintError).path).toEqual(['meta', 'companyIds', 0]);
    }
    expect(() => toPact(demoAr6(), 'zinc', META)).toThrow(/not a product/);
  });

  it('refuses declared units that do not convert to kg by a power of ten, and non-mass products', () => {
    const perThreeTonnes = computeFootprints(demoModelDocument(), { gwp: 'AR6', per: '3 t' });
    expect(() => toPact(perThreeTonnes, 'aluminium-ingot', META)).toThrow(/power of ten/);
    const energy = computeFootprints(doc([proc('plant', ['steam', '100', 'GJ'], '5')], { gwp: 'AR6' }));
    expect(() => toPact(energy, 'steam', META)).toThrow(/not a mass/);
  });

  it('returns frozen data and leaves its inputs alone', () => {
    const meta = structuredClone({ ...META, precedingPfIds: ['0b8f0c55-3f57-4c37-9d7a-2f2f8e7c6a11'] });
    const copy = structuredClone(meta);
    const footprint = toPact(demoAr6(), 'aluminium-ingot', meta);
    expect(meta).toEqual(copy);
    expect(Object.isFrozen(footprint)).toBe(true);
    expect(Object.isFrozen(footprint.pcf)).toBe(true);
  });
});

describe('toPact — PACT v2.3', () => {
  it('writes per one kilogram with the deprecated fields legacy receivers need', () => {
    const footprint = toPact(demoAr6(), 'aluminium-ingot', { ...META_V2, declaredUnitAmount: '1000' }, { version: '2.3' });
    const v3 = toPact(demoAr6(), 'aluminium-ingot', META);
    expect(footprint.specVersion).toBe('2.3.3');
    expect(footprint.version).toBe(0);
    expect(footprint.pcf.declaredUnit).toBe('kilogram');
    // v2: PCF per one declared unit; unitaryProductAmount says how many the product holds (formats.md §1.5).
    expect(footprint.pcf.unitaryProductAmount).toBe('1000');
    expect(footprint.pcf.pCfExcludingBiogenic).toBe(v3.pcf.pcfExcludingBiogenicUptake);
    expect(footprint.pcf.characterizationFactors).toBe('AR6');
    expect(footprint.pcf.ipccCharacterizationFactorsSources).toEqual(['AR6']);
    expect(footprint.pcf.crossSectoralStandardsUsed).toEqual(['ISO Standard 14067']);
    expect(footprint.pcf.crossSectoralStandards).toEqual(['ISO14067']);
    expect(footprint.pcf.exemptedEmissionsPercent).toBe(0);
    expect(footprint.pcf.primaryDataShare).toBe(30.36);
    expect(footprint.pcf.dqi).toEqual({ coveragePercent: 95, technologicalDQR: 1.5, temporalDQR: 1.2, geographicalDQR: 2, completenessDQR: 1.8, reliabilityDQR: 1.6 });
    expect(validatePactFootprint(footprint, '2.3')).toEqual([]);
  });

  it('needs the UN CPC code, and for 2025 reference periods the data quality indicators', () => {
    expect(() => toPact(demoAr6(), 'aluminium-ingot', META, { version: '2.3' })).toThrow(/productCategoryCpc/);
    try {
      toPact(demoAr6(), 'aluminium-ingot', { ...META, productCategoryCpc: '41431' }, { version: '2.3' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PactValidationError);
      expect((error as PactValidationError).issues.map((i) => i.path)).toContainEqual(['pcf', 'dqi']);
    }
  });

  it('accepts only AR5 or AR6 as characterizationFactors and only v2 standards', () => {
    expect(() => pactFromModel(demoModelDocument(), 'aluminium-ingot', META_V2, { version: '2.3', gwp: 'AR4' })).toThrow(/AR5 or AR6/);
    expect(() => toPact(demoAr6(), 'aluminium-ingot', { ...META_V2, crossSectoralStandards: ['PAS2050'] }, { version: '2.3' })).toThrow(PactInputError);
  });
});

describe('toPact — allocationRulesDescription', () => {
  // A chain of n steps, each making the next step's input and a by-product under mass allocation
  // (1 t of product and 1 t of by-product: share 0.5 each).
  const chain = (n: number, method = 'mass') =>
    doc(
      Array.from({ length: n }, (_, i) => ({
        id: `s${i}`,
        outputs: [
          { flow: `p${i}`, amount: '1', unit: 't' },
          { flow: `by${i}`, amount: '1', unit: 't' },
        ],
        ...(i === 0 ? {} : { inputs: [{ flow: `p${i - 1}`, amount: '1', unit: 't', from: `s${i - 1}` }] }),
        emissions: [{ gas: 'CO2', amount: '1', unit: 't', category: 'process' }],
        allocation: i === 3 ? { method: 'manual', shares: { [`p${i}`]: '0.5', [`by${i}`]: '0.5' } } : method,
      })),
      { gwp: 'AR6' },
    );
  const description = (n: number, flow: string) => toPact(computeFootprints(chain(n)), flow, META).pcf.allocationRulesDescription!;

  it('lists up to ten allocation shares one by one', () => {
    const text = description(10, 'p9');
    expect(text.match(/allocation share 0\.5/g)).toHaveLength(10);
    expect(text).not.toContain('audit trail');
  });

  it('past ten, counts them by method, lists the first ten and points to the audit trail', () => {
    // 12 steps: p11's boundary holds the 12 products p0…p11, one (s3) under manual shares.
    const text = description(12, 'p11');
    expect(text).toMatch(/^Allocation: 12 products in the boundary carry an allocation share \(mass 11, manual 1\); the first 10: /);
    expect(text.match(/allocation share 0\.5/g)).toHaveLength(10);
    expect(text).toContain('every share is in the audit trail (smeltprint footprint --format audit).');
  });
});


describe('PACT: one footprint, one identity', () => {
  it('refuses metadata of one product (id, productIds, carbon contents…) when several products are asked for', () => {
    const document = demoModelDocument();
    for (const field of ['id', 'productIds', 'productNameCompany', 'landUseChangeGhgEmissions', 'fossilCarbonContent']) {
      const value = field === 'id' ? '0c7e9152-e68e-4512-b75b-7c4e4962dc5d' : field === 'productIds' ? ['urn:example:product:1'] : field === 'productNameCompany' ? 'P1020' : '0.1';
      const meta = { ...META, [field]: value };
      expect(() => pactFromModelAll(document, meta)).toThrow(expect.objectContaining({ code: 'pact_input', path: ['meta', field] }));
      // one product: the metadata is that product's
      expect(pactFromModelAll(document, meta, { flows: ['aluminium-ingot'] })).toHaveLength(1);
    }
  });

  it('gives another id to the footprint of another GWP set; AR6 ids are unchanged', () => {
    const ar6 = toPact(demoAr6(), 'aluminium-ingot', META);
    const ar5 = toPact(computeFootprints(demoModelDocument(), { gwp: 'AR5' }), 'aluminium-ingot', META, { acceptGwp: true });
    expect(ar5.pcf.pcfExcludingBiogenicUptake).not.toBe(ar6.pcf.pcfExcludingBiogenicUptake);
    expect(ar5.id).not.toBe(ar6.id);
    expect(toPact(demoAr6(), 'aluminium-ingot', META).id).toBe(ar6.id);
  });

  it('v2.3 states metadata amounts per kilogram, as its other figures: per 1000 kg they are divided by 1000', () => {
    // meta per declared unit (1000 kg): LUC 0.1 kg CO2e → v2.3 per kg 0.0001; the v2.3 PCF is the
    // v3 PCF (per 1000 kg) ÷ 1000 whatever the metadata holds.
    const meta = { ...META, declaredUnitAmount: '1000' as const, landUseChangeGhgEmissions: '0.1', fossilCarbonContent: '0.5' };
    const v3 = toPact(demoAr6(), 'aluminium-ingot', meta);
    const v2 = toPact(demoAr6(), 'aluminium-ingot', { ...META_V2, ...meta }, { version: '2.3' });
    expect(v3.pcf.landUseChangeGhgEmissions).toBe('0.1');
    expect(v2.pcf.dLucGhgEmissions).toBe('0.0001');
    expect(v2.pcf.fossilCarbonContent).toBe('0.0005');
    // v3 per 1000 kg: the footprint without metadata amounts plus the 0.1 kg CO2e of LUC, exactly
    const withoutLuc = toPact(demoAr6(), 'aluminium-ingot', { ...META, declaredUnitAmount: '1000' }).pcf.pcfExcludingBiogenicUptake;
    expect(toDecimal(v3.pcf.pcfExcludingBiogenicUptake).minus(toDecimal(withoutLuc)).toFixed()).toBe('0.1');
    // v2.3 per kg: the same digits, the point three places on (compared as text: a Decimal
    // product would round the 37 digits to 34)
    const digits = v3.pcf.pcfExcludingBiogenicUptake.replace('.', '');
    expect(v2.pcf.pCfExcludingBiogenic).toBe(`${digits.slice(0, 2)}.${digits.slice(2)}`);
    expect(validatePactFootprint(v2, '2.3')).toEqual([]);
  });

  it('v2.3 does not say "No emissions exempted" next to an exempted percentage: it asks what was exempted', () => {
    expect(() => toPact(demoAr6(), 'aluminium-ingot', { ...META_V2, exemptedEmissionsPercent: '0.8' }, { version: '2.3' })).toThrow(
      expect.objectContaining({ code: 'pact_input', path: ['meta', 'exemptedEmissionsDescription'] }),
    );
    const stated = toPact(demoAr6(), 'aluminium-ingot', { ...META_V2, exemptedEmissionsPercent: '0.8', exemptedEmissionsDescription: 'packaging' }, { version: '2.3' });
    expect(stated.pcf.exemptedEmissionsDescription).toBe('packaging');
  });

  it('allocation text does not depend on the order of the processes', () => {
    const copper = parseModelText(readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'copper-smelter.yaml'), 'utf8'), 'yaml') as { processes: unknown[] };
    const reversed = { ...copper, processes: [...copper.processes].reverse() };
    const text = (document: unknown) => pactFromModel(document, 'copper-cathode', META).pcf.allocationRulesDescription;
    expect(text(reversed)).toBe(text(copper));
  });
});

describe('PACT: fields in their owners\' terms', () => {
  it('v2.3 writes date-times in UTC (v2 requires it); v3 keeps the offset given', () => {
    const meta = { ...META_V2, created: '2025-01-01T08:00:00+08:00', updated: '2025-02-01T08:00:00+08:00' };
    const v2 = toPact(demoAr6(), 'aluminium-ingot', meta, { version: '2.3' });
    expect([v2.created, v2.updated]).toEqual(['2025-01-01T00:00:00.000Z', '2025-02-01T00:00:00.000Z']);
    expect(v2.validityPeriodStart?.endsWith('Z')).toBe(true);
    expect(toPact(demoAr6(), 'aluminium-ingot', { ...META, created: '2025-01-01T08:00:00+08:00' }).created).toBe('2025-01-01T08:00:00+08:00');
  });

  it('company and product ids are URNs by RFC 8141 (the schema\'s format: urn): "urn:x" has no name', () => {
    for (const id of ['urn:x', 'urn:x:1', 'urn:-ab:1', 'URN', 'urn:example']) {
      expect(() => toPact(demoAr6(), 'aluminium-ingot', { ...META, companyIds: [id] })).toThrow(expect.objectContaining({ path: ['meta', 'companyIds', 0] }));
    }
    for (const id of ['urn:example:company:1', 'URN:UUID:2c7e4a4e-3d8f-4a39-9a63-0d2a7b1f5e11', 'urn:pact:test.com:product-id:P1']) {
      expect(toPact(demoAr6(), 'aluminium-ingot', { ...META, companyIds: [id] }).companyIds).toEqual([id]);
    }
  });

  it('refuses date-times that do not exist (Date.parse moved 2025-02-30 and 24:00 to other days)', () => {
    for (const created of ['2025-02-30T00:00:00+08:00', '2025-01-01T24:00:00Z', '2025-01-01T10:61:00Z', '2025-01-01T10:00:00+24:00']) {
      expect(() => toPact(demoAr6(), 'aluminium-ingot', { ...META, created })).toThrow(expect.objectContaining({ code: 'pact_input', path: ['meta', 'created'] }));
    }
    expect(toPact(demoAr6(), 'aluminium-ingot', { ...META, created: '2024-02-29T23:59:60Z' }).created).toBe('2024-02-29T23:59:60Z');
  });

  it('without a company anywhere, says where to give one', () => {
    expect(() => pactFromModel(demoModelDocument(), 'aluminium-ingot', {})).toThrow(expect.objectContaining({ code: 'pact_input', message: expect.stringContaining('(CLI: --pact-meta FILE), or company: { name, ids } in the model document') }));
  });

  it('a bad company id taken from the model is reported at the model\'s field, company.ids[0]', () => {
    const document = { ...(aluminiumSmelterDocument() as Record<string, unknown>), company: { name: 'Example Aluminium', ids: ['ACME-1'] } };
    expect(() => pactFromModel(document, 'aluminium-ingot', {})).toThrow(expect.objectContaining({ code: 'pact_input', path: ['company', 'ids', 0] }));
    // the same id given in the metadata is the metadata's fault
    expect(() => pactFromModel(document, 'aluminium-ingot', { companyIds: ['ACME-1'] })).toThrow(expect.objectContaining({ path: ['meta', 'companyIds', 0] }));
  });
});
