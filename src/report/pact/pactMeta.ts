import { z } from 'zod';
import { PactInputError } from '../../core/errors.js';
import {
  nonEmptyString,
  nonNegativeDecimal,
  nonPositiveDecimal,
  pactDateTime,
  pactDecimal,
  pactUrn,
  productOrSectorSpecificRuleSchema,
  uniqueList,
} from './fields.js';

const uuidOrUrn = z
  .string()
  .regex(/^(?:urn:uuid:)?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'a UUID, optionally as "urn:uuid:…"');

/**
 * What a PACT footprint needs beyond the computed result: company and product identity, lifecycle
 * and the declarations only the data owner can make. Everything but `companyName` and
 * `companyIds` has a default; no default reads the clock (see `toPact`).
 */
export const pactMetaSchema = z.strictObject({
  /** Footprint id; derived from model, product, period, revision and declared unit when absent. */
  id: uuidOrUrn.optional(),
  /** Revision of the calculation (v2 `version`); part of the derived id, so a recalculation bumps it. */
  revision: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  companyName: nonEmptyString,
  companyIds: uniqueList(pactUrn).readonly(),
  /** Default: `urn:smeltprint:product:<model id>:<flow>`. */
  productIds: uniqueList(pactUrn).readonly().optional(),
  productDescription: z.string().optional(),
  productNameCompany: nonEmptyString.optional(),
  productClassifications: uniqueList(pactUrn).readonly().optional(),
  /** UN CPC 2.1 code; required for v2.3. */
  productCategoryCpc: nonEmptyString.optional(),
  comment: z.string().optional(),
  /** Default: the end of the reference period. */
  created: pactDateTime.optional(),
  /** v2.3 only. */
  updated: pactDateTime.optional(),
  status: z.enum(['Active', 'Deprecated']).optional(),
  /** v2.3 only. */
  statusComment: z.string().optional(),
  /** Default: the end of the reference period … */
  validityPeriodStart: pactDateTime.optional(),
  /** … to three years later (formats.md §1.3). */
  validityPeriodEnd: pactDateTime.optional(),
  /** Ids of the footprints this recalculation replaces. */
  precedingPfIds: z.array(uuidOrUrn).min(1).readonly().optional(),
  /** Data quality ratings as decimal text; v2.3 needs all six, v3 uses the first three. */
  dqi: z
    .strictObject({
      technologicalDQR: pactDecimal,
      geographicalDQR: pactDecimal,
      temporalDQR: pactDecimal,
      coveragePercent: pactDecimal.optional(),
      completenessDQR: pactDecimal.optional(),
      reliabilityDQR: pactDecimal.optional(),
    })
    .optional(),
  /** Percent of emissions exempted (cut off); default "0". */
  exemptedEmissionsPercent: nonNegativeDecimal.optional(),
  exemptedEmissionsDescription: z.string().optional(),
  /** Default `["ISO14067"]`. */
  crossSectoralStandards: uniqueList(nonEmptyString).readonly().optional(),
  productOrSectorSpecificRules: z.array(productOrSectorSpecificRuleSchema).min(1).readonly().optional(),
  boundaryProcessesDescription: z.string().optional(),
  allocationRulesDescription: z.string().optional(),
  /** Overrides the model region: ISO 3166-1/-2 code, a PACT region name, or "Global". */
  geography: z.string().optional(),
  /** kg C per declared unit; default "0" (metals carry no fossil carbon). */
  fossilCarbonContent: nonNegativeDecimal.optional(),
  biogenicCarbonContent: nonNegativeDecimal.optional(),
  /** kg CO2e per declared unit, ≤ 0 (v2.3 `biogenicCarbonWithdrawal`); needed when biogenic gases occur. */
  biogenicCO2Uptake: nonPositiveDecimal.optional(),
  /** kg CO2e per declared unit; default "0" (smelting has no land use change). */
  landUseChangeGhgEmissions: nonNegativeDecimal.optional(),
  /** `"1"` (per kg, default) or `"1000"` (per tonne). */
  declaredUnitAmount: z.enum(['1', '1000']).optional(),
  /** v2.3 only; default "ISO". */
  biogenicAccountingMethodology: z.enum(['PEF', 'ISO', 'GHGP', 'Quantis']).optional(),
  /** Where the extension's JSON Schema is published (default: its URN). */
  extensionSchemaUrl: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/).optional(),
  extensionDocumentationUrl: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/).optional(),
});

/** Metadata for `toPact` (see `pactMetaSchema` for each field). */
export type PactMeta = z.input<typeof pactMetaSchema>;
export type ParsedPactMeta = z.output<typeof pactMetaSchema>;

/**
 * Validates metadata; throws PactInputError naming the first bad field (`meta.companyIds[0]`).
 *
 * @example
 * parsePactMeta({ companyName: 'Demo Aluminium Co.', companyIds: ['urn:example:company:1'] })
 */
export function parsePactMeta(meta: unknown): ParsedPactMeta {
  const parsed = pactMetaSchema.safeParse(meta);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = ['meta', ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
  const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
  throw new PactInputError(`${issue.message}${more}`, { path });
}
