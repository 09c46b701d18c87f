import fc from 'fast-check';
import type { Quantity } from '../../src/quantity/types.js';
import { quantity } from '../../src/quantity/quantity.js';

/**
 * Unit symbols grouped so that every unit of a group converts to every other one by a power of ten
 * (or an integer multiple then a power of ten back), which keeps conversions within a group exact.
 * Use these where a law must hold exactly.
 */
export const EXACT_UNIT_FAMILIES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  mass: ['g', 'kg', 't', 'kt', 'Mt', 'Gg', 't C', '10^4 t'],
  'gas:CO2': ['g CO2', 'kg CO2', 't CO2', 'kt CO2', 'Mt CO2', '10^4 t CO2'],
  'gas:CF4': ['g CF4', 'kg CF4', 't CF4'],
  energy: ['J', 'kJ', 'MJ', 'GJ', 'TJ'],
  'energy (watt-hours)': ['Wh', 'kWh', 'MWh', 'GWh'],
  'normal-volume': ['Nm3', '10^4 Nm3', '10^8 Nm3'],
  volume: ['L', 'm3'],
  '': ['1', 'fraction', '%', 'ppm', 't/t', 'kg/t', 'g/kg'],
  'energy*mass^-1': ['GJ/t', 'MJ/kg', 'TJ/kt', 'J/g'],
  'energy^-1*gas:CO2': ['t CO2/TJ', 'kg CO2/GJ', 'g CO2/MJ'],
  'gas:CO2*mass^-1': ['t CO2/t', 'kg CO2/t', 'kg CO2/kg'],
  'currency:CNY*mass^-1': ['CNY/t', 'CNY/kg'],
  voltage: ['V', 'mV'],
});

/**
 * Unit symbols by dimension key, including units whose conversions do not terminate (tce, kWh
 * against GJ, min against h). Laws over these hold to 34 significant digits, not exactly.
 */
export const UNITS_BY_DIMENSION: Readonly<Record<string, readonly string[]>> = Object.freeze({
  mass: ['g', 'kg', 't', 'kt', 'Mt', 'Gg', 't C'],
  'gas:CO2': ['kg CO2', 't CO2', 'kt CO2', '10^4 t CO2'],
  'gas:CO2e': ['kg CO2e', 't CO2e', 'Mt CO2e'],
  energy: ['J', 'kJ', 'MJ', 'GJ', 'TJ', 'Wh', 'kWh', 'MWh', 'GWh', 'tce', '10^4 tce'],
  'normal-volume': ['Nm3', '10^4 Nm3'],
  time: ['s', 'min', 'h', 'day', 'year'],
  '': ['1', 'fraction', '%', 'ppm', 't/t', 'kg/t'],
  'energy^-1*gas:CO2': ['t CO2/MWh', 'kg CO2/kWh', 't CO2/TJ', 'g CO2/kWh', 't CO2/tce'],
  'energy*mass^-1': ['GJ/t', 'MJ/kg', 'kWh/t', 'tce/t'],
  'anode-effect^-1*gas:CF4*mass^-1': ['(kg CF4/t)/(AE-min/cell-day)', '(g CF4/kg)/(AE-min/cell-day)'],
  'energy*normal-volume^-1': ['GJ/10^4 Nm3', 'MJ/Nm3'],
});

/** One dimension key of UNITS_BY_DIMENSION. */
export const dimensionArb: fc.Arbitrary<string> = fc.constantFrom(...Object.keys(UNITS_BY_DIMENSION));

/** One family name of EXACT_UNIT_FAMILIES. */
export const exactFamilyArb: fc.Arbitrary<string> = fc.constantFrom(...Object.keys(EXACT_UNIT_FAMILIES));

/** A unit symbol of the given dimension key (from UNITS_BY_DIMENSION). */
export function unitSymbolArb(dimension: string): fc.Arbitrary<string> {
  return fc.constantFrom(...(UNITS_BY_DIMENSION[dimension] ?? []));
}

/** A unit symbol of the given exact family (from EXACT_UNIT_FAMILIES). */
export function exactUnitSymbolArb(family: string): fc.Arbitrary<string> {
  return fc.constantFrom(...(EXACT_UNIT_FAMILIES[family] ?? []));
}

/** Any unit symbol from UNITS_BY_DIMENSION. */
export const anyUnitSymbolArb: fc.Arbitrary<string> = fc.constantFrom(...Object.values(UNITS_BY_DIMENSION).flat());

/**
 * Decimal amounts as text: optional minus, up to `integerDigits` integer digits and up to
 * `fractionDigits` fraction digits, no exponent. Within the document range (1e-30..1e24) for the
 * defaults.
 */
export function decimalTextArb(options: { integerDigits?: number; fractionDigits?: number; signed?: boolean } = {}): fc.Arbitrary<string> {
  const integerDigits = options.integerDigits ?? 9;
  const fractionDigits = options.fractionDigits ?? 6;
  const sign = options.signed === false ? fc.constant('') : fc.constantFrom('', '-');
  const integer = fc.oneof(
    fc.constant('0'),
    fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: integerDigits - 1 }))
      .map(([first, rest]) => `${first}${rest}`),
  );
  const fraction = fc.string({ unit: fc.constantFrom(...'0123456789'), maxLength: fractionDigits });
  return fc.tuple(sign, integer, fraction).map(([s, i, f]) => (f === '' ? `${s}${i}` : `${s}${i}.${f}`));
}

/** A quantity with a decimal amount and a unit of the given dimension key. */
export function quantityArb(dimension: string, amount: fc.Arbitrary<string> = decimalTextArb()): fc.Arbitrary<Quantity> {
  return fc.tuple(amount, unitSymbolArb(dimension)).map(([a, u]) => quantity(a, u));
}

/** A quantity whose unit is one of the given exact family. */
export function exactQuantityArb(family: string, amount: fc.Arbitrary<string> = decimalTextArb()): fc.Arbitrary<Quantity> {
  return fc.tuple(amount, exactUnitSymbolArb(family)).map(([a, u]) => quantity(a, u));
}

/** A quantity of any dimension from UNITS_BY_DIMENSION. */
export const anyQuantityArb: fc.Arbitrary<Quantity> = dimensionArb.chain((dimension) => quantityArb(dimension));

/** `count` quantities sharing one exact family (so same dimension, exact conversions). */
export function sameFamilyQuantitiesArb(count: number, amount?: fc.Arbitrary<string>): fc.Arbitrary<Quantity[]> {
  return exactFamilyArb.chain((family) => fc.array(exactQuantityArb(family, amount), { minLength: count, maxLength: count }));
}

/**
 * Unit expression text built from atoms with `*`, `/` and parentheses, possibly with redundant
 * parentheses and extra spaces: input for parse/format round trips of parseUnit.
 */
export const unitExpressionTextArb: fc.Arbitrary<string> = fc.letrec<{ expression: string }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', maxDepth: 4, withCrossShrink: true },
    fc.constantFrom('t', 'kg', 'MWh', 'GJ', 'tce', '10^4 Nm3', '%', 'piece', 'pcs', 'h', 'year', 'CNY', 'mV', 'AE-min/cell-day', 't CO2', 'kg CF4', 't C', 'Gg CH4', '1'),
    fc
      .tuple(tie('expression'), fc.constantFrom('*', '/', ' / ', '·'), tie('expression'))
      .map(([left, op, right]) => `(${left})${op}(${right})`),
    fc.tuple(tie('expression'), fc.constantFrom('*', '/'), tie('expression')).map(([left, op, right]) => `${left}${op}${right}`),
  ),
})).expression.filter((text) => text.length <= 200);
