import { describe, expect, it } from 'vitest';
import { UnitMismatchError } from '../core/errors.js';
import { Decimal } from '../decimal/decimal.js';
import { convertAmount } from './convertAmount.js';
import { convertFactor } from './convertFactor.js';
import { isConvertible } from './isConvertible.js';
import { parseUnit } from './parseUnit.js';

function factor(from: string, to: string): string {
  return convertFactor(parseUnit(from), parseUnit(to)).toFixed();
}

describe('convertFactor against the unit definitions', () => {
  it('tonne of coal equivalent (GB/T 2589: 1 kgce = 7000 kcal = 7000 × 4.1868 kJ = 29 307.6 kJ)', () => {
    // 1 tce = 1000 × 29 307.6 kJ = 29 307 600 kJ = 29.3076 GJ
    expect(factor('tce', 'GJ')).toBe('29.3076');
    // 1 MWh = 10^6 Wh × 3600 J/Wh = 3.6 GJ, so 1 tce = 29.3076 GJ / 3.6 GJ/MWh = 8.141 MWh exactly
    expect(factor('tce', 'MWh')).toBe('8.141');
    // 8.141 MWh × 1000 kWh/MWh = 8141 kWh
    expect(factor('tce', 'kWh')).toBe('8141');
  });

  it('10^4 Nm3 is 10 000 Nm3, and GJ/10^4 Nm3 is 10^-4 GJ/Nm3', () => {
    expect(factor('10^4 Nm3', 'Nm3')).toBe('10000');
    // natural gas NCV 389.31 GJ/10^4 Nm3 (GB/T 32151 table, standards.md) = 0.038931 GJ/Nm3
    expect(convertAmount(new Decimal('389.31'), parseUnit('GJ/10^4 Nm3'), parseUnit('GJ/Nm3')).toFixed()).toBe('0.038931');
  });

  it('kWh and MWh differ by 1000, both ways, exactly', () => {
    expect(factor('kWh', 'MWh')).toBe('0.001'); // 3.6e6 J / 3.6e9 J
    expect(factor('MWh', 'kWh')).toBe('1000');
    expect(factor('GWh', 'MWh')).toBe('1000');
    expect(factor('MWh', 'GJ')).toBe('3.6'); // 3600 s × 10^6 W
  });

  it('kg and t differ by 1000; Gg is kt', () => {
    expect(factor('kg', 't')).toBe('0.001');
    expect(factor('t', 'kg')).toBe('1000');
    expect(factor('Gg', 'kt')).toBe('1');
    expect(factor('Mt', 't')).toBe('1000000');
    expect(factor('g', 'kg')).toBe('0.001');
  });

  it('keeps compound conversions exact when the true result terminates', () => {
    // kg CO2/kWh → t CO2/MWh: (1 kg / 1000 kg/t) / (1 kWh / 1000 kWh/MWh) = 1
    expect(factor('kg CO2/kWh', 't CO2/MWh')).toBe('1');
    // t CO2/TJ → kg CO2/GJ: 1000 kg / 1000 GJ = 1
    expect(factor('t CO2/TJ', 'kg CO2/GJ')).toBe('1');
    // kg/t → %: 1 kg / 1000 kg = 0.001 = 0.1 %
    expect(factor('kg/t', '%')).toBe('0.1');
    expect(factor('%', 'ppm')).toBe('10000');
    // t CO2/tce → t CO2/GJ: 1 / 29.3076, not terminating: 34 significant digits, half-even
    expect(factor('t CO2/tce', 't CO2/GJ')).toBe(new Decimal(1).div('29.3076').toFixed());
  });

  it('converts time with a 365-day year', () => {
    expect(factor('year', 'day')).toBe('365');
    expect(factor('day', 'h')).toBe('24');
    expect(factor('h', 'min')).toBe('60');
  });

  it('converts 1500 kWh into 1.5 MWh by multiplying first (1500 × 3.6e6 / 3.6e9)', () => {
    expect(convertAmount(new Decimal('1500'), parseUnit('kWh'), parseUnit('MWh')).toFixed()).toBe('1.5');
  });
});

describe('convertFactor refuses different dimensions', () => {
  const mismatched: readonly (readonly [string, string])[] = [
    ['t', 't CO2'], // product mass vs gas mass
    ['t CO2', 't CH4'], // one gas vs another
    ['t CO2', 't CO2e'], // a gas vs its characterized mass: needs a GWP, not a unit
    ['m3', 'Nm3'], // needs temperature and pressure
    ['%', 'CNY'], // ratio vs money
    ['CNY', 'USD'], // no exchange rates
    ['MWh', 'h'],
    ['kg CF4/t', '%'],
    ['AE-min/cell-day', 'min/day'],
  ];
  for (const [from, to] of mismatched) {
    it(`${from} → ${to}`, () => {
      expect(isConvertible(parseUnit(from), parseUnit(to))).toBe(false);
      expect(() => factor(from, to)).toThrow(UnitMismatchError);
      expect(() => factor(from, to)).toThrow(`cannot convert ${parseUnit(from).symbol}`);
    });
  }

  it('says which dimensions differ', () => {
    expect(() => factor('%', 'CNY')).toThrow('cannot convert % (dimensionless) to CNY (currency:CNY)');
  });
});
