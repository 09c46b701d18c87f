import { UnitParseError } from '../core/errors.js';
import { ATOMIC_UNITS } from './registry.js';

/**
 * One lexical piece of a unit expression; `position` is its 0-based offset in the text.
 *
 * @example
 * const token: UnitToken = { kind: 'scale', exponent: 4, position: 0 }; // `10^4`
 */
export type UnitToken =
  | { readonly kind: 'word'; readonly text: string; readonly position: number }
  | { readonly kind: 'scale'; readonly exponent: number; readonly position: number }
  | { readonly kind: 'times' | 'divide' | 'open' | 'close'; readonly position: number };

/**
 * Longest unit text accepted; checked before anything else so hostile input costs nothing.
 *
 * @example
 * parseUnit('t*'.repeat(200)) // throws UnitParseError: longer than 200 characters
 */
export const MAX_UNIT_TEXT_LENGTH = 200;

/**
 * Largest |n| in a `10^n` prefix; beyond it no real unit goes and decimals would only grow.
 *
 * @example
 * parseUnit('10^31 t') // throws UnitParseError
 */
export const MAX_SCALE_EXPONENT = 30;

// Atomic names that contain an operator character; matched whole before splitting on `/`.
const SLASHED_ATOMS: readonly string[] = Object.keys(ATOMIC_UNITS).filter((name) => name.includes('/'));

const SCALE_PREFIX = '10^';

function isWordChar(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    char === '-' || char === '_' || char === '%' || char === '³'
  );
}

function isDigit(char: string | undefined): boolean {
  return char !== undefined && char >= '0' && char <= '9';
}

/**
 * Splits unit text into tokens in one left-to-right pass (linear time, no regular expressions).
 * Whitespace separates words and is otherwise ignored.
 *
 * @example
 * tokenizeUnit('t CO2/MWh').map((t) => t.kind) // ['word', 'word', 'divide', 'word']
 */
export function tokenizeUnit(text: string): UnitToken[] {
  if (text.length > MAX_UNIT_TEXT_LENGTH) {
    throw new UnitParseError(`unit text is longer than ${MAX_UNIT_TEXT_LENGTH} characters`);
  }
  const tokens: UnitToken[] = [];
  let position = 0;
  while (position < text.length) {
    const char = text.charAt(position);
    if (char === ' ' || char === '\t') {
      position += 1;
      continue;
    }
    if (char === '*' || char === '·' || char === '⋅') {
      tokens.push({ kind: 'times', position });
      position += 1;
      continue;
    }
    if (char === '/') {
      tokens.push({ kind: 'divide', position });
      position += 1;
      continue;
    }
    if (char === '(' || char === ')') {
      tokens.push({ kind: char === '(' ? 'open' : 'close', position });
      position += 1;
      continue;
    }
    const slashed = SLASHED_ATOMS.find(
      (name) => text.startsWith(name, position) && !isWordChar(text.charAt(position + name.length) || ' '),
    );
    if (slashed !== undefined) {
      tokens.push({ kind: 'word', text: slashed, position });
      position += slashed.length;
      continue;
    }
    if (text.startsWith(SCALE_PREFIX, position)) {
      const start = position;
      position += SCALE_PREFIX.length;
      let negative = false;
      if (text.charAt(position) === '-' || text.charAt(position) === '+') {
        negative = text.charAt(position) === '-';
        position += 1;
      }
      const digitsStart = position;
      while (isDigit(text.charAt(position)) && position - digitsStart < 3) position += 1;
      if (position === digitsStart || isDigit(text.charAt(position))) {
        throw new UnitParseError(
          `expected a whole-number exponent of at most ${MAX_SCALE_EXPONENT} after "10^" at position ${start + 1} in "${text}"`,
        );
      }
      const magnitude = Number(text.slice(digitsStart, position));
      if (magnitude > MAX_SCALE_EXPONENT) {
        throw new UnitParseError(`the exponent in "${text.slice(start, position)}" is larger than ${MAX_SCALE_EXPONENT}`);
      }
      tokens.push({ kind: 'scale', exponent: negative && magnitude !== 0 ? -magnitude : magnitude, position: start });
      continue;
    }
    if (isWordChar(char)) {
      const start = position;
      while (position < text.length && isWordChar(text.charAt(position))) position += 1;
      tokens.push({ kind: 'word', text: text.slice(start, position), position: start });
      continue;
    }
    throw new UnitParseError(`unexpected character "${char}" at position ${position + 1} in "${text}"`);
  }
  return tokens;
}
