import type { Dimension } from './types.js';

/**
 * The stable text form of a dimension: base names sorted, joined by `*`, with `^n` for powers
 * other than 1; '' for a pure number.
 *
 * @example
 * dimensionKey({ 'gas:CO2': 1, energy: -1 }) // 'energy^-1*gas:CO2'
 * dimensionKey({}) // ''
 */
export function dimensionKey(dimension: Dimension): string {
  return Object.keys(dimension)
    .filter((base) => dimension[base] !== 0)
    .sort()
    .map((base) => {
      const power = dimension[base] ?? 0;
      return power === 1 ? base : `${base}^${power}`;
    })
    .join('*');
}

/**
 * Multiplies two dimensions: powers add (`sign` -1 divides). Zero powers are dropped and keys are
 * sorted, so equal dimensions are equal objects.
 *
 * @example
 * combineDimensions({ mass: 1 }, { mass: 1 }, -1) // {}
 */
export function combineDimensions(a: Dimension, b: Dimension, sign: 1 | -1): Dimension {
  const powers = new Map<string, number>();
  for (const [base, power] of Object.entries(a)) powers.set(base, power);
  for (const [base, power] of Object.entries(b)) powers.set(base, (powers.get(base) ?? 0) + sign * power);
  const result: Record<string, number> = {};
  for (const base of [...powers.keys()].sort()) {
    const power = powers.get(base) ?? 0;
    if (power !== 0) result[base] = power;
  }
  return Object.freeze(result);
}
