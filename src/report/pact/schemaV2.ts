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

// Written from formats.md §1.4 (v2.3.3, "differences that matter") on top of the fields v2 shares
// with v3. Percentages and data quality ratings are JSON numbers in v2; emissions stay decimal text.

/** v2 `declaredUnit` values (v3 added piece, hour and megabit second). */
export const PACT_V2_DECLARED_UNITS = ['liter', 'kilogram', 'cubic meter', 'kilowatt hour', 'megajoule', 'ton kilometer', 'square meter'] as const;

/** v2.3 `crossSectoralStandards` values. */
export const PACT_V2_CROSS_SECTORAL_STANDARDS = ['ISO14067', 'ISO14083', 'ISO14040-44', 'GHGP-Product', 'PEF', 'PACT-1.0', 'PACT-2.0', 'PACT-3.0'] as const;

/** The deprecated v2 `crossSectoralStandardsUsed` values, still required by 2.x receivers. */
export const PACT_V2_CROSS_SECTORAL_STANDARDS_USED = ['GHG Protocol Product standard', 'ISO Standard 14067', 'ISO Standard 14044'] as const;

const ratingV2 = z.number().min(1).max(3);

/** v2 data quality indicators: six JSON numbers; DQRs 1–3, coverage 0–100 %. */
export const pactDqiV2Schema = z.strictObject({
  coveragePercent: z.number().min(0).max(100),
  technologicalDQR: ratingV2,
  temporalDQR: ratingV2,
  geographicalDQR: ratingV2,
  completenessDQR: ratingV2,
  reliabilityDQR: ratingV2,
});

/** v2 `Assurance` (`assurance` and `providerName` required when present). */
export const pactAssuranceV2Schema = z.strictObject({
  assurance: z.boolean(),
  providerName: nonEmptyString,
  coverage: z.string().optional(),
  level: z.enum(['limited', 'reasonable']).optional(),
  boundary: z.enum(['Gate-to-Gate', 'Cradle-to-Gate']).optional(),
  completedAt: pactDateTime.optional(),
  standardName: z.string().optional(),
  comments: z.string().optional(),
});

/**
 * `CarbonFootprint` of PACT v2.3: PCF per one `declaredUnit`, emissions as decimal text.
 *
 * @example
 * pactCarbonFootprintV2Schema.shape.exemptedEmissionsPercent.safeParse('0').success // false: a JSON number in v2
 */
export const pactCarbonFootprintV2Schema = z.strictObject({
  declaredUnit: z.enum(PACT_V2_DECLARED_UNITS),
  unitaryProductAmount: positiveDecimal,
  productMassPerDeclaredUnit: nonNegativeDecimal.optional(),
  referencePeriodStart: pactDateTime,
  referencePeriodEnd: pactDateTime,
  geographyRegionOrSubregion: z.enum(PACT_REGIONS).optional(),
  geographyCountry: z.string().regex(COUNTRY_PATTERN).optional(),
  geographyCountrySubdivision: z.string().regex(SUBDIVISION_PATTERN).optional(),
  boundaryProcessesDescription: z.string(),
  pCfExcludingBiogenic: nonNegativeDecimal,
  pCfIncludingBiogenic: pactDecimal.optional(),
  fossilGhgEmissions: nonNegativeDecimal,
  fossilCarbonContent: nonNegativeDecimal,
  biogenicCarbonContent: nonNegativeDecimal,
  dLucGhgEmissions: nonNegativeDecimal.optional(),
  landManagementGhgEmissions: pactDecimal.optional(),
  otherBiogenicGhgEmissions: nonNegativeDecimal.optional(),
  iLucGhgEmissions: nonNegativeDecimal.optional(),
  biogenicCarbonWithdrawal: nonPositiveDecimal.optional(),
  aircraftGhgEmissions: nonNegativeDecimal.optional(),
  packagingEmissionsIncluded: z.boolean(),
  packagingGhgEmissions: nonNegativeDecimal.optional(),
  characterizationFactors: z.enum(['AR5', 'AR6']),
  ipccCharacterizationFactorsSources: uniqueList(z.string().regex(/^AR\d+$/)),
  crossSectoralStandardsUsed: uniqueList(z.enum(PACT_V2_CROSS_SECTORAL_STANDARDS_USED)),
  crossSectoralStandards: uniqueList(z.enum(PACT_V2_CROSS_SECTORAL_STANDARDS)),
  productOrSectorSpecificRules: z.array(productOrSectorSpecificRuleSchema).min(1).optional(),
  biogenicAccountingMethodology: z.enum(['PEF', 'ISO', 'GHGP', 'Quantis']).optional(),
  exemptedEmissionsPercent: z.number().min(0).max(5),
  exemptedEmissionsDescription: z.string(),
  allocationRulesDescription: z.string().optional(),
  uncertaintyAssessmentDescription: z.string().optional(),
  secondaryEmissionFactorSources: z.array(emissionFactorSourceSchema).min(1).optional(),
  primaryDataShare: z.number().min(0).max(100).optional(),
  dqi: pactDqiV2Schema.optional(),
  assurance: pactAssuranceV2Schema.optional(),
});

/**
 * `ProductFootprint` of PACT v2.3 (formats.md §1.4), for legacy partners.
 *
 * @example
 * pactProductFootprintV2Schema.safeParse(footprint).success
 */
export const pactProductFootprintV2Schema = z.strictObject({
  id: pactUuid,
  specVersion: z.string().regex(/^\d+\.\d+\.\d+(-\d{8})?$/),
  precedingPfIds: uniqueList(pactUuid).optional(),
  version: z.number().int().min(0).max(2 ** 31 - 1),
  created: pactDateTime,
  updated: pactDateTime.optional(),
  status: z.enum(['Active', 'Deprecated']),
  statusComment: z.string().optional(),
  validityPeriodStart: pactDateTime.optional(),
  validityPeriodEnd: pactDateTime.optional(),
  companyName: nonEmptyString,
  companyIds: uniqueList(pactUrn),
  productDescription: z.string(),
  productIds: uniqueList(pactUrn),
  productCategoryCpc: nonEmptyString,
  productClassifications: uniqueList(pactUrn).optional(),
  productNameCompany: nonEmptyString,
  comment: z.string(),
  pcf: pactCarbonFootprintV2Schema,
  extensions: z.array(dataModelExtensionSchema).optional(),
});

/** A PACT v2.3 ProductFootprint as plain JSON data. */
export type PactProductFootprintV2 = z.infer<typeof pactProductFootprintV2Schema>;
export type PactCarbonFootprintV2 = z.infer<typeof pactCarbonFootprintV2Schema>;
