import type { DocumentPath } from '../core/issues.js';
import type { Decimal } from '../decimal/decimal.js';
import type { Unit } from '../units/types.js';
import type { BurdenVector } from './vector.js';

/** A factor as it appears in an explanation: value, unit and where it comes from. */
export interface FactorReference {
  readonly id: string;
  readonly value: string;
  readonly unit: string;
  readonly source: string;
  readonly confidence: string;
  readonly dataset?: string;
  /** How it was chosen (family, region, period), from the registry. */
  readonly selection?: string;
  readonly vintageOverride?: string;
}

/** What an explanation shows of an item beyond its numbers. */
export interface ItemDetail {
  readonly formula?: string;
  readonly citation?: string;
  /** The values that entered the formula: name, value text, unit, origin. */
  readonly values?: readonly {
    readonly name: string;
    readonly value: string;
    readonly unit: string;
    readonly origin: string;
    readonly source?: string;
  }[];
  readonly factors?: readonly FactorReference[];
  readonly notes?: readonly string[];
  /**
   * The activity amount as written, e.g. "1350000 MWh". Compiled items make it when it is read
   * (a getter: JSON and `toJSON` include it, an object spread does not).
   */
  readonly quantity?: string;
}

/** A burden placed directly on a process: a declared emission, a method, a factor-priced input. */
export interface DirectItem {
  readonly kind: 'declared' | 'method' | 'factor-input' | 'recycled-input' | 'substitution-credit';
  readonly label: string;
  readonly path: DocumentPath;
  /** Absolute burden of the whole process (before allocation). */
  readonly vector: BurdenVector;
  readonly detail: ItemDetail;
}

/** An exchange with another product of the model. */
export interface Link {
  readonly kind: 'input' | 'waste-treatment' | 'substitution';
  readonly label: string;
  readonly path: DocumentPath;
  /** Index of the providing product. */
  readonly provider: number;
  /** Amount of the provider's reference unit per process run; negative for avoided production. */
  readonly amount: Decimal;
  /** The amount as written, e.g. "8500 kg"; made when read (as ItemDetail.quantity). */
  readonly quantity: string;
}

/** An input that carries no burden, recorded so nothing is silently zero. */
export interface FreeInput {
  readonly label: string;
  readonly path: DocumentPath;
  readonly reason: string;
  readonly quantity: string;
}

export interface SystemProcess {
  readonly id: string;
  readonly path: DocumentPath;
  readonly items: readonly DirectItem[];
  readonly links: readonly Link[];
  readonly freeInputs: readonly FreeInput[];
  /** Indices of the products this process makes (its allocated outputs). */
  readonly products: readonly number[];
  /** How the burden was split, for explanations. */
  readonly allocation?: { readonly method: string; readonly shares: Readonly<Record<string, string>> };
}

/** A product: an output of a process that carries burden (not waste, not substituted). */
export interface Product {
  readonly index: number;
  readonly flow: string;
  readonly process: number;
  /** Amount of the output per process run, in `unit`. */
  readonly amount: Decimal;
  readonly unit: Unit;
  /** Allocation share of the process burden, exactly 1 for a single-product process. */
  readonly share: Decimal;
  readonly path: DocumentPath;
}

/** The compiled system: processes, products and the links between them. */
export interface System {
  readonly processes: readonly SystemProcess[];
  readonly products: readonly Product[];
  /** Product index by flow name. */
  readonly productByFlow: ReadonlyMap<string, number>;
  readonly trackOrigins: boolean;
}
