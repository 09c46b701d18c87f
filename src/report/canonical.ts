import { CircularDataError } from '../core/errors.js';

/**
 * JSON text with object keys sorted at every level (by UTF-16 code units, as RFC 8785 sorts them,
 * integer-like keys included) and no insignificant whitespace (or two-space indentation when
 * `indent` is set), so equal data always gives equal bytes — what digests and byte-for-byte
 * comparisons by verifiers need. Only plain data is accepted.
 *
 * The text is `JSON.stringify` of the same data with its keys sorted (toJSON honoured, undefined
 * and functions left out of objects and written as null in arrays); a bare undefined or function
 * (which JSON cannot write) gives `null`. The data is copied into sorted null-prototype objects
 * and written by the native JSON.stringify; a JS object lists integer-like keys ("9", "10")
 * first whatever their insertion order, so data with such keys is written by our own writer.
 *
 * @example
 * canonicalJson({ b: 1, a: { d: '2', c: null } }) // '{"a":{"c":null,"d":"2"},"b":1}'
 */
export function canonicalJson(value: unknown, indent?: number): string {
  try {
    const sorted = sortedCopy(value);
    if (sorted !== INTEGER_KEYS) return JSON.stringify(sorted, null, indent) ?? 'null';
  } catch (error) {
    // Nested deeper than the call stack goes (the explanation of a chain of thousands of
    // processes, every supplier inside its consumer): our own writer keeps its own stack.
    if (!(error instanceof RangeError)) throw error;
  }
  const step = indent === undefined || indent <= 0 ? '' : ' '.repeat(Math.min(10, Math.floor(indent)));
  const resolved = resolve(value);
  return resolved === OMIT ? 'null' : write(resolved, step);
}

const INTEGER_KEYS = Symbol('integer keys');
const INTEGER_KEY = /^(?:0|[1-9]\d{0,9})$/;

/**
 * True when an object given `keys` (sorted) in this order lists them in this order: it lists
 * integer-like keys first, in numeric order, so they must come first in code-unit order too and
 * be in numeric order there (as "1", "2", "3" are, and "9", "10" are not).
 */
function listedInOrder(keys: readonly string[]): boolean {
  let previous = -1;
  let integers = true;
  for (const key of keys) {
    // Only keys below 2^32 − 1 are listed first; treating ten-digit keys as such is on the safe side.
    if (INTEGER_KEY.test(key)) {
      const n = Number(key);
      if (!integers || n < previous) return false;
      previous = n;
    } else {
      integers = false;
    }
  }
  return true;
}

/**
 * The data with every object's keys in code-unit order: objects already in that order (and
 * holding nothing that changes) are used as they are, others copied into null-prototype objects
 * (where a key named __proto__ is an ordinary key). INTEGER_KEYS when no object can list its keys
 * in that order.
 */
function sortedCopy(raw: unknown): unknown {
  if (raw === null || typeof raw !== 'object') return raw;
  // Values that say how they serialize (Decimal: fixed-point text) do so before keys are sorted;
  // otherwise their internals would be copied as if they were data.
  if (typeof (raw as { toJSON?: unknown }).toJSON === 'function') return sortedCopy((raw as { toJSON: () => unknown }).toJSON());
  if (Array.isArray(raw)) {
    let copy: unknown[] | undefined;
    for (let i = 0; i < raw.length; i++) {
      const item = sortedCopy(raw[i]);
      if (item === INTEGER_KEYS) return INTEGER_KEYS;
      if (item !== raw[i]) (copy ??= raw.slice())[i] = item;
    }
    return copy ?? raw;
  }
  const object = raw as Record<string, unknown>;
  const keys = Object.keys(object);
  const inOrder = isSorted(keys);
  const order = inOrder ? keys : keys.sort(byCodeUnits);
  if (!listedInOrder(order)) return INTEGER_KEYS;
  const values = new Array<unknown>(order.length);
  let changed = !inOrder;
  for (let i = 0; i < order.length; i++) {
    const value = object[order[i]!];
    const item = sortedCopy(value);
    if (item === INTEGER_KEYS) return INTEGER_KEYS;
    values[i] = item;
    if (item !== value) changed = true;
  }
  if (!changed) return object;
  const out = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < order.length; i++) out[order[i]!] = values[i];
  return out;
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++) if (!(keys[i - 1]! < keys[i]!)) return false;
  return true;
}

const OMIT = Symbol('omit');

/** The value JSON writes for `raw`: toJSON applied (Decimal: fixed-point text), or OMIT. */
function resolve(raw: unknown): unknown {
  const value = raw !== null && typeof raw === 'object' && typeof (raw as { toJSON?: unknown }).toJSON === 'function' ? (raw as { toJSON: () => unknown }).toJSON() : raw;
  return value === undefined || typeof value === 'function' || typeof value === 'symbol' ? OMIT : value;
}

/** A value's JSON text once resolved; scalars only (containers are written by `write`). */
function scalar(value: unknown): string {
  switch (typeof value) {
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      // Strings; null; a bigint, for which JSON.stringify throws its TypeError, and so do we.
      return value === null ? 'null' : JSON.stringify(value);
  }
}

/** An array or object being written: its items (or keys) and how far along. */
interface Open {
  readonly items: readonly unknown[] | undefined;
  readonly object: Record<string, unknown> | undefined;
  readonly keys: readonly string[];
  next: number;
  written: number;
  /** Line break and indentation before the container's closing bracket, and before each item. */
  readonly newline: string;
  readonly inner: string;
}

/**
 * JSON text of a resolved value as `JSON.stringify(value, null, step)` writes it with every
 * object's keys in code-unit order, keeping its own stack (however deep the data).
 */
function write(value: unknown, step: string): string {
  const parts: string[] = [];
  const stack: Open[] = [];
  // Containers being written: data that contains itself has no JSON text (JSON.stringify throws
  // for it too; without this check the writer would go round the cycle until memory ran out).
  const writing = new Set<object>();
  const colon = step === '' ? ':' : ': ';
  const open = (item: unknown, newline: string): void => {
    if (item === null || typeof item !== 'object') {
      parts.push(scalar(item));
      return;
    }
    if (writing.has(item)) throw new CircularDataError('the data contains itself (a circular reference): it has no JSON text');
    const inner = step === '' ? '' : newline + step;
    if (Array.isArray(item)) {
      if (item.length === 0) parts.push('[]');
      else {
        parts.push('[');
        writing.add(item);
        stack.push({ items: item, object: undefined, keys: [], next: 0, written: 0, newline, inner });
      }
      return;
    }
    parts.push('{');
    writing.add(item);
    const object = item as Record<string, unknown>;
    stack.push({ items: undefined, object, keys: Object.keys(object).sort(byCodeUnits), next: 0, written: 0, newline, inner });
  };
  open(value, '\n');
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const length = top.items === undefined ? top.keys.length : top.items.length;
    if (top.next >= length) {
      stack.pop();
      writing.delete(top.items ?? top.object!);
      const bracket = top.items === undefined ? '}' : ']';
      // An object whose values JSON all leaves out is written {}.
      parts.push(top.written === 0 || step === '' ? bracket : `${top.newline}${bracket}`);
      continue;
    }
    const index = top.next++;
    if (top.items !== undefined) {
      // An array writes null for what JSON leaves out of objects.
      const item = resolve(top.items[index]);
      parts.push(`${top.written++ > 0 ? ',' : ''}${top.inner}`);
      if (item === OMIT) parts.push('null');
      else open(item, top.inner);
      continue;
    }
    const key = top.keys[index]!;
    const item = resolve(top.object![key]);
    if (item === OMIT) continue;
    parts.push(`${top.written++ > 0 ? ',' : ''}${top.inner}${JSON.stringify(key)}${colon}`);
    open(item, top.inner);
  }
  return parts.join('');
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
