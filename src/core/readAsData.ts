/**
 * The mark of a value made by the library's own JSON and YAML readers (`parseModelText`): plain
 * data, whose every property is a value (no getters, no proxies), so reading a field twice gives
 * the same answer. `safeParseModel` reads such a document without zod's copy (plainDocument.ts);
 * any other value is read once, by zod. A private symbol, not registered: it cannot be written
 * from outside the library, and JSON, spreads and structured clones leave it behind.
 */
const READ_AS_DATA: unique symbol = Symbol('smeltprint.readAsData');

/**
 * Marks `value` (an object or list; anything else passes unmarked) as read from text.
 *
 * @example
 * return markReadAsData(JSON.parse(text));
 */
export function markReadAsData<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) Object.defineProperty(value, READ_AS_DATA, { value: true });
  return value;
}

/**
 * True for a value marked by `markReadAsData`.
 *
 * @example
 * isReadAsData(parseModelText('{"a": 1}', 'json')) // true
 * isReadAsData({ a: 1 }) // false
 */
export function isReadAsData(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { [READ_AS_DATA]?: unknown })[READ_AS_DATA] === true;
}

/**
 * `value` marked when `source` is: for a document the library makes from one the reader made,
 * out of copies of its plain data and its plain data shared (activity amounts filled in, a
 * month's amounts), which is plain data too.
 *
 * @example
 * return markedLike(document, { ...document, processes });
 */
export function markedLike<T>(source: unknown, value: T): T {
  return isReadAsData(source) ? markReadAsData(value) : value;
}
