// 100 kB unit and quantity strings shaped to trip backtracking parsers: long runs of one token,
// unbalanced and deeply nested parentheses, exponent chains, digits without end.
const SIZE = 100_000;

function fill(piece: string, size = SIZE): string {
  return piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
}

/** Unit text of about 100 kB each, by name. */
export const LONG_UNITS: Readonly<Record<string, string>> = {
  'one letter': fill('t'),
  'spaces between units': fill('t '),
  'divisions': `${fill('t/', SIZE - 1)}t`,
  'products': `${fill('kg*', SIZE - 2)}kg`,
  'exponent chain': fill('t^2'),
  'open parentheses': fill('('),
  'balanced nesting': `${fill('(t/', SIZE / 2)}t${fill(')', SIZE / 2)}`,
  'power-of-ten digits': `10^${fill('9', SIZE - 3)}`,
  'gas names': `t ${fill('CO2 ', SIZE - 2)}`,
  'real unit repeated': fill('(kg CF4/t)/(AE-min/cell-day)'),
  'unicode': fill('µ'),
  'whitespace': fill(' '),
};

/** Quantity text of about 100 kB each, by name. */
export const LONG_QUANTITIES: Readonly<Record<string, string>> = {
  'integer digits': `${fill('1')} t`,
  'fraction digits': `0.${fill('1')} t`,
  'exponent digits': `1e${fill('9')} t`,
  'long unit': `1 ${fill('t')}`,
  'spaces before the unit': `1${fill(' ')}t`,
  'signs': `${fill('-')}1 t`,
  'dots': `${fill('.')} t`,
};
