import { exactNumberValue } from './exactNumberTags.js';

/**
 * Reads JSON with the engine's own `JSON.parse` when that is provably exact: one linear scan
 * checks that every number token reads back as the same decimal (a JS number keeps any decimal of
 * up to 15 significant digits; longer ones are checked one by one) and that no object repeats a
 * key. Returns `undefined` when either check fails or the text is not valid JSON, so the caller
 * can take the careful path (which keeps long numbers as text and reports errors with line and
 * column). JSON.parse is about fifty times faster than a general YAML reader on large documents.
 *
 * @example
 * readJsonExactly('{"amount": 0.42}') // { amount: 0.42 }
 * readJsonExactly('{"amount": 0.1000000000000000000001}') // undefined: JSON.parse would round it
 */
export function readJsonExactly(text: string): unknown {
  if (!scanIsExact(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The keys seen so far in one open object, as ranges of the text (no string is made for a key):
 * small objects (nearly all) compare a new key with each earlier one of the same length; past
 * SMALL_OBJECT keys, or once a key has an escape (two spellings can then be one key), the keys
 * are read as strings into a Set. Frames are reused by depth, so scanning a large document
 * allocates almost nothing.
 */
interface ObjectFrame {
  /**
   * Start and end (exclusive) of each key's characters, between its quotes, in the first `used`
   * slots (the list is not emptied: that would free its storage, made again for every object).
   */
  readonly ranges: number[];
  used: number;
  set: Set<string> | undefined;
  expectKey: boolean;
  isObject: boolean;
}

const SMALL_OBJECT = 16;

/** False when the key text[start, end) (escaped: with `\` escapes) was already in the frame. */
function addKey(frame: ObjectFrame, text: string, start: number, end: number, escaped: boolean): boolean {
  const { ranges, used } = frame;
  if (frame.set === undefined && (escaped || used >= 2 * SMALL_OBJECT)) {
    frame.set = new Set();
    for (let k = 0; k < used; k += 2) frame.set.add(text.slice(ranges[k]!, ranges[k + 1]!));
  }
  if (frame.set !== undefined) {
    const key = escaped ? (JSON.parse(text.slice(start - 1, end + 1)) as string) : text.slice(start, end);
    if (frame.set.has(key)) return false;
    frame.set.add(key);
    return true;
  }
  const length = end - start;
  for (let k = 0; k < used; k += 2) {
    const from = ranges[k]!;
    if (ranges[k + 1]! - from === length && sameCharacters(text, from, start, length)) return false;
  }
  ranges[used] = start;
  ranges[used + 1] = end;
  frame.used = used + 2;
  return true;
}

function sameCharacters(text: string, a: number, b: number, length: number): boolean {
  for (let i = 0; i < length; i++) if (text.charCodeAt(a + i) !== text.charCodeAt(b + i)) return false;
  return true;
}

function scanIsExact(text: string): boolean {
  // One frame per open object or array, reused by depth.
  const frames: ObjectFrame[] = [];
  let depth = 0;
  const open = (isObject: boolean) => {
    let frame = frames[depth];
    if (frame === undefined) {
      frame = { ranges: [], used: 0, set: undefined, expectKey: false, isObject };
      frames[depth] = frame;
    }
    frame.used = 0;
    frame.set = undefined;
    frame.expectKey = isObject;
    frame.isObject = isObject;
    depth++;
  };
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) {
          escaped = true;
          i += 2;
          continue;
        }
        if (d === 0x22) break;
        i++;
      }
      if (i >= n) return false;
      const top = depth > 0 ? frames[depth - 1]! : undefined;
      if (top !== undefined && top.isObject && top.expectKey) {
        try {
          if (!addKey(top, text, start + 1, i, escaped)) return false;
        } catch {
          // A key JSON.parse cannot read (a bad escape): the careful path reports it.
          return false;
        }
        top.expectKey = false;
      }
      i++;
      continue;
    }
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      i++;
      while (i < n && isNumberChar(text.charCodeAt(i))) i++;
      if (!numberIsExact(text, start, i)) return false;
      continue;
    }
    if (c === 0x7b /* { */) open(true);
    else if (c === 0x5b /* [ */) open(false);
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth = Math.max(0, depth - 1);
    else if (c === 0x2c /* , */) {
      const top = depth > 0 ? frames[depth - 1]! : undefined;
      if (top !== undefined && top.isObject) top.expectKey = true;
    }
    i++;
  }
  return true;
}

function isNumberChar(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || c === 0x2e || c === 0x65 || c === 0x45 || c === 0x2b || c === 0x2d;
}

// Up to 15 significant digits, no exponent and at most 20 characters: a double holds it exactly
// as a decimal. The length bound matters: leading zeros are not significant digits, but enough of
// them (0.000…1) underflow a double to 0. Anything else is checked digit for digit.
function numberIsExact(text: string, start: number, end: number): boolean {
  const slow = () => typeof exactNumberValue(text.slice(start, end)) === 'number';
  if (end - start > 20) return slow();
  let digits = 0;
  let leading = true;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x65 || c === 0x45) return slow();
    if (c >= 0x30 && c <= 0x39) {
      if (leading && c === 0x30) continue;
      leading = false;
      digits++;
    }
  }
  return digits <= 15 || slow();
}
