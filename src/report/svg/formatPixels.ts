/**
 * A screen coordinate as short SVG text: at most two decimals, trailing zeros dropped. Geometry
 * only: accounting values never pass through here.
 *
 * @example
 * formatPixels(12.5) // '12.5'
 * formatPixels(100) // '100'
 * formatPixels(1 / 3) // '0.33'
 */
export function formatPixels(value: number): string {
  const text = value.toFixed(2).replace(/\.?0+$/, '');
  return text === '' || text === '-0' ? '0' : text;
}
