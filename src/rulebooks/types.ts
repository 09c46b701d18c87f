import type { Issue, Severity } from '../core/issues.js';
import type { Rounding } from '../decimal/rounding.js';
import type { FactorRegistry } from '../factors/index.js';
import type { GwpSetId } from '../gases/types.js';
import type { FootprintResult } from '../graph/results.js';
import type { MethodRegistry } from '../methods/registry.js';

export const RULEBOOK_IDS = ['gb-t-44905-aluminium', 'cn-ets-aluminium', 'iso-14067', 'pact-v3', 'cbam-aluminium'] as const;
export type RulebookId = (typeof RULEBOOK_IDS)[number];

/** The rules a check applies; each finding names one. */
export type RuleName =
  | 'document'
  | 'compute'
  | 'declared-unit'
  | 'boundary'
  | 'required-sources'
  | 'cut-off'
  | 'allocation'
  | 'gwp'
  | 'reporting-rounding';

/** A compliance finding: an Issue (stable `code`, `path` into the document) tagged with its rule. */
export interface Finding extends Issue {
  readonly rule: RuleName;
}

/**
 * A product rule set as data. Nothing here knows the graph: checks read the model, the results
 * and their explanations only.
 */
export interface Rulebook {
  readonly id: RulebookId;
  readonly title: string;
  /** Where the rules come from, with the confidence of our reading (standards.md / formats.md tags). */
  readonly citation: string;
  readonly declaredUnit:
    /** A mass per declared unit, e.g. 1 t of ingot or liquid aluminium. */
    | { readonly kind: 'mass'; readonly amount: string; readonly unit: string; readonly note: string }
    /** Mass per one of several amounts (PACT: kilogram, amount 1 or 1000). */
    | { readonly kind: 'mass-amounts'; readonly amounts: readonly string[]; readonly unit: string; readonly note: string }
    /** Any clearly defined, measurable unit. */
    | { readonly kind: 'defined'; readonly note: string };
  readonly boundary: 'cradle-to-gate' | 'installation' | 'enterprise';
  readonly requiredSources: {
    /** Emission categories a primary aluminium (electrolysis) process must have. */
    readonly primaryAluminium: readonly ('anode' | 'pfc')[];
    /** Further sources the report lists; their absence is noted, not an error. */
    readonly listed: readonly string[];
  };
  readonly cutOff:
    | { readonly kind: 'limits'; readonly perStep: string; readonly total: string; readonly note: string }
    | { readonly kind: 'disclose'; readonly note: string }
    | { readonly kind: 'none'; readonly note: string };
  readonly allocation: 'hierarchy' | 'not-applicable';
  readonly gwp: { readonly set?: GwpSetId; readonly severity: Severity; readonly note: string };
  /** How each reported item is rounded, where the reporting template prescribes it. */
  readonly reportingRounding?: Rounding & { readonly note: string };
}

export interface CheckOptions {
  /** GWP set to compute with (the model's own by default). */
  readonly gwp?: GwpSetId;
  readonly factors?: FactorRegistry;
  readonly methods?: MethodRegistry;
  /** A result already computed for this model, to avoid computing it again. */
  readonly result?: FootprintResult;
}

/** One reported value: exact, and as the template rounds it. */
export interface ReportedItem {
  readonly product: string;
  /** e.g. `total`, `category:anode`, `gas:CF4`. */
  readonly item: string;
  readonly exact: string;
  readonly reported: string;
  readonly rounding: Rounding;
}
