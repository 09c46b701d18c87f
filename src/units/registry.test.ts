import { describe, expect, it } from 'vitest';
import { Decimal } from '../decimal/decimal.js';
import { GAS_IDS } from '../gases/types.js';
import { parseUnit } from './parseUnit.js';
import { ATOMIC_UNITS, GAS_NAMES, UNIT_ALIASES, isEnergyUnitSymbol, isMassUnitSymbol } from './registry.js';

// Each factor recomputed from its definition, so a typo in the table cannot hide.
const definitions: Readonly<Record<string, Decimal>> = {
  g: new Decimal(1).div(1000), // 1 kg = 1000 g (SI)
  kg: new Decimal(1),
  t: new Decimal(1000), // 1 t = 10^3 kg
  Gg: new Decimal(10).pow(9).div(1000), // 10^9 g = 10^6 kg
  kt: new Decimal(1000).times(1000),
  Mt: new Decimal(1000).times(1000).times(1000),
  J: new Decimal(1),
  kJ: new Decimal(10).pow(3),
  MJ: new Decimal(10).pow(6),
  GJ: new Decimal(10).pow(9),
  TJ: new Decimal(10).pow(12),
  Wh: new Decimal(3600), // 1 W × 3600 s
  kWh: new Decimal(3600).times(new Decimal(10).pow(3)),
  MWh: new Decimal(3600).times(new Decimal(10).pow(6)),
  GWh: new Decimal(3600).times(new Decimal(10).pow(9)),
  tce: new Decimal(7000).times('4.1868').times(1000).times(1000), // 7000 kcal/kgce × 4.1868 kJ/kcal × 1000 J/kJ × 1000 kg/t
  L: new Decimal(1).div(1000), // 1 m3 = 1000 L
  m3: new Decimal(1),
  Nm3: new Decimal(1),
  piece: new Decimal(1),
  '1': new Decimal(1),
  fraction: new Decimal(1),
  '%': new Decimal(1).div(100),
  ppm: new Decimal(1).div(new Decimal(10).pow(6)),
  s: new Decimal(1),
  min: new Decimal(60),
  h: new Decimal(60).times(60),
  day: new Decimal(24).times(3600),
  year: new Decimal(365).times(24).times(3600), // a 365-day year
  CNY: new Decimal(1),
  USD: new Decimal(1),
  EUR: new Decimal(1),
  V: new Decimal(1),
  mV: new Decimal(1).div(1000),
  'AE-min/cell-day': new Decimal(1),
};

describe('unit registry', () => {
  it('has a definition check for every atomic unit', () => {
    expect(Object.keys(ATOMIC_UNITS).sort()).toEqual(Object.keys(definitions).sort());
  });

  for (const [symbol, expected] of Object.entries(definitions)) {
    it(`${symbol} = ${expected.toFixed()} base units`, () => {
      const unit = parseUnit(symbol);
      expect(unit.symbol).toBe(symbol);
      expect(unit.factor.eq(expected)).toBe(true);
    });
  }

  it('aliases read as their canonical unit', () => {
    for (const [alias, symbol] of Object.entries(UNIT_ALIASES)) expect(parseUnit(alias).symbol).toBe(symbol);
  });

  it('names every tracked gas and CO2e, and marks mass and energy units', () => {
    expect(GAS_NAMES).toEqual([...GAS_IDS, 'CO2e']);
    expect(isMassUnitSymbol('t')).toBe(true);
    expect(isMassUnitSymbol('MWh')).toBe(false);
    expect(isEnergyUnitSymbol('tce')).toBe(true);
    expect(isEnergyUnitSymbol('toString')).toBe(false); // own keys only
  });
});
