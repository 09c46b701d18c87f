import type { Decimal } from '../../decimal/decimal.js';
import { toFixedString } from '../../decimal/rounding.js';
import type { CbamReport } from './types.js';

/** A value with every Decimal replaced by its fixed-point text. */
export type Jsonified<T> = T extends Decimal
  ? string
  : T extends readonly (infer U)[]
    ? readonly Jsonified<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Jsonified<T[K]> }
      : T;

/** The CBAM communication as plain JSON data: every number an exact fixed-point decimal string. */
export type CbamJson = { readonly format: 'smeltprint-cbam'; readonly version: 1; readonly units: typeof UNITS } & Jsonified<CbamReport>;

const UNITS = Object.freeze({
  see: 't CO2e/t',
  activityLevel: 't',
  embedded: 't CO2e',
  gasMass: 't gas per t of good',
  electricityConsumption: 'MWh/t',
  precursorMass: 't/t',
  scrap: 't/t',
  percent: '%',
});

/**
 * Plain JSON data of a CBAM report. Values are exact (no rounding): a declarant's system rounds
 * as its own rules say.
 *
 * @example
 * JSON.stringify(cbamToJson(cbamEmbeddedEmissions(model, options)));
 * // {"format":"smeltprint-cbam","version":1,...,"goods":[{"see":{"direct":"2.419",...}}]}
 */
export function cbamToJson(report: CbamReport): CbamJson {
  return { format: 'smeltprint-cbam', version: 1, units: UNITS, ...(toJson(report) as Jsonified<CbamReport>) };
}

function toJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (isDecimal(value)) return toFixedString(value);
  if (Array.isArray(value)) return value.map(toJson);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = toJson(v);
  return out;
}

function isDecimal(value: object): value is Decimal {
  return typeof (value as { toFixed?: unknown }).toFixed === 'function' && typeof (value as { isFinite?: unknown }).isFinite === 'function';
}
