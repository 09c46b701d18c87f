// Math.max(...values) and list.push(...items) pass every element as an argument: past some
// 100,000 elements (a report line per product of a large model) they overflow the stack.

/**
 * The largest of `values`, or `floor` when it is larger (or `values` is empty).
 *
 * @example
 * maxOf(['a', 'bcd'].map((s) => s.length), 30) // 30
 */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/**
 * Appends every item to `list`, in order.
 *
 * @example
 * appendAll(issues, checkOutput(output)) // issues.push(...checkOutput(output)), for any length
 */
export function appendAll<T>(list: T[], items: Iterable<T>): void {
  for (const item of items) list.push(item);
}
