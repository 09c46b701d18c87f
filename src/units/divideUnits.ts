import { combineDimensions } from './dimensionKey.js';
import { exactFactorOf, makeUnit } from './makeUnit.js';
import { leftOperandText as leftText, rightOperandText as rightText } from './operandText.js';
import type { Unit } from './types.js';
import { isPlainOne } from './isPlainOne.js';

/**
 * The quotient of two units: `a/b`. Division is left-associative in parsed text, so `a/b/c` is
 * `(a/b)/c`.
 *
 * @example
 * divideUnits(parseUnit('t CO2'), parseUnit('MWh')).symbol // 't CO2/MWh'
 */
export function divideUnits(a: Unit, b: Unit): Unit {
  if (isPlainOne(b)) return a;
  const fa = exactFactorOf(a);
  const fb = exactFactorOf(b);
  return makeUnit(
    `${leftText(a)}/${rightText(b)}`,
    { numerator: fa.numerator.times(fb.denominator), denominator: fa.denominator.times(fb.numerator) },
    combineDimensions(a.dimension, b.dimension, -1),
    'quotient',
  );
}
