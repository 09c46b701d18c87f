import fc from 'fast-check';
import { describe, it } from 'vitest';
import {
  anyQuantityArb,
  decimalTextArb,
  dimensionArb,
  exactFamilyArb,
  exactQuantityArb,
  exactUnitSymbolArb,
  quantityArb,
  sameFamilyQuantitiesArb,
  unitExpressionTextArb,
  unitSymbolArb,
} from '../../test/arbitraries/quantity.js';
import { UnitParseError } from '../core/errors.js';
import { Decimal } from '../decimal/decimal.js';
import { parseUnit } from '../units/parseUnit.js';
import { unitEquals } from '../units/unitEquals.js';
import { add, amountIn, compare, convert, formatQuantity, negate, parseQuantity, scale, subtract, type Quantity } from './index.js';

function sameQuantity(a: Quantity, b: Quantity): boolean {
  return a.amount.eq(b.amount) && unitEquals(a.unit, b.unit);
}

describe('conversion laws', () => {
  it('there and back is the identity within an exact family', () => {
    fc.assert(
      fc.property(
        exactFamilyArb.chain((family) => fc.tuple(exactQuantityArb(family), exactUnitSymbolArb(family))),
        ([q, other]) => sameQuantity(convert(convert(q, other), q.unit), q),
      ),
    );
  });

  it('there and back agrees to 33 significant digits for any units of a dimension (tce, min, kWh/GJ…)', () => {
    fc.assert(
      fc.property(
        dimensionArb.chain((dimension) => fc.tuple(quantityArb(dimension), unitSymbolArb(dimension))),
        ([q, other]) => {
          const back = convert(convert(q, other), q.unit).amount;
          // one rounding at the 34th digit each way: the error is below |q| × 10^-32
          return back.minus(q.amount).abs().lte(q.amount.abs().times('1e-32'));
        },
      ),
    );
  });

  it('converting never changes the quantity (compare is 0)', () => {
    fc.assert(
      fc.property(
        exactFamilyArb.chain((family) => fc.tuple(exactQuantityArb(family), exactUnitSymbolArb(family))),
        ([q, other]) => compare(convert(q, other), q) === 0,
      ),
    );
  });
});

describe('addition laws (same dimension, exact range)', () => {
  it('add is commutative', () => {
    fc.assert(fc.property(sameFamilyQuantitiesArb(2), ([a, b]) => compare(add(a!, b!), add(b!, a!)) === 0));
  });

  it('add is associative', () => {
    fc.assert(
      fc.property(sameFamilyQuantitiesArb(3), ([a, b, c]) => compare(add(add(a!, b!), c!), add(a!, add(b!, c!))) === 0),
    );
  });

  it('subtracting what was added gives the start back', () => {
    fc.assert(fc.property(sameFamilyQuantitiesArb(2), ([a, b]) => sameQuantity(subtract(add(a!, b!), b!), a!)));
  });

  it('a − a is zero and a + (−a) is zero', () => {
    fc.assert(
      fc.property(anyQuantityArb, (a) => subtract(a, a).amount.isZero() && add(a, negate(a)).amount.isZero()),
    );
  });
});

describe('scale is linear', () => {
  const factorArb = decimalTextArb({ integerDigits: 4, fractionDigits: 3 });

  it('scale distributes over add: k(a + b) = ka + kb', () => {
    fc.assert(
      fc.property(sameFamilyQuantitiesArb(2), factorArb, ([a, b], k) =>
        compare(scale(add(a!, b!), k), add(scale(a!, k), scale(b!, k))) === 0,
      ),
    );
  });

  it('scale adds over factors: (k + m)a = ka + ma, and 1·a = a', () => {
    fc.assert(
      fc.property(anyQuantityArb, factorArb, factorArb, (a, k, m) => {
        const sumOfFactors = new Decimal(k).plus(m);
        return sameQuantity(scale(a, sumOfFactors), add(scale(a, k), scale(a, m))) && sameQuantity(scale(a, '1'), a);
      }),
    );
  });

  it('scale commutes with conversion', () => {
    fc.assert(
      fc.property(
        exactFamilyArb.chain((family) => fc.tuple(exactQuantityArb(family), exactUnitSymbolArb(family))),
        factorArb,
        ([q, other], k) => amountIn(scale(q, k), other).eq(amountIn(q, other).times(k)),
      ),
    );
  });
});

describe('text round trips', () => {
  it('parseQuantity(formatQuantity(q)) equals q', () => {
    fc.assert(fc.property(anyQuantityArb, (q) => sameQuantity(parseQuantity(formatQuantity(q)), q)));
  });

  it('amounts across the document range survive format and parse', () => {
    const wideAmountArb = fc
      .tuple(decimalTextArb({ integerDigits: 1, fractionDigits: 20, signed: true }), fc.integer({ min: -29, max: 23 }))
      .map(([mantissa, exponent]) => `${mantissa}e${exponent}`);
    fc.assert(
      fc.property(wideAmountArb, dimensionArb.chain(unitSymbolArb), (amount, unit) => {
        const q = parseQuantity(`${amount} ${unit}`);
        const amountText = formatQuantity(q).split(' ')[0] ?? '';
        return sameQuantity(parseQuantity(formatQuantity(q)), q) && /^-?\d+(\.\d+)?$/.test(amountText);
      }),
    );
  });

  it('parseUnit(u.symbol) gives u back for generated unit expressions', () => {
    fc.assert(
      fc.property(unitExpressionTextArb, (text) => {
        let unit;
        try {
          unit = parseUnit(text);
        } catch (error) {
          // Only the length or nesting limits may refuse a generated expression.
          return error instanceof UnitParseError && /longer than|nested deeper/.test(error.message);
        }
        const again = parseUnit(unit.symbol);
        return unitEquals(again, unit) && again.symbol === unit.symbol;
      }),
    );
  });

  it('parseUnit refuses arbitrary text only with UnitParseError', () => {
    const noiseArb = fc.string({
      unit: fc.constantFrom(...'tkgMWhJCO2e%()/*· ^10-Nm3AEmincelldayx.'.split('')),
      maxLength: 40,
    });
    fc.assert(
      fc.property(noiseArb, (text) => {
        try {
          const unit = parseUnit(text);
          return unitEquals(parseUnit(unit.symbol), unit);
        } catch (error) {
          return error instanceof UnitParseError;
        }
      }),
    );
  });
});
