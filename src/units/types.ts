import type { Decimal } from '../decimal/decimal.js';

/**
 * Powers of base dimensions, e.g. `{ "gas:CO2": 1, energy: -1 }` for t CO2/MWh. Zero powers are
 * omitted. Bases: `mass` (kg), `energy` (J), `volume` (m3), `normal-volume` (Nm3, gas at normal
 * conditions — not convertible to m3), `count` (piece), `time` (s), `voltage` (V),
 * `anode-effect` (AE-min/cell-day), `currency:CNY|USD|EUR` (opaque), `gas:<GasId>` and `gas:CO2e`
 * for greenhouse-gas mass. Carbon mass (`t C`, as in t C/TJ) is plain `mass`. Gas mass is never
 * product mass.
 */
export type Dimension = Readonly<Record<string, number>>;

export interface Unit {
  /** Canonical text, e.g. `t CO2/MWh`; parseUnit(symbol) gives this unit back. */
  readonly symbol: string;
  /** Exact factor to the coherent base of its dimension (kg, J, m3, Nm3, s, V, piece, 1). */
  readonly factor: Decimal;
  readonly dimension: Dimension;
  /** Stable text form of `dimension`, e.g. `energy^-1*gas:CO2`; '' when dimensionless. */
  readonly dimensionKey: string;
}
