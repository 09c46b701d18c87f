/**
 * JSON text with object keys sorted at every level and no insignificant whitespace (or two-space
 * indentation when `indent` is set), so equal data always gives equal bytes — what digests and
 * byte-for-byte comparisons by verifiers need. Only plain data is accepted.
 *
 * @example
 * canonicalJson({ b: 1, a: { d: '2', c: null } }) // '{"a":{"c":null,"d":"2"},"b":1}'
 */
export function canonicalJson(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(value: unknown): unknown {
  // Values that say how they serialize (Decimal: fixed-point text) do so before keys are sorted;
  // otherwise their internals would be copied as if they were data.
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    return sortKeys((value as { toJSON: () => unknown }).toJSON());
  }
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && typeof v !== 'function');
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, v] of entries) {
      // defineProperty: a key named __proto__ must stay an ordinary key.
      Object.defineProperty(out, k, { value: sortKeys(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
