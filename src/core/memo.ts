/**
 * A bounded memo of a pure function of a text: the same text gives the same value (objects must
 * be frozen, so sharing them changes nothing anyone can observe). Used where a large model asks
 * the same few questions hundreds of thousands of times (unit texts, burden keys, JSON keys).
 * Past `limit` entries it starts again empty, so a stream of distinct texts cannot grow it
 * without bound. A call that throws caches nothing.
 *
 * @example
 * const quoted = memoizeText(4096, (key) => JSON.stringify(key));
 * quoted('CO2') // '"CO2"', computed once
 */
export function memoizeText<T>(limit: number, compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const value = compute(text);
    if (known.size >= limit) known.clear();
    known.set(text, value);
    return value;
  };
}
