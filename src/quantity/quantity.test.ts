import { describe, expect, it } from 'vitest';
import { InvalidNumberError, UnitMismatchError, UnitParseError } from '../core/errors.js';
import { Decimal } from '../decimal/decimal.js';
import { parseUnit } from '../units/parseUnit.js';
import {
  add,
  amountIn,
  compare,
  convert,
  divide,
  energy,
  formatQuantity,
  gasMass,
  isZero,
  mass,
  multiply,
  negate,
  parseQuantity,
  quantity,
  requireDimension,
  scale,
  subtract,
  type Quantity,
} from './index.js';

const text = (q: Quantity): string => formatQuantity(q);

describe('quantity', () => {
  it('reads amounts as exact decimals and units as text or Unit', () => {
    expect(text(quantity('1350000', 'MWh'))).toBe('1350000 MWh');
    expect(text(quantity(0.1, 't'))).toBe('0.1 t'); // the number's text, not its binary value
    expect(text(quantity(new Decimal('2.5'), parseUnit('GJ/t')))).toBe('2.5 GJ/t');
  });

  it('refuses non-finite amounts', () => {
    expect(() => quantity(Number.NaN, 't')).toThrow(InvalidNumberError);
    expect(() => quantity(Number.POSITIVE_INFINITY, 't')).toThrow(InvalidNumberError);
    expect(() => quantity('Infinity', 't')).toThrow(InvalidNumberError);
  });

  it('is frozen', () => {
    const q = quantity('3', 't');
    expect(Object.isFrozen(q)).toBe(true);
    expect(() => {
      (q as { amount: Decimal }).amount = new Decimal(4);
    }).toThrow(TypeError);
  });

  it('has typed constructors for mass, energy and gas mass', () => {
    expect(mass('100000', 't').unit.dimensionKey).toBe('mass');
    expect(energy('1', 'tce').unit.dimensionKey).toBe('energy');
    expect(gasMass('CF4', '12.5', 'kg').unit.symbol).toBe('kg CF4');
    expect(gasMass('CO2e', '1', 't').unit.dimensionKey).toBe('gas:CO2e');
  });
});

describe('convert and amountIn', () => {
  it('1 tce = 29.3076 GJ = 8.141 MWh (29.3076 GJ / 3.6 GJ/MWh)', () => {
    const coal = energy('1', 'tce');
    expect(amountIn(coal, 'GJ').toFixed()).toBe('29.3076');
    expect(amountIn(coal, 'MWh').toFixed()).toBe('8.141');
    expect(text(convert(coal, 'MWh'))).toBe('8.141 MWh');
  });

  it('2.5 × 10^4 Nm3 of natural gas is 25 000 Nm3', () => {
    expect(amountIn(quantity('2.5', '10^4 Nm3'), 'Nm3').toFixed()).toBe('25000');
    expect(text(convert(quantity('25000', 'Nm3'), '10^4 Nm3'))).toBe('2.5 10^4 Nm3');
  });

  it('1350000 MWh is 1350000000 kWh (× 1000); 2500 kg is 2.5 t (÷ 1000)', () => {
    expect(amountIn(energy('1350000', 'MWh'), 'kWh').toFixed()).toBe('1350000000');
    expect(text(convert(mass('2500', 'kg'), 't'))).toBe('2.5 t');
  });

  it('0.42 t/t is 42 % (0.42 × 100)', () => {
    expect(amountIn(parseQuantity('0.42 t/t'), '%').toFixed()).toBe('42');
  });

  it('refuses to convert across dimensions', () => {
    expect(() => convert(mass('1', 't'), 't CO2')).toThrow(UnitMismatchError);
    expect(() => amountIn(quantity('1', 'm3'), 'Nm3')).toThrow(UnitMismatchError);
  });
});

describe('add, subtract, compare', () => {
  it('add keeps the unit of the first operand', () => {
    // 1 t + 500 kg = 1 t + 0.5 t = 1.5 t
    expect(text(add(mass('1', 't'), mass('500', 'kg')))).toBe('1.5 t');
    // 500 kg + 1 t = 500 kg + 1000 kg = 1500 kg
    expect(text(add(mass('500', 'kg'), mass('1', 't')))).toBe('1500 kg');
    // 1 MWh + 250 kWh = 1.25 MWh
    expect(text(add(energy('1', 'MWh'), energy('250', 'kWh')))).toBe('1.25 MWh');
  });

  it('add is exact, with no binary rounding (0.1 + 0.2 = 0.3)', () => {
    expect(text(add(quantity('0.1', 't'), quantity('0.2', 't')))).toBe('0.3 t');
  });

  it('subtract: 1 MWh − 250 kWh = 0.75 MWh', () => {
    expect(text(subtract(energy('1', 'MWh'), energy('250', 'kWh')))).toBe('0.75 MWh');
    expect(text(subtract(mass('1', 't'), mass('1000', 'kg')))).toBe('0 t');
  });

  it('refuses to mix dimensions (checked at run time for untyped quantities)', () => {
    // t + t CO2: product mass is not gas mass
    expect(() => add(parseQuantity('1 t'), parseQuantity('1 t CO2'))).toThrow(UnitMismatchError);
    expect(() => add(parseQuantity('1 t'), parseQuantity('1 t CO2'))).toThrow('cannot add 1 t (mass) and 1 t CO2 (gas:CO2)');
    // m3 vs Nm3
    expect(() => subtract(parseQuantity('1 m3'), parseQuantity('1 Nm3'))).toThrow(UnitMismatchError);
    // % vs CNY
    expect(() => compare(parseQuantity('2 %'), parseQuantity('2 CNY'))).toThrow(UnitMismatchError);
    // CO2 vs CH4, before any GWP is applied
    expect(() => add(parseQuantity('1 t CO2'), parseQuantity('1 t CH4'))).toThrow(UnitMismatchError);
  });

  it('compare: 1 kWh = 0.001 MWh; 999 kg < 1 t; 1 tce > 8 MWh', () => {
    expect(compare(energy('1', 'kWh'), energy('0.001', 'MWh'))).toBe(0);
    expect(compare(mass('999', 'kg'), mass('1', 't'))).toBe(-1);
    expect(compare(energy('1', 'tce'), energy('8', 'MWh'))).toBe(1); // 8.141 MWh > 8 MWh
    expect(compare(energy('8.141', 'MWh'), energy('1', 'tce'))).toBe(0);
    expect(compare(quantity('-1', 't'), quantity('0', 'kg'))).toBe(-1);
  });
});

describe('multiply, divide, scale, negate, isZero', () => {
  it('multiply: 29.3 GJ/t × 2 t = 58.6 GJ', () => {
    const heat = multiply(quantity('29.3', 'GJ/t'), quantity('2', 't'));
    expect(heat.unit.dimensionKey).toBe('energy');
    expect(text(convert(heat, 'GJ'))).toBe('58.6 GJ');
  });

  it('multiply by a pure number keeps the unit', () => {
    expect(text(multiply(parseQuantity('3'), quantity('2', 't')))).toBe('6 t');
  });

  it('divide: 1200 t CO2 / 100000 t = 0.012 t CO2/t', () => {
    expect(text(divide(quantity('1200', 't CO2'), mass('100000', 't')))).toBe('0.012 t CO2/t');
  });

  it('divide by zero is an error, not Infinity', () => {
    expect(() => divide(quantity('1', 't'), quantity('0', 'h'))).toThrow(InvalidNumberError);
  });

  it('scale: 0.42 t × 100000 = 42000 t; negate: −3 t; −0 is 0', () => {
    expect(text(scale(mass('0.42', 't'), '100000'))).toBe('42000 t');
    expect(text(negate(mass('3', 't')))).toBe('-3 t');
    expect(text(negate(mass('0', 't')))).toBe('0 t');
  });

  it('isZero in any unit', () => {
    expect(isZero(quantity('0', 't CO2'))).toBe(true);
    expect(isZero(quantity('0.000001', 't CO2'))).toBe(false);
  });

  it('does not mutate its inputs', () => {
    const a = quantity('1', 't');
    const b = quantity('500', 'kg');
    const before = [JSON.stringify(a), JSON.stringify(b)];
    add(a, b);
    subtract(a, b);
    multiply(a, b);
    divide(a, b);
    scale(a, '2');
    negate(a);
    convert(b, 't');
    expect([JSON.stringify(a), JSON.stringify(b)]).toEqual(before);
  });
});

describe('requireDimension', () => {
  it('narrows parsed quantities of the right dimension, refuses others with the path', () => {
    expect(requireDimension(parseQuantity('100000 t'), 'mass').unit.symbol).toBe('t');
    expect(requireDimension(parseQuantity('0.42 t/t'), '').amount.toFixed()).toBe('0.42');
    expect(() => requireDimension(parseQuantity('2 %'), 'mass', ['with', 'sulfur'])).toThrow(
      'with.sulfur: expected a quantity of dimension mass, got 2 % (dimensionless)',
    );
  });
});

describe('parseQuantity', () => {
  const accepted: readonly (readonly [string | number, string])[] = [
    ['0.42 t/t', '0.42 t/t'],
    ['2 %', '2 %'],
    ['1350000 MWh', '1350000 MWh'],
    ['-3 t', '-3 t'], // signs are the caller's to check
    ['+3 t', '3 t'],
    ['  12.5   t CO2  ', '12.5 t CO2'],
    ['10%', '10 %'],
    ['1.5e3 kg', '1500 kg'],
    ['3 EUR', '3 EUR'], // E of EUR is not an exponent
    ['5 10^4 Nm3', '5 10^4 Nm3'],
    ['0.2', '0.2'],
    ['.5 h', '0.5 h'],
    [1350000, '1350000'],
    [0.42, '0.42'],
  ];
  for (const [input, expected] of accepted) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(text(parseQuantity(input))).toBe(expected);
    });
  }

  it('gives a bare number the default unit', () => {
    expect(text(parseQuantity('1800', undefined, 't'))).toBe('1800 t');
    expect(text(parseQuantity(1800, undefined, 't'))).toBe('1800 t');
    expect(text(parseQuantity('2 %', undefined, 't'))).toBe('2 %'); // a stated unit wins
  });

  it('does not apply the document magnitude range (callers do)', () => {
    expect(parseQuantity('1e30 t').amount.eq(new Decimal('1e30'))).toBe(true);
  });

  const rejected: readonly (readonly [string, typeof InvalidNumberError | typeof UnitParseError, RegExp])[] = [
    ['', InvalidNumberError, /empty quantity/],
    ['   ', InvalidNumberError, /empty quantity/],
    ['t', InvalidNumberError, /does not start with a number/],
    ['NaN t', InvalidNumberError, /does not start with a number/],
    ['Infinity', InvalidNumberError, /does not start with a number/],
    ['-Infinity t', InvalidNumberError, /does not start with a number/],
    ['- 3 t', InvalidNumberError, /does not start with a number/],
    ['1.2.3 t', InvalidNumberError, /not a decimal number/],
    ['0x10 t', UnitParseError, /unknown unit "x10"/],
    ['12 furlongs', UnitParseError, /unknown unit "furlongs"/],
    ['12 t CO2 and more', UnitParseError, /unexpected "and"/],
  ];
  for (const [input, errorClass, message] of rejected) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      expect(() => parseQuantity(input)).toThrow(errorClass);
      expect(() => parseQuantity(input)).toThrow(message);
    });
  }

  it('puts the document path on its errors', () => {
    const path = ['processes', 0, 'inputs', 2, 'amount'];
    expect(() => parseQuantity('12 furlongs', path)).toThrow(/^processes\[0\]\.inputs\[2\]\.amount: /);
    expect(() => parseQuantity('abc', path)).toThrow(/^processes\[0\]\.inputs\[2\]\.amount: /);
    try {
      parseQuantity('12 furlongs', path);
    } catch (error) {
      expect(error).toBeInstanceOf(UnitParseError);
      expect((error as UnitParseError).path).toEqual(path);
      expect((error as UnitParseError).code).toBe('unit_parse');
    }
  });

  it('refuses a 100 kB string before reading it', () => {
    expect(() => parseQuantity(`1 ${'t*'.repeat(50_000)}t`)).toThrow(InvalidNumberError);
    expect(() => parseQuantity(`1 ${'('.repeat(150)}t${')'.repeat(150)}`)).toThrow(UnitParseError);
    expect(() => parseQuantity(`1 ${'('.repeat(9)}t${')'.repeat(9)}`)).toThrow(/nested deeper than 8/);
  });

  it('refuses what is not text or a number', () => {
    expect(() => parseQuantity(null as unknown as string)).toThrow(InvalidNumberError);
  });
});
