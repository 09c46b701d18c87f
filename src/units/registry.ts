import { GAS_IDS, type GasOrCO2e } from '../gases/types.js';

/**
 * One atomic unit as data: its exact factor to the coherent base of its dimension (as decimal text,
 * so no float ever touches it) and the base dimension it measures.
 *
 * @example
 * const kilowattHour: AtomicUnitEntry = { factor: '3600000', base: 'energy' };
 */
export interface AtomicUnitEntry {
  /** Exact decimal text: how many base units one of this unit is. */
  readonly factor: string;
  /** Base dimension name, e.g. `mass`, `energy`, `currency:CNY`; '' for a pure number. */
  readonly base: string;
}

/**
 * Mass units; the base is the kilogram. A gas id after one of these (`t CO2`) makes a gas mass,
 * `C` after one (`t C`) is carbon mass, which is plain mass.
 *
 * @example
 * MASS_UNITS.t.factor // '1000'
 */
export const MASS_UNITS = {
  g: { factor: '0.001', base: 'mass' },
  kg: { factor: '1', base: 'mass' },
  t: { factor: '1000', base: 'mass' },
  // Gg (gigagram) is how IPCC inventories state masses; 1 Gg = 10^6 kg = 1 kt.
  Gg: { factor: '1000000', base: 'mass' },
  kt: { factor: '1000000', base: 'mass' },
  Mt: { factor: '1000000000', base: 'mass' },
} as const satisfies Record<string, AtomicUnitEntry>;
/**
 * A mass unit symbol: `g`, `kg`, `t`, `Gg`, `kt` or `Mt`.
 *
 * @example
 * const unit: MassUnitSymbol = 't';
 */
export type MassUnitSymbol = keyof typeof MASS_UNITS;

/**
 * Energy units; the base is the joule.
 *
 * @example
 * ENERGY_UNITS.MWh.factor // '3600000000'
 */
export const ENERGY_UNITS = {
  J: { factor: '1', base: 'energy' },
  kJ: { factor: '1000', base: 'energy' },
  MJ: { factor: '1000000', base: 'energy' },
  GJ: { factor: '1000000000', base: 'energy' },
  TJ: { factor: '1000000000000', base: 'energy' },
  // 1 Wh = 1 W × 3600 s = 3600 J (SI definition of the watt-hour).
  Wh: { factor: '3600', base: 'energy' },
  kWh: { factor: '3600000', base: 'energy' },
  MWh: { factor: '3600000000', base: 'energy' },
  GWh: { factor: '3600000000000', base: 'energy' },
  // Tonne of coal equivalent (tce, 吨标准煤). GB/T 2589 (综合能耗计算通则) defines 1 kgce as the
  // amount of fuel with a low heating value of 7000 kcal, which it states as 29 307 kJ; the exact
  // value of 7000 kcal with the international-table calorie (4.1868 J) is 7000 × 4.1868 =
  // 29 307.6 kJ, so 1 tce = 29.3076 GJ = 29 307 600 000 J. We use the exact product.
  tce: { factor: '29307600000', base: 'energy' },
} as const satisfies Record<string, AtomicUnitEntry>;
/**
 * An energy unit symbol, e.g. `MWh`, `GJ`, `tce`.
 *
 * @example
 * const unit: EnergyUnitSymbol = 'tce';
 */
export type EnergyUnitSymbol = keyof typeof ENERGY_UNITS;

/**
 * Every atomic unit the parser knows, by canonical symbol.
 *
 * @example
 * ATOMIC_UNITS['%'] // { factor: '0.01', base: '' }
 */
export const ATOMIC_UNITS = {
  ...MASS_UNITS,
  ...ENERGY_UNITS,
  // Volume; base m3. Normal volume (gas at normal conditions) is a separate dimension on purpose:
  // converting m3 to Nm3 needs temperature and pressure, which a unit cannot know.
  L: { factor: '0.001', base: 'volume' },
  m3: { factor: '1', base: 'volume' },
  Nm3: { factor: '1', base: 'normal-volume' },
  piece: { factor: '1', base: 'count' },
  // Pure numbers. `1` is the unit of a bare number.
  '1': { factor: '1', base: '' },
  fraction: { factor: '1', base: '' },
  '%': { factor: '0.01', base: '' },
  ppm: { factor: '0.000001', base: '' },
  // Time; base the second.
  s: { factor: '1', base: 'time' },
  min: { factor: '60', base: 'time' },
  h: { factor: '3600', base: 'time' },
  day: { factor: '86400', base: 'time' },
  // A year is exactly 365 days here (365 × 86 400 s), the accounting year of annual inventories;
  // it is not the Julian (365.25 d) or the tropical year.
  year: { factor: '31536000', base: 'time' },
  // Currencies are opaque: no exchange rate is a unit conversion.
  CNY: { factor: '1', base: 'currency:CNY' },
  USD: { factor: '1', base: 'currency:USD' },
  EUR: { factor: '1', base: 'currency:EUR' },
  V: { factor: '1', base: 'voltage' },
  mV: { factor: '0.001', base: 'voltage' },
  // Anode-effect minutes per cell-day (AEM, IPCC 2006 Vol. 3 Ch. 4, Eq. 4.26) are one atomic unit
  // of their own dimension: minutes and days here are not time that could cancel.
  'AE-min/cell-day': { factor: '1', base: 'anode-effect' },
} as const satisfies Record<string, AtomicUnitEntry>;
/**
 * The canonical symbol of an atomic unit.
 *
 * @example
 * const unit: AtomicUnitSymbol = 'AE-min/cell-day';
 */
export type AtomicUnitSymbol = keyof typeof ATOMIC_UNITS;

/**
 * Other spellings accepted on input, mapped to the canonical symbol.
 *
 * @example
 * UNIT_ALIASES.pcs // 'piece'
 */
export const UNIT_ALIASES: Readonly<Record<string, AtomicUnitSymbol>> = Object.freeze({
  pcs: 'piece',
  'm³': 'm3',
  'Nm³': 'Nm3',
});

/**
 * Names that may follow a mass unit to make a gas mass: the tracked gases and CO2e.
 *
 * @example
 * GAS_NAMES.includes('SF6') // true
 */
export const GAS_NAMES: readonly GasOrCO2e[] = Object.freeze([...GAS_IDS, 'CO2e']);

/**
 * The word after a mass unit that marks carbon mass (`t C/TJ` in carbon-content tables).
 *
 * @example
 * parseUnit(`t ${CARBON_MARK}`).dimensionKey // 'mass'
 */
export const CARBON_MARK = 'C';

/**
 * Looks up an atomic unit by symbol or alias.
 *
 * @example
 * lookupAtomicUnit('pcs') // { symbol: 'piece', factor: '1', base: 'count' }
 * lookupAtomicUnit('furlong') // undefined
 */
export function lookupAtomicUnit(text: string): (AtomicUnitEntry & { readonly symbol: AtomicUnitSymbol }) | undefined {
  const symbol = Object.hasOwn(ATOMIC_UNITS, text)
    ? (text as AtomicUnitSymbol)
    : Object.hasOwn(UNIT_ALIASES, text)
      ? UNIT_ALIASES[text]
      : undefined;
  if (symbol === undefined) return undefined;
  const entry: AtomicUnitEntry = ATOMIC_UNITS[symbol];
  return { symbol, factor: entry.factor, base: entry.base };
}

/**
 * True when `text` names a gas that may follow a mass unit.
 *
 * @example
 * isGasName('CF4') // true
 * isGasName('Al') // false
 */
export function isGasName(text: string): text is GasOrCO2e {
  return (GAS_NAMES as readonly string[]).includes(text);
}

/**
 * True when the symbol is a mass unit (the only units a gas name may follow).
 *
 * @example
 * isMassUnitSymbol('kt') // true
 */
export function isMassUnitSymbol(text: string): text is MassUnitSymbol {
  return Object.hasOwn(MASS_UNITS, text);
}

/**
 * True when the symbol is an energy unit.
 *
 * @example
 * isEnergyUnitSymbol('tce') // true
 */
export function isEnergyUnitSymbol(text: string): text is EnergyUnitSymbol {
  return Object.hasOwn(ENERGY_UNITS, text);
}
