import { makeIssue, type DocumentPath, type Issue } from '../../core/issues.js';
import { sum, toDecimal, type Decimal } from '../../decimal/decimal.js';
import { PACT_DECIMAL_PATTERN } from './fields.js';
import type { PactProductFootprintV2 } from './schemaV2.js';
import type { PactProductFootprintV3 } from './schemaV3.js';

/**
 * Rules a JSON Schema cannot state, from formats.md §1.3–§1.4 and §6.3: the v3 sum rules
 * (pcfExcludingBiogenicUptake = sum of its parts; pcfIncludingBiogenicUptake = that + uptake),
 * geography exclusivity, validity period (start ≥ reference end, end > start, end ≤ reference end
 * + 3 years), reference period order, packaging emissions only when packaging is included, DQR
 * ranges (1–5 in v3, 1–3 in v2), percentages, preceding ids, and in v2 the fields that become
 * mandatory for reference periods from 2025. Expects data that passed the zod schema.
 *
 * @example
 * checkPactSemantics(footprint, '3.0').length === 0 // true for a consistent footprint
 */
export function checkPactSemantics(footprint: PactProductFootprintV3 | PactProductFootprintV2, version: '3.0' | '2.3'): Issue[] {
  const issues: Issue[] = [];
  const add = (path: DocumentPath, message: string) => issues.push(makeIssue('pact_semantics', path, message));

  const pcf = footprint.pcf as Record<string, unknown>;
  const geography = ['geographyRegionOrSubregion', 'geographyCountry', 'geographyCountrySubdivision'].filter((k) => pcf[k] !== undefined);
  if (geography.length > 1) add(['pcf', geography[1]!], `at most one geography field may be set, found ${geography.join(', ')}`);

  const referenceStart = Date.parse(footprint.pcf.referencePeriodStart);
  const referenceEnd = Date.parse(footprint.pcf.referencePeriodEnd);
  if (!(referenceStart < referenceEnd)) add(['pcf', 'referencePeriodEnd'], 'reference period end must be after its start');
  checkValidity(footprint, referenceEnd, add);

  if (footprint.precedingPfIds?.some((id) => id.toLowerCase() === footprint.id.toLowerCase()) === true) {
    add(['precedingPfIds'], 'a footprint cannot precede itself: a recalculation gets a new id');
  }
  if (pcf.packagingEmissionsIncluded !== true && pcf.packagingGhgEmissions !== undefined) {
    add(['pcf', 'packagingGhgEmissions'], 'must be undefined when packagingEmissionsIncluded is not true');
  }

  if (version === '3.0') checkV3(footprint as PactProductFootprintV3, add);
  else checkV2(footprint as PactProductFootprintV2, referenceEnd, add);
  return issues;
}

function checkValidity(footprint: PactProductFootprintV3 | PactProductFootprintV2, referenceEnd: number, add: (path: DocumentPath, message: string) => void): void {
  const start = footprint.validityPeriodStart === undefined ? undefined : Date.parse(footprint.validityPeriodStart);
  const end = footprint.validityPeriodEnd === undefined ? undefined : Date.parse(footprint.validityPeriodEnd);
  if (start !== undefined && start < referenceEnd) add(['validityPeriodStart'], 'must not be before referencePeriodEnd');
  if (start !== undefined && end !== undefined && !(end > start)) add(['validityPeriodEnd'], 'must be after validityPeriodStart');
  if (end !== undefined && end > plusYears(referenceEnd, 3)) add(['validityPeriodEnd'], 'must not be more than 3 years after referencePeriodEnd');
}

function checkV3(footprint: PactProductFootprintV3, add: (path: DocumentPath, message: string) => void): void {
  const pcf = footprint.pcf;
  const value = (text: string | undefined): Decimal => toDecimal(text ?? '0');
  // formats.md §1.3 (yaml x-comment of v3.0.3, with its missing "+" restored).
  const parts = [
    pcf.fossilGhgEmissions,
    pcf.landUseChangeGhgEmissions,
    pcf.landManagementBiogenicCO2Emissions,
    pcf.landManagementBiogenicCO2Removals,
    pcf.technologicalCO2Removals,
    pcf.ccsTechnologicalCO2Capture,
    pcf.biogenicNonCO2Emissions,
  ].map(value);
  const excluding = value(pcf.pcfExcludingBiogenicUptake);
  if (!excluding.eq(sum(parts))) {
    add(['pcf', 'pcfExcludingBiogenicUptake'], `${pcf.pcfExcludingBiogenicUptake} is not the sum of its parts (${sum(parts).toFixed()})`);
  }
  const including = sum([excluding, value(pcf.biogenicCO2Uptake)]);
  if (!value(pcf.pcfIncludingBiogenicUptake).eq(including)) {
    add(['pcf', 'pcfIncludingBiogenicUptake'], `${pcf.pcfIncludingBiogenicUptake} is not pcfExcludingBiogenicUptake + biogenicCO2Uptake (${including.toFixed()})`);
  }
  if (pcf.dqi !== undefined) {
    for (const key of ['technologicalDQR', 'geographicalDQR', 'temporalDQR'] as const) {
      const rating = toDecimal(pcf.dqi[key]);
      if (rating.lt(1) || rating.gt(5)) add(['pcf', 'dqi', key], `${pcf.dqi[key]} is outside 1–5`);
    }
  }
  if (pcf.primaryDataShare !== undefined && toDecimal(pcf.primaryDataShare).gt(100)) add(['pcf', 'primaryDataShare'], 'a share above 100 %');
  if (pcf.secondaryEmissionFactorSources !== undefined) checkDistinctSources(pcf.secondaryEmissionFactorSources, add);
  checkDecimalTexts(footprint, add);
}

function checkV2(footprint: PactProductFootprintV2, referenceEnd: number, add: (path: DocumentPath, message: string) => void): void {
  const pcf = footprint.pcf;
  // formats.md §1.4: for reference periods that include 2025-01-01 or later these "O*" fields are mandatory.
  if (referenceEnd > Date.UTC(2025, 0, 1)) {
    const required = ['pCfIncludingBiogenic', 'dLucGhgEmissions', 'landManagementGhgEmissions', 'otherBiogenicGhgEmissions', 'biogenicCarbonWithdrawal', 'biogenicAccountingMethodology', 'primaryDataShare', 'dqi'] as const;
    for (const key of required) {
      if (pcf[key] === undefined) add(['pcf', key], 'required in v2.3 for reference periods from 2025 on');
    }
  }
  if (!PACT_V2_AR.has(pcf.characterizationFactors) || !pcf.ipccCharacterizationFactorsSources.includes(pcf.characterizationFactors)) {
    add(['pcf', 'characterizationFactors'], 'must be one of ipccCharacterizationFactorsSources');
  }
  if (pcf.secondaryEmissionFactorSources !== undefined) checkDistinctSources(pcf.secondaryEmissionFactorSources, add);
  checkDecimalTexts(footprint, add);
}

const PACT_V2_AR = new Set(['AR5', 'AR6']);

function checkDistinctSources(sources: readonly { name: string; version: string }[], add: (path: DocumentPath, message: string) => void): void {
  const seen = new Set<string>();
  sources.forEach((source, index) => {
    const key = `${source.name}\u0000${source.version}`;
    if (seen.has(key)) add(['pcf', 'secondaryEmissionFactorSources', index], `"${source.name}" ${source.version} is listed twice`);
    seen.add(key);
  });
}

/** Every string that looks numeric in the pcf must be a plain fixed-point decimal (no "1e6", no "1,000"). */
function checkDecimalTexts(footprint: PactProductFootprintV3 | PactProductFootprintV2, add: (path: DocumentPath, message: string) => void): void {
  for (const [key, text] of Object.entries(footprint.pcf)) {
    if (typeof text === 'string' && /^[+-]?[\d.,eE+-]+$/.test(text) && !PACT_DECIMAL_PATTERN.test(text) && !key.startsWith('reference')) {
      add(['pcf', key], `"${text}" is not a fixed-point decimal`);
    }
  }
}

function plusYears(timestamp: number, years: number): number {
  const date = new Date(timestamp);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  return date.getTime();
}
