import { PactInputError } from '../../core/errors.js';
import { COUNTRY_PATTERN, PACT_REGIONS, SUBDIVISION_PATTERN, type PactRegion } from './fields.js';

/** The geography of a PACT footprint: exactly one of the three fields, or none for Global. */
export type PactGeography =
  | { readonly geographyCountry: string }
  | { readonly geographyCountrySubdivision: string }
  | { readonly geographyRegionOrSubregion: PactRegion }
  | Readonly<Record<string, never>>;

/**
 * The PACT geography field for a model region (ISO 3166-1 alpha-2 → `geographyCountry`,
 * ISO 3166-2 → `geographyCountrySubdivision`, a UN M49 region name → `geographyRegionOrSubregion`,
 * none or `Global` → no field, which PACT reads as Global). Only ever one field (formats.md §1.3).
 *
 * @example
 * pactGeography('CN-NM') // { geographyCountrySubdivision: 'CN-NM' }
 * pactGeography('NO')    // { geographyCountry: 'NO' }
 * pactGeography(undefined) // {}
 */
export function pactGeography(region: string | undefined): PactGeography {
  if (region === undefined || region === 'Global') return {};
  if (COUNTRY_PATTERN.test(region)) return { geographyCountry: region };
  if (SUBDIVISION_PATTERN.test(region)) return { geographyCountrySubdivision: region };
  const named = PACT_REGIONS.find((name) => name === region);
  if (named !== undefined) return { geographyRegionOrSubregion: named };
  throw new PactInputError(
    `region "${region}" is neither an ISO 3166-1 alpha-2 code, an ISO 3166-2 code nor one of the PACT regions (${PACT_REGIONS.join(', ')})`,
    { path: ['meta', 'geography'] },
  );
}
