import type { Decimal } from '../../decimal/decimal.js';
import type { Rounding } from '../../decimal/rounding.js';
import type { Issue } from '../../core/issues.js';
import type { GwpSetId } from '../../gases/types.js';
import type { SankeyDiagram } from '../svg/sankey.js';

/** Report language: Simplified Chinese or English. */
export type ReportLanguage = 'zh' | 'en';

/** The metals the key-product report knows product rules for. */
export const METALS = ['aluminium', 'copper', 'lead', 'zinc'] as const;
export type Metal = (typeof METALS)[number];

/**
 * Life-cycle stages of a cradle-to-gate footprint. GB/T 24067-2024 (after ISO 14067:2018 6.3.4)
 * names the stages of the system boundary; a cradle-to-gate study covers raw material
 * acquisition (原材料获取) and production (生产).
 */
export const LIFE_CYCLE_STAGES = ['raw-material-acquisition', 'production'] as const;
export type LifeCycleStage = (typeof LIFE_CYCLE_STAGES)[number];

export interface KeyProductOptions {
  /** Language of every label and sentence of the report (default `zh`). */
  readonly lang?: ReportLanguage;
  /** The product flow reported; by default the final product (one no other process uses). */
  readonly product?: string;
  /** The metal whose product rules apply; inferred from flow names when absent. */
  readonly metal?: Metal;
  /** Life-cycle stage per process id, overriding the default assignment. */
  readonly stages?: Readonly<Record<string, LifeCycleStage>>;
  /** Rounding of displayed numbers (default 4 places, half-even); exact values are kept too. */
  readonly rounding?: Rounding;
}

/** A value of the footprint with its share of the total. */
export interface ContributionRow {
  readonly key: string;
  readonly label: string;
  /** t CO2e per declared unit, exact. */
  readonly value: Decimal;
  /** value / total, exact to 34 digits; absent when the total is zero. */
  readonly share?: Decimal;
}

export interface GwpRow {
  readonly gas: string;
  readonly label: string;
  /** GWP100, kg CO2e per kg gas; absent for already-characterized CO2e factors. */
  readonly value?: Decimal;
  readonly source: string;
}

export interface FactorUse {
  readonly id: string;
  readonly value: string;
  readonly unit: string;
  readonly source: string;
  readonly confidence: string;
  /** Confidence tags `V-3p` and `R` of standards.md are not verified against their source. */
  readonly unverified: boolean;
}

export interface DataItem {
  readonly process: string;
  readonly label: string;
  readonly path: string;
  /** `declared` and `method` items are primary (site) data; `factor-input` items secondary. */
  readonly kind: 'declared' | 'method' | 'factor-input' | 'substitution-credit';
  readonly quality: 'primary' | 'secondary';
  /** t CO2e per declared unit carried by this item into the product. */
  readonly value: Decimal;
  readonly factors: readonly FactorUse[];
  readonly citation?: string;
}

export interface CutOffItem {
  readonly process: string;
  readonly flow: string;
  readonly path: string;
  readonly quantity: string;
  readonly reason: string;
  /** Mass of the input / all mass inputs of its process; absent when it is not a mass. */
  readonly share?: Decimal;
  /** Above the per-step limit, or not assessable by mass. */
  readonly flagged: boolean;
}

export interface AllocationStatement {
  readonly process: string;
  /** `none` (single product), `mass`, `physical`, `economic`, `manual`, `system-expansion`. */
  readonly method: string;
  readonly shares: Readonly<Record<string, string>>;
  readonly justification: string;
}

export interface SankeyFlow {
  readonly source: string;
  readonly target: string;
  /** t CO2e per declared unit carried; negative values are credits (not drawn). */
  readonly value: Decimal;
}

/**
 * A product carbon footprint report after GB/T 24067-2024 and, for aluminium, GB/T 44905-2024:
 * every section as data, with exact values; renderers turn it into Markdown or HTML.
 */
export interface KeyProductReport {
  readonly lang: ReportLanguage;
  readonly title: string;
  readonly metal: Metal;
  readonly standards: readonly { readonly id: string; readonly title: string; readonly role: string }[];
  readonly model: { readonly id: string; readonly name?: string };
  readonly period: { readonly start: string; readonly end: string };
  readonly region?: string;
  readonly product: { readonly flow: string; readonly process: string; readonly description: string };
  readonly declaredUnit: {
    readonly text: string;
    readonly description: string;
    /** Whether it is the unit the product rules declare (1 t for the metals covered). */
    readonly conforms: boolean;
  };
  readonly boundary: {
    readonly type: 'cradle-to-gate';
    readonly description: string;
    readonly processes: readonly { readonly id: string; readonly stage: LifeCycleStage; readonly stageLabel: string; readonly assignedBy: 'option' | 'default' }[];
    readonly stageRule: string;
  };
  readonly cutOff: {
    readonly perStepLimit: Decimal;
    readonly totalLimit: Decimal;
    readonly rule: string;
    readonly items: readonly CutOffItem[];
    /** Mass of all cut-off inputs / mass of all inputs of the processes in the chain, per declared unit. */
    readonly totalShare?: Decimal;
    readonly totalFlagged: boolean;
    readonly findings: readonly string[];
  };
  readonly total: Decimal;
  readonly unit: 't CO2e';
  readonly byStage: readonly ContributionRow[];
  readonly bySource: readonly ContributionRow[];
  /** Absent when the run kept no per-process contributions. */
  readonly byProcess?: readonly ContributionRow[];
  readonly byGas: readonly (ContributionRow & { readonly mass: Decimal })[];
  readonly byScope: readonly ContributionRow[];
  readonly gwp: { readonly set: GwpSetId; readonly name: string; readonly source: string; readonly rows: readonly GwpRow[] };
  readonly dataQuality: {
    readonly primary: Decimal;
    readonly secondary: Decimal;
    /** primary / (primary + secondary), when that is not zero. */
    readonly primaryShare?: Decimal;
    readonly items: readonly DataItem[];
    readonly unverifiedFactors: readonly FactorUse[];
  };
  readonly allocation: { readonly productShare: Decimal; readonly statements: readonly AllocationStatement[] };
  readonly sankey: SankeyDiagram;
  /** Flows of the diagram that cannot be drawn (credits), listed in the details. */
  readonly credits: readonly SankeyFlow[];
  readonly warnings: readonly Issue[];
  readonly notes: readonly string[];
  readonly rounding: Rounding;
}
