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

/**
 * Sorts `list` in place by `key`'s text in code-unit order (as `<` compares strings, and as
 * RFC 8785 orders keys) and returns it. Result breakdowns sort a handful of names per product,
 * often already in order: those are checked and left alone, short ones sorted by insertion, and
 * no comparator closure or sort workspace is made for them (Array.prototype.sort makes both, for
 * every product of a large model).
 *
 * @example
 * sortByText(['b', 'a', 'C'], (s) => s) // ['C', 'a', 'b']
 */
export function sortByText<T>(list: T[], key: (item: T) => string): T[] {
  const n = list.length;
  let i = 1;
  while (i < n && key(list[i - 1]!) <= key(list[i]!)) i++;
  if (i >= n) return list;
  if (n > 32) return list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  for (; i < n; i++) {
    const item = list[i]!;
    const text = key(item);
    let j = i - 1;
    while (j >= 0 && key(list[j]!) > text) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/**
 * The items of `list` grouped by `key`, each group in list order, the groups in the order of
 * their first items: one pass, for code that would otherwise filter the whole list per key.
 *
 * @example
 * groupBy(['ab', 'c', 'ad'], (s) => s[0]!) // Map { 'a' => ['ab', 'ad'], 'c' => ['c'] }
 */
export function groupBy<T, K>(list: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}
