import { isIsoDate } from '../../model/fields.js';
import { z } from 'zod';

// Building blocks of the PACT schemas, written from the field tables of formats.md §1.3 (v3.0.3)
// and §1.4 (v2.3.3). Signs are checked here on the text itself; sums and cross-field rules are in
// checkPactSemantics.

/** PACT v3 §Basic Types (ADR-39): a decimal as a JSON string, no exponent, no leading ".". */
export const PACT_DECIMAL_PATTERN = /^[+-]?\d+(\.\d+)?$/;

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/**
 * URN as the PACT schema's `Urn` type has it (`format: urn`, RFC 8141): `urn:` in any case, a
 * namespace identifier of 2 to 32 letters, digits and inner hyphens, a colon and a namespace-specific
 * string ("urn:x" is no URN: it has no namespace-specific part).
 */
const URN_PATTERN = /^urn:[a-z0-9][a-z0-9-]{0,30}[a-z0-9]:\S+$/i;
/** RFC 3339 date-time with a zone, which both PACT versions use (v2: MUST be UTC). */
const DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Any PACT decimal string.
 *
 * @example
 * pactDecimal.parse('-1.5') // '-1.5'
 */
export const pactDecimal = z.string().regex(PACT_DECIMAL_PATTERN, 'a decimal string without exponent, e.g. "12.5"');

/**
 * A decimal string ≥ 0 (`PositiveOrZeroDecimal`).
 *
 * @example
 * nonNegativeDecimal.safeParse('-1').success // false
 */
export const nonNegativeDecimal = pactDecimal.refine((text) => !isNegative(text), 'must be ≥ 0');

/**
 * A decimal string ≤ 0 (`NegativeOrZeroDecimal`; the official pattern lets "50" through, this does not).
 *
 * @example
 * nonPositiveDecimal.safeParse('50').success // false
 */
export const nonPositiveDecimal = pactDecimal.refine((text) => isNegative(text) || isZeroText(text), 'must be ≤ 0');

/**
 * A decimal string > 0 (`PositiveNonZeroDecimal`).
 *
 * @example
 * positiveDecimal.safeParse('0').success // false
 */
export const positiveDecimal = pactDecimal.refine((text) => !isNegative(text) && !isZeroText(text), 'must be > 0');

/**
 * A UUID in its 8-4-4-4-12 hex form (PACT `id`, `precedingPfIds`).
 *
 * @example
 * pactUuid.safeParse('urn:uuid:0b8f0c55-3f57-4c37-9d7a-2f2f8e7c6a11').success // false: the bare UUID only
 */
export const pactUuid = z.string().regex(UUID_PATTERN, 'a UUID like "0b8f0c55-3f57-4c37-9d7a-2f2f8e7c6a11"');

/**
 * A URN (`urn:…`).
 *
 * @example
 * pactUrn.parse('urn:pact:example.com:product-id:P1020')
 */
export const pactUrn = z.string().regex(URN_PATTERN, 'a URN (RFC 8141) such as "urn:example:company:1": urn, a namespace of 2 to 32 letters, digits or hyphens, and a name');

/**
 * A calendar day that exists and a time of day within range (RFC 3339 §5.7): Date.parse takes
 * 2025-02-30 and 24:00 and moves them to another day.
 */
function isRealDateTime(text: string): boolean {
  const [hour, minute, second] = text.slice(11, 19).split(':').map(Number) as [number, number, number];
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(text);
  const zoneFits = zone === null || (Number(zone[2]) <= 23 && Number(zone[3]) <= 59);
  return isIsoDate(text.slice(0, 10)) && hour <= 23 && minute <= 59 && second <= 60 && zoneFits;
}

/**
 * An RFC 3339 date-time string with a zone.
 *
 * @example
 * pactDateTime.parse('2026-01-01T00:00:00Z')
 */
export const pactDateTime = z
  .string()
  .regex(DATE_TIME_PATTERN, 'an RFC 3339 date-time such as "2026-01-01T00:00:00Z"')
  .refine(isRealDateTime, 'not a real date and time (a day of the month, hours 00–23, minutes and seconds 00–59)');

/**
 * A string that is not empty.
 *
 * @example
 * nonEmptyString.safeParse('').success // false
 */
export const nonEmptyString = z.string().min(1);

/**
 * A non-empty array of distinct values (`minItems: 1, uniqueItems: true`).
 *
 * @example
 * uniqueList(pactUrn).safeParse(['urn:a:1', 'urn:a:1']).success // false
 */
export function uniqueList<T extends z.ZodType<string>>(item: T) {
  return z
    .array(item)
    .min(1)
    .refine((list) => new Set(list).size === list.length, 'items must be distinct');
}

/** The 22 UN M49 regions and subregions of `geographyRegionOrSubregion` (both versions). */
export const PACT_REGIONS = [
  'Africa', 'Americas', 'Asia', 'Europe', 'Oceania', 'Australia and New Zealand', 'Central Asia',
  'Eastern Asia', 'Eastern Europe', 'Latin America and the Caribbean', 'Melanesia', 'Micronesia',
  'Northern Africa', 'Northern America', 'Northern Europe', 'Polynesia', 'South-eastern Asia',
  'Southern Asia', 'Southern Europe', 'Sub-Saharan Africa', 'Western Asia', 'Western Europe',
] as const;
export type PactRegion = (typeof PACT_REGIONS)[number];

/** ISO 3166-1 alpha-2 and ISO 3166-2 patterns of `geographyCountry` / `geographyCountrySubdivision`. */
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
export const SUBDIVISION_PATTERN = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;

/** `ProductOrSectorSpecificRule`, the same in both versions. */
export const productOrSectorSpecificRuleSchema = z.strictObject({
  operator: z.enum(['PEF', 'EPD International', 'Other']),
  ruleNames: uniqueList(nonEmptyString),
  otherOperatorName: nonEmptyString.optional(),
});

/** `EmissionFactorSource` (v3) / `EmissionFactorDatabases` (v2): a database name and version. */
export const emissionFactorSourceSchema = z.strictObject({ name: nonEmptyString, version: nonEmptyString });

/** `DataModelExtension`: the envelope of a data model extension. */
export const dataModelExtensionSchema = z.strictObject({
  specVersion: z.string().regex(/^\d+\.\d+\.\d+$/, 'a semantic version "major.minor.patch"'),
  dataSchema: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'a URI'),
  documentation: z.string().regex(/^[A-Za-z][A-Za-z0-9+.-]*:\S+$/, 'a URI').optional(),
  data: z.record(z.string(), z.unknown()),
});

function isNegative(text: string): boolean {
  return text.startsWith('-') && !isZeroText(text);
}

function isZeroText(text: string): boolean {
  return /^[+-]?0+(\.0+)?$/.test(text);
}
