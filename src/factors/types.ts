import type { Decimal } from '../decimal/decimal.js';
import type { Unit } from '../units/types.js';
import type { Category } from '../gases/categories.js';
import type { GasOrCO2e, GwpSetId } from '../gases/types.js';

/** Confidence tags of shared/reference/standards.md, plus `declared` for a user's own data. */
export const CONFIDENCE_TAGS = ['V-EFDB', 'V-doc', 'V-3p', 'R', 'D', 'declared'] as const;
export type Confidence = (typeof CONFIDENCE_TAGS)[number];

export interface Source {
  readonly title: string;
  readonly publisher?: string;
  readonly edition?: string;
  /** Table, equation or page the value is read from, e.g. "Table 4.15". */
  readonly table?: string;
  readonly equation?: string;
  readonly year?: number;
  readonly url?: string;
  /** IPCC Emission Factor Database id, where the value is in the EFDB. */
  readonly efdbId?: string;
}

export type Uncertainty =
  | { readonly distribution: 'normal'; readonly sd: Decimal }
  | { readonly distribution: 'lognormal'; readonly gsd: Decimal }
  | { readonly distribution: 'triangular'; readonly min: Decimal; readonly mode: Decimal; readonly max: Decimal }
  | { readonly distribution: 'uniform'; readonly min: Decimal; readonly max: Decimal }
  /** IPCC style: ± percent at 95 % confidence. */
  | { readonly distribution: 'range'; readonly percent: Decimal };

/**
 * An emission factor or a parameter (NCV, carbon content…), immutable, with provenance.
 * `gas` is set when the unit's numerator is a gas mass (t CO2/MWh → CO2); CO2e factors also carry
 * the GWP set they were characterized with.
 */
export interface FactorRecord {
  readonly id: string;
  readonly value: Decimal;
  readonly unit: Unit;
  readonly gas?: GasOrCO2e;
  readonly gwp?: GwpSetId;
  readonly category?: Category;
  /** ISO 3166-1 alpha-2 or 3166-2 code the factor is for (e.g. `CN`, `CN-NM`). */
  readonly region?: string;
  /** ISO 3166-2 codes a grid region covers (north grid: CN-BJ, CN-TJ, …). */
  readonly covers?: readonly string[];
  /** Families the record belongs to, resolved by region and period (`cn-mee/grid/national`). */
  readonly families: readonly string[];
  /** Inclusive ISO dates. Absent: valid at any time. */
  readonly valid?: { readonly from: string; readonly to: string };
  readonly source: Source;
  readonly confidence: Confidence;
  readonly uncertainty?: Uncertainty;
  readonly notes?: string;
  /** The dataset the record was loaded from, e.g. `cn-mee/grid`. */
  readonly dataset?: string;
}

/** How a reference was resolved, for the audit trail. */
export interface ResolvedFactor {
  readonly record: FactorRecord;
  /** e.g. "family cn-mee/grid/national, period 2023-01-01..2023-12-31, region CN" */
  readonly selection: string;
  /** Set when an explicit vintage override chose a record outside the model's period. */
  readonly vintageOverride?: string;
  /**
   * Set when the record was asked for by its exact id and its validity does not cover the
   * period (or vintage) asked: it is still used, and the caller reports it.
   */
  readonly outsideValidity?: true;
}

export interface FactorQuery {
  readonly id: string;
  readonly region?: string;
  readonly period?: { readonly start: string; readonly end: string };
  /** Explicit year (or date) to use instead of the model's period; reported when used. */
  readonly vintage?: string;
}
