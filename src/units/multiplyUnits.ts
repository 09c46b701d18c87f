import { combineDimensions } from './dimensionKey.js';
import { exactFactorOf, makeUnit } from './makeUnit.js';
import { leftOperandText as leftText, rightOperandText as rightText } from './operandText.js';
import type { Unit } from './types.js';
import { isPlainOne } from './isPlainOne.js';

/**
 * The product of two units: factors multiply, dimension powers add. The symbol is canonical text
 * that parseUnit reads back to this unit.
 *
 * @example
 * multiplyUnits(parseUnit('GJ/t'), parseUnit('t')).dimensionKey // 'energy'
 */
export function multiplyUnits(a: Unit, b: Unit): Unit {
  // A pure number `1` leaves the other unit as it is, so 2 × (3 t) is 6 t, not 6 1*t.
  if (isPlainOne(a)) return b;
  if (isPlainOne(b)) return a;
  const fa = exactFactorOf(a);
  const fb = exactFactorOf(b);
  return makeUnit(
    `${leftText(a)}*${rightText(b)}`,
    { numerator: fa.numerator.times(fb.numerator), denominator: fa.denominator.times(fb.denominator) },
    combineDimensions(a.dimension, b.dimension, 1),
    'product',
  );
}
