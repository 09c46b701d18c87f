import type { Decimal } from '../decimal/decimal.js';
import type { DocumentPath } from '../core/issues.js';
import type { Category } from '../gases/categories.js';
import type { GasId, GwpSetId } from '../gases/types.js';
import type { FactorRecord, FactorQuery, ResolvedFactor } from '../factors/types.js';
import type { Quantity } from '../quantity/types.js';

/** What a method sees of the model and the process it is evaluated for. */
export interface MethodContext {
  readonly processId: string;
  /** The process's reference output (first output), e.g. 100000 t of liquid aluminium. */
  readonly production: Quantity;
  readonly period: { readonly start: string; readonly end: string };
  readonly region?: string;
  readonly gwp: GwpSetId;
  /** Resolves a factor or dataset parameter (throws FactorNotFoundError). */
  readonly resolveFactor: (query: FactorQuery) => ResolvedFactor;
  /** Path of the `with` object in the document, for error messages. */
  readonly path: DocumentPath;
}

/** One value that entered a method's formula, for the explanation. */
export interface ExplainedValue {
  readonly name: string;
  /** Fixed-point decimal text. */
  readonly value: string;
  readonly unit: string;
  readonly origin: 'parameter' | 'default' | 'factor' | 'derived';
  /** For defaults and factors: where the value comes from. */
  readonly source?: string;
  readonly factorId?: string;
}

export interface MethodEmission {
  readonly gas: GasId;
  /** Tonnes of the gas. */
  readonly amount: Decimal;
  readonly category: Category;
  readonly label?: string;
}

export interface MethodResult {
  readonly emissions: readonly MethodEmission[];
  /** Formula as the standard writes it, e.g. "E_CO2 = MP × NAC × (100 − S − Ash)/100 × 44/12". */
  readonly formula: string;
  /** Standard, edition and equation, e.g. "IPCC 2006 Vol. 3 Ch. 4, Eq. 4.21". */
  readonly citation: string;
  readonly values: readonly ExplainedValue[];
  /** Records of factors used (provenance goes to the audit trail and PACT secondary sources). */
  readonly factors: readonly FactorRecord[];
  readonly notes?: readonly string[];
}

/** Parameter kinds a method declares; the document gives values as text or bare numbers. */
export type ParameterSpec =
  | {
      readonly kind: 'quantity';
      /** Unit of the value when given as a bare number, and the unit it is converted to. */
      readonly unit: string;
      readonly required?: boolean;
      /** Default as quantity text, e.g. "2 %". */
      readonly default?: string;
      readonly defaultSource?: string;
      readonly description: string;
      /** Inclusive bounds in `unit`, as decimal text. Without `min`, negative values are rejected. */
      readonly min?: string;
      readonly max?: string;
      /**
       * Other units the value may be given in (e.g. `%` of green anodes besides `t`, or `10^4 Nm3`
       * besides `t` for a fuel). The value is converted to the first of `unit`, `alternativeUnits`
       * it is convertible to. A bare number is then ambiguous and rejected.
       */
      readonly alternativeUnits?: readonly string[];
      /**
       * Bare numbers are read in `unit` for dimensioned units (t, mV, AE-min/cell-day) and for
       * ratios written with a slash (t/t, t C/t). Named dimensionless units (`%`, `fraction`) never
       * accept a bare number: 2 and 0.02 are too easily confused (standards.md, unit pitfalls).
       * Set false to require a stated unit everywhere.
       */
      readonly allowBareNumber?: boolean;
    }
  | {
      readonly kind: 'enum';
      readonly values: readonly string[];
      readonly required?: boolean;
      readonly default?: string;
      readonly description: string;
    }
  | {
      /** Free text such as a material name (non-empty, at most 200 characters). */
      readonly kind: 'text';
      readonly required?: boolean;
      readonly description: string;
    }
  | {
      readonly kind: 'list';
      readonly item: Readonly<Record<string, ParameterSpec>>;
      readonly required?: boolean;
      readonly description: string;
    };

export type ParameterValue = Quantity | string | readonly Readonly<Record<string, ParameterValue>>[];

export interface MethodDefinition {
  /** `publisher-edition/metal/name`, e.g. `ipcc-2006/aluminium/prebake-anode-co2`. */
  readonly id: string;
  readonly title: string;
  readonly citation: string;
  readonly parameters: Readonly<Record<string, ParameterSpec>>;
  /** Pure: parsed parameters (defaults filled) and the context in, per-gas emissions out. */
  readonly evaluate: (params: Readonly<Record<string, ParameterValue>>, context: MethodContext) => MethodResult;
}
