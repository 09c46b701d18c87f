import { describe, expectTypeOf, it } from 'vitest';
import { add, compare, convert, energy, gasMass, mass, negate, parseQuantity, requireDimension, scale, subtract, type Quantity } from './index.js';

describe('quantity types', () => {
  it('typed constructors carry their dimension', () => {
    expectTypeOf(mass('1', 't')).toEqualTypeOf<Quantity<'mass'>>();
    expectTypeOf(energy('1', 'MWh')).toEqualTypeOf<Quantity<'energy'>>();
    expectTypeOf(gasMass('CO2', '1', 't')).toEqualTypeOf<Quantity<'gas:CO2'>>();
    expectTypeOf(gasMass('CF4', '1', 'kg')).toEqualTypeOf<Quantity<'gas:CF4'>>();
    expectTypeOf(parseQuantity('1 t')).toEqualTypeOf<Quantity>();
  });

  it('only accepts units of the right kind', () => {
    // @ts-expect-error MWh is not a mass unit
    mass('1', 'MWh');
    // @ts-expect-error t is not an energy unit
    energy('1', 't');
    // @ts-expect-error Al is not a tracked gas
    gasMass('Al', '1', 't');
  });

  it('same-dimension operations keep the dimension', () => {
    expectTypeOf(add(mass('1', 't'), mass('500', 'kg'))).toEqualTypeOf<Quantity<'mass'>>();
    expectTypeOf(subtract(energy('1', 'MWh'), energy('1', 'kWh'))).toEqualTypeOf<Quantity<'energy'>>();
    expectTypeOf(scale(gasMass('CH4', '1', 't'), '2')).toEqualTypeOf<Quantity<'gas:CH4'>>();
    expectTypeOf(negate(mass('1', 't'))).toEqualTypeOf<Quantity<'mass'>>();
    expectTypeOf(convert(mass('1', 't'), 'kg')).toEqualTypeOf<Quantity<'mass'>>();
    expectTypeOf(compare(mass('1', 't'), mass('1', 'kg'))).toEqualTypeOf<-1 | 0 | 1>();
  });

  it('refuses to mix product mass, gas masses and energy at compile time', () => {
    // @ts-expect-error t aluminium + t CO2
    add(mass('1', 't'), gasMass('CO2', '1', 't'));
    // @ts-expect-error t CO2 + t CH4: different gases
    add(gasMass('CO2', '1', 't'), gasMass('CH4', '1', 't'));
    // @ts-expect-error energy − mass
    subtract(energy('1', 'MWh'), mass('1', 't'));
    // @ts-expect-error comparing gas mass with product mass
    compare(gasMass('CF4', '1', 'kg'), mass('1', 'kg'));
  });

  it('leaves parsed quantities to the run-time check, and narrows them with requireDimension', () => {
    expectTypeOf(add(parseQuantity('1 t'), parseQuantity('2 t'))).toEqualTypeOf<Quantity>();
    const production = requireDimension(parseQuantity('100000 t'), 'mass');
    expectTypeOf(production).toEqualTypeOf<Quantity<'mass'>>();
    expectTypeOf(add(production, mass('1', 't'))).toEqualTypeOf<Quantity<'mass'>>();
    // @ts-expect-error a parsed quantity of unknown dimension cannot be added to product mass unchecked
    add(mass('1', 't'), parseQuantity('1 t'));
  });
});
