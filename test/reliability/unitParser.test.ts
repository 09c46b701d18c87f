// Hostile unit and quantity text is refused with the library's own error types. How fast each is
// refused is measured by `npm run fuzz` (timings do not belong in unit tests on shared machines).
import { describe, expect, it } from 'vitest';
import { SmeltprintError, UnitParseError } from '../../src/core/errors.js';
import { parseQuantity } from '../../src/quantity/index.js';
import { parseUnit } from '../../src/units/index.js';
import { LONG_QUANTITIES, LONG_UNITS } from '../fuzz/longStrings.js';

describe('100 kB unit text', () => {
  it.each(Object.entries(LONG_UNITS))('%s is a UnitParseError', (_, text) => {
    expect(text.length).toBeGreaterThanOrEqual(99_000);
    expect(() => parseUnit(text)).toThrow(UnitParseError);
  });
});

describe('100 kB quantity text', () => {
  it.each(Object.entries(LONG_QUANTITIES))('%s is refused as a bad number or unit', (_, text) => {
    expect(text.length).toBeGreaterThanOrEqual(100_000);
    let caught: unknown;
    try {
      parseQuantity(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SmeltprintError);
    expect(['invalid_number', 'unit_parse']).toContain((caught as SmeltprintError).code);
  });
});
