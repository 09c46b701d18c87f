import { describe, expect, it } from 'vitest';
import { UnitParseError } from '../core/errors.js';
import { GAS_IDS } from '../gases/types.js';
import { DIMENSIONLESS } from './dimensionless.js';
import { divideUnits } from './divideUnits.js';
import { gasOfUnit } from './gasOfUnit.js';
import { multiplyUnits } from './multiplyUnits.js';
import { parseUnit } from './parseUnit.js';
import { unitEquals } from './unitEquals.js';

describe('parseUnit: accepted forms', () => {
  // [text, canonical symbol, exact factor to the coherent base, dimensionKey]
  const cases: readonly (readonly [string, string, string, string])[] = [
    ['t', 't', '1000', 'mass'],
    ['kg', 'kg', '1', 'mass'],
    ['MWh', 'MWh', '3600000000', 'energy'], // 10^6 Wh × 3600 J/Wh
    ['GJ', 'GJ', '1000000000', 'energy'],
    ['tce', 'tce', '29307600000', 'energy'], // 29.3076 GJ, see registry (GB/T 2589)
    ['10^4 Nm3', '10^4 Nm3', '10000', 'normal-volume'],
    ['%', '%', '0.01', ''],
    ['fraction', 'fraction', '1', ''],
    ['ppm', 'ppm', '0.000001', ''],
    ['t/t', 't/t', '1', ''], // 1000 kg / 1000 kg
    ['kg/t', 'kg/t', '0.001', ''], // 1 kg / 1000 kg
    ['t CO2/MWh', 't CO2/MWh', '0.0000002777777777777777777777777777777778', 'energy^-1*gas:CO2'], // 1000/3.6e9, 34 digits
    ['kg CF4/t', 'kg CF4/t', '0.001', 'gas:CF4*mass^-1'],
    ['t C/TJ', 't C/TJ', '0.000000001', 'energy^-1*mass'], // 1000 kg / 10^12 J; carbon mass is mass
    ['GJ/t', 'GJ/t', '1000000', 'energy*mass^-1'], // 10^9 J / 1000 kg
    ['CNY/t', 'CNY/t', '0.001', 'currency:CNY*mass^-1'],
    ['(kg CF4/t)/(AE-min/cell-day)', '(kg CF4/t)/(AE-min/cell-day)', '0.001', 'anode-effect^-1*gas:CF4*mass^-1'],
    ['mV', 'mV', '0.001', 'voltage'],
    ['t CO2e', 't CO2e', '1000', 'gas:CO2e'],
    ['t CO2e/t', 't CO2e/t', '1', 'gas:CO2e*mass^-1'],
    ['Gg', 'Gg', '1000000', 'mass'],
    ['pcs', 'piece', '1', 'count'],
    ['year', 'year', '31536000', 'time'], // 365 × 86 400 s
    ['day', 'day', '86400', 'time'], // 24 × 3600 s
    ['L', 'L', '0.001', 'volume'],
    ['GJ/10^4 Nm3', 'GJ/10^4 Nm3', '100000', 'energy*normal-volume^-1'], // 10^9 / 10^4
    ['10^-3 t', '10^-3 t', '1', 'mass'], // 1000 kg × 10^-3
    ['t CO2 / MWh', 't CO2/MWh', '0.0000002777777777777777777777777777777778', 'energy^-1*gas:CO2'],
    ['kWh·h', 'kWh*h', '12960000000', 'energy*time'], // 3 600 000 × 3600
    ['1/h', '1/h', '0.0002777777777777777777777777777777778', 'time^-1'],
    ['t CH4-non-fossil', 't CH4-non-fossil', '1000', 'gas:CH4-non-fossil'],
    ['kg CO2-biogenic/GJ', 'kg CO2-biogenic/GJ', '0.000000001', 'energy^-1*gas:CO2-biogenic'],
  ];
  for (const [text, symbol, factor, key] of cases) {
    it(`reads "${text}"`, () => {
      const unit = parseUnit(text);
      expect(unit.symbol).toBe(symbol);
      expect(unit.factor.toFixed()).toBe(factor);
      expect(unit.dimensionKey).toBe(key);
      expect(unitEquals(parseUnit(unit.symbol), unit)).toBe(true);
    });
  }

  it('makes every gas after every mass unit a gas mass', () => {
    for (const gas of [...GAS_IDS, 'CO2e'] as const) {
      for (const mass of ['g', 'kg', 't', 'kt', 'Mt', 'Gg']) {
        const unit = parseUnit(`${mass} ${gas}`);
        expect(unit.dimensionKey).toBe(`gas:${gas}`);
        expect(gasOfUnit(unit)).toBe(gas);
      }
    }
  });

  it('keeps carbon mass plain mass, and a gas mass apart from product mass', () => {
    expect(parseUnit('t C').dimensionKey).toBe('mass');
    expect(gasOfUnit(parseUnit('t C'))).toBeUndefined();
    expect(parseUnit('t CO2').dimensionKey).not.toBe(parseUnit('t').dimensionKey);
  });

  it('reads division left to right: a/b/c is (a/b)/c', () => {
    const unit = parseUnit('t CO2/t/year');
    expect(unit.dimensionKey).toBe('gas:CO2*mass^-1*time^-1');
    expect(unit.symbol).toBe('(t CO2/t)/year');
    expect(parseUnit('t CO2/(t/year)').dimensionKey).toBe('gas:CO2*mass^-1*time');
  });

  it('writes parentheses only where the reading needs them', () => {
    expect(parseUnit('(t)').symbol).toBe('t');
    expect(parseUnit('((GJ/t))').symbol).toBe('GJ/t');
    expect(parseUnit('GJ/t*t').symbol).toBe('(GJ/t)*t');
    expect(parseUnit('kWh*h/t').symbol).toBe('kWh*h/t');
    expect(parseUnit('t/(kWh*h)').symbol).toBe('t/(kWh*h)');
  });

  it('treats 1 as the unit of a pure number', () => {
    expect(unitEquals(parseUnit('1'), DIMENSIONLESS)).toBe(true);
    expect(parseUnit('1*t').symbol).toBe('t');
    expect(parseUnit('t/1').symbol).toBe('t');
  });

  it('returns frozen units that serialize as their four fields', () => {
    const unit = parseUnit('kg CF4/t');
    expect(Object.isFrozen(unit)).toBe(true);
    expect(Object.isFrozen(unit.dimension)).toBe(true);
    expect(JSON.parse(JSON.stringify(unit))).toEqual({
      symbol: 'kg CF4/t',
      factor: '0.001',
      dimension: { 'gas:CF4': 1, mass: -1 },
      dimensionKey: 'gas:CF4*mass^-1',
    });
  });
});

describe('multiplyUnits and divideUnits', () => {
  it('combine dimensions and factors and write symbols parseUnit reads back', () => {
    const intensity = divideUnits(parseUnit('t CO2'), parseUnit('MWh'));
    expect(intensity.symbol).toBe('t CO2/MWh');
    const back = multiplyUnits(intensity, parseUnit('MWh'));
    expect(back.dimensionKey).toBe('gas:CO2');
    // (1000 / 3.6e9) × 3.6e9 = 1000: the exact parts cancel, not the rounded factor.
    expect(back.factor.toFixed()).toBe('1000');
    expect(back.symbol).toBe('(t CO2/MWh)*MWh');
    expect(unitEquals(parseUnit(back.symbol), back)).toBe(true);
  });

  it('brackets a right operand that is itself compound', () => {
    const slope = divideUnits(parseUnit('kg CF4/t'), parseUnit('AE-min/cell-day'));
    expect(slope.symbol).toBe('(kg CF4/t)/(AE-min/cell-day)');
    expect(divideUnits(parseUnit('t'), parseUnit('t*h')).symbol).toBe('t/(t*h)');
  });
});

describe('parseUnit: rejected input', () => {
  const rejected: readonly (readonly [string, RegExp])[] = [
    ['', /empty/],
    ['   ', /empty/],
    ['furlong', /unknown unit "furlong"/],
    ['CO2', /"CO2" must follow a mass unit/],
    ['C', /"C" must follow a mass unit/],
    ['MWh CO2', /unexpected "CO2" after "MWh"/],
    ['t Al', /"Al" after "t" is not a gas/],
    ['t CO2 CH4', /unexpected "CH4"/],
    ['t/', /expected a unit at the end/],
    ['/t', /expected a unit/],
    ['(t', /expected "\)"/],
    ['t)', /unmatched "\)"/],
    ['t//t', /expected a unit/],
    ['10^ t', /exponent/],
    ['10^1000 t', /exponent/],
    ['10^99 t', /larger than 30/],
    ['10^4', /expected a unit after "10\^4"/],
    ['t$', /unexpected character "\$"/],
    ['tCO2', /unknown unit "tCO2"/],
    ['Nm³·h²', /unexpected character "²"/],
  ];
  for (const [text, message] of rejected) {
    it(`refuses ${JSON.stringify(text)}`, () => {
      expect(() => parseUnit(text)).toThrow(UnitParseError);
      expect(() => parseUnit(text)).toThrow(message);
    });
  }

  it('refuses a 100 kB string before reading it', () => {
    const hostile = `${'('.repeat(50_000)}t${')'.repeat(50_000)}`;
    expect(() => parseUnit(hostile)).toThrow(UnitParseError);
    expect(() => parseUnit(hostile)).toThrow(/longer than 200 characters/);
    expect(() => parseUnit('t/'.repeat(50_000))).toThrow(UnitParseError);
  });

  it('refuses parentheses nested deeper than 8 levels, and accepts 8', () => {
    expect(parseUnit(`${'('.repeat(8)}t${')'.repeat(8)}`).symbol).toBe('t');
    expect(() => parseUnit(`${'('.repeat(9)}t${')'.repeat(9)}`)).toThrow(/nested deeper than 8/);
    expect(() => parseUnit(`${'('.repeat(90)}t${')'.repeat(90)}`)).toThrow(UnitParseError);
  });

  it('refuses what is not text', () => {
    expect(() => parseUnit(42 as unknown as string)).toThrow(UnitParseError);
  });
});
