import { z } from 'zod';
import {
  COUNTRY_PATTERN,
  PACT_REGIONS,
  SUBDIVISION_PATTERN,
  dataModelExtensionSchema,
  emissionFactorSourceSchema,
  nonEmptyString,
  nonNegativeDecimal,
  nonPositiveDecimal,
  pactDateTime,
  pactDecimal,
  pactUrn,
  pactUuid,
  positiveDecimal,
  productOrSectorSpecificRuleSchema,
  uniqueList,
} from './fields.js';

// Written from the v3.0.3 field tables of formats.md §1.3. Objects are strict: smeltprint's own
// output must contain no field the tables do not list (receivers accept unknown fields, but an
// unknown field here would be a typo of ours).

/** v3 `declaredUnitOfMeasurement` values. */
export const PACT_V3_DECLARED_UNITS = [
  'liter', 'kilogram', 'cubic meter', 'kilowatt hour', 'megajoule', 'ton kilometer', 'square meter',
  'piece', 'hour', 'megabit second',
] as const;

/** Data quality ratings of v3: three decimals, each 1–5 (range checked by checkPactSemantics). */
export const pactDqiV3Schema = z.strictObject({
  technologicalDQR: pactDecimal,
  geographicalDQR: pactDecimal,
  temporalDQR: pactDecimal,
});

/** `Verification` (v3, ex-`Assurance`): every field optional. */
export const pactVerificationV3Schema = z.strictObject({
  coverage: z.enum(['PCF calculation model', 'PCF program', 'product level']).optional(),
  providerName: z.string().optional(),
  completedAt: pactDateTime.optional(),
  standardName: z.string().optional(),
  comments: z.string().optional(),
});

/**
 * `CarbonFootprint` of PACT v3.0.3: every emission in kg CO2e per declared unit, as decimal text.
 *
 * @example
 * pactCarbonFootprintV3Schema.shape.fossilGhgEmissions.safeParse('-1').success // false
 */
export const pactCarbonFootprintV3Schema = z.strictObject({
  declaredUnitOfMeasurement: z.enum(PACT_V3_DECLARED_UNITS),
  declaredUnitAmount: positiveDecimal,
  productMassPerDeclaredUnit: pactDecimal,
  referencePeriodStart: pactDateTime,
  referencePeriodEnd: pactDateTime,
  geographyRegionOrSubregion: z.enum(PACT_REGIONS).optional(),
  geographyCountry: z.string().regex(COUNTRY_PATTERN).optional(),
  geographyCountrySubdivision: z.string().regex(SUBDIVISION_PATTERN).optional(),
  boundaryProcessesDescription: z.string().optional(),
  pcfExcludingBiogenicUptake: pactDecimal,
  pcfIncludingBiogenicUptake: pactDecimal,
  fossilCarbonContent: nonNegativeDecimal,
  biogenicCarbonContent: nonNegativeDecimal.optional(),
  recycledCarbonContent: nonNegativeDecimal.optional(),
  fossilGhgEmissions: nonNegativeDecimal,
  landUseChangeGhgEmissions: nonNegativeDecimal.optional(),
  landCarbonLeakage: nonNegativeDecimal.optional(),
  landManagementFossilGhgEmissions: nonNegativeDecimal.optional(),
  landManagementBiogenicCO2Emissions: nonNegativeDecimal.optional(),
  landManagementBiogenicCO2Removals: nonPositiveDecimal.optional(),
  biogenicCO2Uptake: nonPositiveDecimal.optional(),
  biogenicNonCO2Emissions: nonNegativeDecimal.optional(),
  landAreaOccupation: nonNegativeDecimal.optional(),
  aircraftGhgEmissions: nonNegativeDecimal.optional(),
  packagingEmissionsIncluded: z.boolean().optional(),
  packagingGhgEmissions: nonNegativeDecimal.optional(),
  packagingBiogenicCarbonContent: nonNegativeDecimal.optional(),
  outboundLogisticsGhgEmissions: nonNegativeDecimal.optional(),
  ccsTechnologicalCO2CaptureIncluded: z.boolean().optional(),
  ccsTechnologicalCO2Capture: nonPositiveDecimal.optional(),
  technologicalCO2CaptureOrigin: z.string().optional(),
  technologicalCO2Removals: nonPositiveDecimal.optional(),
  ccuCarbonContent: nonNegativeDecimal.optional(),
  ccuCalculationApproach: z.enum(['Cut-off', 'Credit']).optional(),
  ccuCreditCertification: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/).optional(),
  ipccCharacterizationFactors: uniqueList(z.string().regex(/^AR\d+$/)),
  // Receivers MUST accept values outside the recommended list (formats.md §1.3), so any non-empty text.
  crossSectoralStandards: uniqueList(nonEmptyString),
  productOrSectorSpecificRules: z.array(productOrSectorSpecificRuleSchema).min(1).optional(),
  exemptedEmissionsPercent: nonNegativeDecimal,
  exemptedEmissionsDescription: z.string().optional(),
  allocationRulesDescription: z.string().optional(),
  secondaryEmissionFactorSources: z.array(emissionFactorSourceSchema).min(1).optional(),
  primaryDataShare: nonNegativeDecimal.optional(),
  dqi: pactDqiV3Schema.optional(),
  verification: pactVerificationV3Schema.optional(),
});

/**
 * `ProductFootprint` of PACT v3.0.3 (formats.md §1.3), as smeltprint emits it.
 *
 * @example
 * pactProductFootprintV3Schema.safeParse(footprint).success
 */
export const pactProductFootprintV3Schema = z.strictObject({
  id: pactUuid,
  specVersion: z.string().regex(/^\d+\.\d+\.\d+(-\d{8})?$/),
  precedingPfIds: uniqueList(pactUuid).optional(),
  created: pactDateTime,
  status: z.enum(['Active', 'Deprecated']),
  validityPeriodStart: pactDateTime.optional(),
  validityPeriodEnd: pactDateTime.optional(),
  companyName: nonEmptyString,
  companyIds: uniqueList(pactUrn),
  productDescription: z.string(),
  productIds: uniqueList(pactUrn),
  productClassifications: uniqueList(pactUrn).optional(),
  productNameCompany: nonEmptyString,
  comment: z.string().optional(),
  pcf: pactCarbonFootprintV3Schema,
  extensions: z.array(dataModelExtensionSchema).optional(),
});

/** A PACT v3.0 ProductFootprint as plain JSON data. */
export type PactProductFootprintV3 = z.infer<typeof pactProductFootprintV3Schema>;
export type PactCarbonFootprintV3 = z.infer<typeof pactCarbonFootprintV3Schema>;
