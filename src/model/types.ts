import type { DocumentPath } from '../core/issues.js';
import type { Category } from '../gases/categories.js';
import type { GasId, GwpSetId } from '../gases/types.js';
import type { FactorRecord } from '../factors/types.js';
import type { Quantity } from '../quantity/types.js';

/**
 * A parsed, validated model document (format version 1). Amounts are exact quantities in the unit
 * they were written in; every element keeps its `path` in the document for error messages.
 */
export interface Model {
  readonly smeltprint: 1;
  readonly id: string;
  readonly name?: string;
  readonly description?: string;
  readonly company?: { readonly name: string; readonly ids: readonly string[] };
  /** Inclusive ISO dates (YYYY-MM-DD). */
  readonly period: { readonly start: string; readonly end: string };
  readonly region?: string;
  readonly gwp: GwpSetId;
  /** Model-specific factors (built-in datasets are always available too). */
  readonly factors: readonly FactorRecord[];
  readonly processes: readonly Process[];
  /** Declared unit per product flow, e.g. `{ "aluminium-ingot": 1 t }`; default 1 of the reference unit. */
  readonly declaredUnits: Readonly<Record<string, Quantity>>;
}

export interface Process {
  readonly id: string;
  readonly name?: string;
  readonly path: DocumentPath;
  /** The first output is the reference output. */
  readonly outputs: readonly Output[];
  readonly inputs: readonly Input[];
  readonly emissions: readonly EmissionEntry[];
  readonly allocation?: Allocation;
}

export type Substitution = { readonly factor: string } | { readonly from: string };

export interface Output {
  readonly flow: string;
  readonly quantity: Quantity;
  readonly path: DocumentPath;
  /** Waste carries no burden; with `to`, the named treatment process's burden is added. */
  readonly waste: boolean;
  readonly to?: string;
  /** System expansion: this co-product is credited with the production it avoids. */
  readonly substitutes?: Substitution;
  /** Price per unit of the output, for economic allocation (e.g. 18000 CNY/t). */
  readonly price?: Quantity;
  /** Named physical properties per unit of output, for physical allocation (e.g. zinc content). */
  readonly properties: Readonly<Record<string, Quantity>>;
}

export type ScrapType = 'pre-consumer' | 'post-consumer' | 'unspecified';

/** Market instruments for purchased electricity (GHG Protocol Scope 2 market-based method). */
export const ELECTRICITY_INSTRUMENTS = ['green-electricity-trading', 'green-certificate', 'direct-ppa', 'onsite-renewable'] as const;
export type ElectricityInstrument = (typeof ELECTRICITY_INSTRUMENTS)[number];

export interface Input {
  readonly flow: string;
  readonly quantity: Quantity;
  readonly path: DocumentPath;
  /** Supplied by this process of the model (its footprint flows in). */
  readonly from?: string;
  /** Priced by this factor id or family. */
  readonly factor?: string;
  /** Explicit vintage (year or date) for the factor, overriding the model's period; reported. */
  readonly vintage?: string;
  /** Recycled (scrap) input; without from/factor it enters burden-free (cut-off). */
  readonly recycled?: ScrapType;
  /** Overrides the category derived from the flow and factor. */
  readonly category?: Category;
  /** Electricity bought under a market instrument; `factor` is the contract's factor. */
  readonly instrument?: ElectricityInstrument;
  /** Grid factor for the location-based figure of an instrument purchase (default `cn-mee/grid`). */
  readonly locationFactor?: string;
}

export type EmissionEntry =
  | {
      readonly kind: 'declared';
      readonly gas: GasId;
      /** Gas mass, e.g. 1200 t CO2. */
      readonly quantity: Quantity;
      readonly category: Category;
      readonly label?: string;
      readonly path: DocumentPath;
    }
  | {
      readonly kind: 'method';
      readonly method: string;
      /** Raw parameters as written; the method parses them. */
      readonly with: Readonly<Record<string, unknown>>;
      readonly path: DocumentPath;
    };

export type Allocation =
  | { readonly method: 'mass' }
  | { readonly method: 'economic' }
  | { readonly method: 'physical'; readonly property: string }
  /** Shares per output flow, exact decimals summing to 1. */
  | {
      readonly method: 'manual';
      readonly shares: Readonly<Record<string, Quantity>>;
      /** Where the shares mapping is in the document (`…allocation.shares` or `…allocation.manual`). */
      readonly sharesPath?: DocumentPath;
    };

/** What validation needs to know of factors and methods without importing them. */
export interface ModelContext {
  readonly hasFactor: (id: string) => boolean;
  readonly hasMethod: (id: string) => boolean;
}

/**
 * An amount in a model document left to activity data, `{ activity: "electrolysis.electricity" }`:
 * `fillActivity` replaces it with the series' sum over the period before the model is parsed.
 */
export interface ActivityReference {
  readonly activity: string;
}
