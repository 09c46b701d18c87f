import type { ActivityPeriods } from '../../compute/timeVaryingInputs.js';
import type { Issue } from '../../core/issues.js';
import type { Decimal } from '../../decimal/decimal.js';
import type { FactorRegistry } from '../../factors/index.js';
import type { MethodRegistry } from '../../methods/registry.js';

/**
 * The regulation period the figures are for (formats.md §3.1): the transitional period under
 * Implementing Regulation (EU) 2023/1773 (1 Oct 2023 – 31 Dec 2025) or the definitive period under
 * Implementing Regulation (EU) 2025/2547 (from 1 Jan 2026). Always explicit: the two differ in
 * whether aluminium's indirect emissions are reported.
 */
export type CbamPeriod = 'transitional-2023/1773' | 'definitive-2025/2547';

/** Aggregated goods categories for aluminium (2025/2547 Annex I §3.17–3.18; formats.md §3.3). */
export type CbamGoodsCategory = 'unwrought-aluminium' | 'aluminium-products';

/** Production routes of unwrought aluminium (formats.md §3.3); aluminium products have one route. */
export type CbamRoute = 'primary-smelting' | 'secondary-melting' | 'aluminium-products';

/** A good to report: a product flow of the model and its CN code. */
export interface CbamGoodSpec {
  readonly flow: string;
  /** CN code, e.g. "7601", "7601 10 00", "76061200"; its heading (first 4 digits) gives the category. */
  readonly cn: string;
  /** Production route; inferred from the emissions of the good's chain when absent. */
  readonly route?: CbamRoute;
  /**
   * Total content of elements other than aluminium, in percent (decimal text). Reported only when
   * it exceeds 1 % (2025/2547 Annex IV §2, sector-specific parameters).
   */
  readonly otherElementsPercent?: string;
}

/** A precursor consumed inside the installation (formats.md §3.6, Eq. 59–63). */
export interface CbamPrecursorSpec {
  /** Input flow of the installation's processes, e.g. "aluminium-ingot". */
  readonly flow: string;
  readonly cn?: string;
  /**
   * Specific embedded emissions communicated by the supplier (t CO2e/t, decimal text). Required for
   * purchased precursors; for precursors made by the model it overrides the computed value.
   */
  readonly see?: { readonly direct: string; readonly indirect?: string };
  /** Where `see` comes from, e.g. "Supplier X communication 2025-Q4". */
  readonly source?: string;
  /**
   * Installation boundary of the producing installation, when the model makes the precursor
   * elsewhere than the reporting installation (default: the reporting installation).
   */
  readonly installation?: readonly string[];
}

export interface CbamOptions {
  readonly period: CbamPeriod;
  /** Process ids of the installation; all processes of the model by default. */
  readonly installation?: readonly string[];
  readonly goods: readonly CbamGoodSpec[];
  readonly precursors?: readonly CbamPrecursorSpec[];
  /** Name of the installation in the communication (default: the model's name or id). */
  readonly installationName?: string;
  readonly factors?: FactorRegistry;
  readonly methods?: MethodRegistry;
  /** Sub-period amounts of a model filled from activity data (fillActivity): see ComputeOptions.activityPeriods. */
  readonly activityPeriods?: ActivityPeriods;
  /**
   * What the activity data lack (`activityWarnings(report)`: gaps the mapping allowed, rejected
   * rows): each becomes a note of the report, so the communication says it of its amounts.
   */
  readonly activityWarnings?: readonly Issue[];
}

/** Mass of a gas and its CO2e (AR5), per tonne of good. */
export interface CbamGasAmount {
  readonly mass: Decimal;
  readonly co2e: Decimal;
}

/** An electricity emission factor used inside the boundary, with its provenance. */
export interface CbamElectricityFactor {
  readonly id: string;
  readonly value: string;
  readonly unit: string;
  readonly source: string;
}

export interface CbamPrecursor {
  readonly flow: string;
  readonly cn?: string;
  /** `own`: made by the model and computed; `purchased`: SEE communicated by the supplier. */
  readonly origin: 'own' | 'purchased';
  /** m_i: tonnes of precursor per tonne of good (2025/2547 Annex III, Eq. 61). */
  readonly mass: Decimal;
  /** SEE_i of the precursor, t CO2e/t. `indirect` only in the transitional period. */
  readonly see: { readonly direct: Decimal; readonly indirect?: Decimal };
  /** m_i × SEE_i, t CO2e per t of good. */
  readonly embedded: { readonly direct: Decimal; readonly indirect?: Decimal };
  readonly source: string;
}

/** The CBAM figures of one good, per tonne of good unless stated. */
export interface CbamGood {
  readonly flow: string;
  readonly cn: string;
  readonly category: CbamGoodsCategory;
  readonly route: CbamRoute;
  readonly routeBasis: 'declared' | 'inferred';
  /** AL_g: tonnes of the good made in the reporting period (Annex II point F). */
  readonly activityLevel: Decimal;
  /** ae_g: attributed emissions of the installation's own processes per t (Eq. 63), before precursors. */
  readonly attributed: {
    readonly direct: Decimal;
    readonly indirect?: Decimal;
    /** Direct emissions by gas: CO2, CF4, C2F6 (and CO2e for already-characterized factors). */
    readonly byGas: Readonly<Record<string, CbamGasAmount>>;
  };
  /** Electricity consumed inside the boundary per t of good (transitional period only). */
  readonly electricity?: {
    readonly consumption: Decimal;
    readonly emissions: Decimal;
    readonly factors: readonly CbamElectricityFactor[];
  };
  readonly precursors: readonly CbamPrecursor[];
  /** SEE = ae + Σ m_i × SEE_i; `indirect` only in the transitional period; total = direct (+ indirect). */
  readonly see: { readonly direct: Decimal; readonly indirect?: Decimal; readonly total: Decimal };
  /** SEE × AL: embedded emissions of the period's production, t CO2e. */
  readonly embedded: { readonly direct: Decimal; readonly indirect?: Decimal; readonly total: Decimal };
  /** Scrap used per t of good (zero embedded emissions) and the pre-consumer share of it, in %. */
  readonly scrap: { readonly total: Decimal; readonly preConsumer: Decimal; readonly preConsumerPercent?: Decimal };
  /** Present only when above 1 %. */
  readonly otherElementsPercent?: Decimal;
  /** Gases emitted inside the boundary that CBAM does not cover for aluminium (t gas per t good). */
  readonly excludedGases: Readonly<Record<string, Decimal>>;
  readonly notes: readonly string[];
}

export interface CbamReport {
  readonly period: CbamPeriod;
  readonly regulation: {
    readonly act: string;
    readonly indirectReported: boolean;
    readonly gwp: 'AR5';
    /** GWP100 values used, as the act's table gives them (kg CO2e per kg gas). */
    readonly gwpValues: Readonly<Record<'CO2' | 'CF4' | 'C2F6', Decimal>>;
    readonly basis: string;
  };
  readonly installation: {
    readonly name: string;
    readonly processes: readonly string[];
    /** Processes of the model outside the boundary: their emissions are never direct. */
    readonly outside: readonly string[];
  };
  readonly model: { readonly id: string; readonly name?: string };
  readonly reportingPeriod: { readonly start: string; readonly end: string };
  readonly region?: string;
  readonly goods: readonly CbamGood[];
  readonly notes: readonly string[];
}
