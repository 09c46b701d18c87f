import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GwpNotAvailableError, SmeltprintError } from '../../src/core/errors.js';
import { Decimal } from '../../src/decimal/decimal.js';
import { GWP_SETS, gwpOf, toCO2e } from '../../src/gases/gwp.js';
import { GAS_IDS, GWP_SET_IDS, type GasId, type GwpSetId } from '../../src/gases/types.js';

// /work/main/test/gases → /work/shared/reference/gwp (the brief's ../shared/reference from the repo root).
const CSV_PATH = fileURLToPath(new URL('../../../shared/reference/gwp/globalwarmingpotentials.csv', import.meta.url));
const csvPresent = existsSync(CSV_PATH);

/** Hand-typed from shared/reference/formats.md §5.1 (AR4, AR5, AR5 cc-fb, AR6) and standards.md §0 + gwp/README.md (SAR). */
const FORMATS_5_1: Record<GwpSetId, Partial<Record<GasId, string>>> = {
  SAR: { CO2: '1', 'CO2-biogenic': '1', CH4: '21', 'CH4-non-fossil': '21', N2O: '310', CF4: '6500', C2F6: '9200', SF6: '23900' },
  AR4: { CO2: '1', 'CO2-biogenic': '1', CH4: '25', 'CH4-non-fossil': '25', N2O: '298', CF4: '7390', C2F6: '12200', SF6: '22800', NF3: '17200' },
  AR5: { CO2: '1', 'CO2-biogenic': '1', CH4: '30', 'CH4-non-fossil': '28', N2O: '265', CF4: '6630', C2F6: '11100', SF6: '23500', NF3: '16100' },
  'AR5-feedback': { CO2: '1', 'CO2-biogenic': '1', CH4: '36', 'CH4-non-fossil': '34', N2O: '298', CF4: '7349', C2F6: '12340', SF6: '26087', NF3: '17885' },
  AR6: { CO2: '1', 'CO2-biogenic': '1', CH4: '29.8', 'CH4-non-fossil': '27.0', N2O: '273', CF4: '7380', C2F6: '12400', SF6: '25200', NF3: '17400' },
};

const CSV_COLUMN: Record<GwpSetId, string> = {
  SAR: 'SARGWP100', AR4: 'AR4GWP100', AR5: 'AR5GWP100', 'AR5-feedback': 'AR5CCFGWP100', AR6: 'AR6GWP100',
};

function readCsv(): Map<string, Map<string, string>> {
  const lines = readFileSync(CSV_PATH, 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  const [header, ...rows] = lines;
  const columns = (header ?? '').split(',');
  const table = new Map<string, Map<string, string>>();
  for (const row of rows) {
    const cells = row.split(',');
    table.set(cells[0] ?? '', new Map(columns.map((c, i) => [c, cells[i] ?? ''])));
  }
  return table;
}

describe('GWP sets', () => {
  it('has a set for every GwpSetId, each citing its report and table', () => {
    for (const id of GWP_SET_IDS) {
      const set = GWP_SETS[id];
      expect(set.id).toBe(id);
      expect(set.source.report).toMatch(/IPCC/);
      expect(set.source.table.length).toBeGreaterThan(0);
      expect(Object.isFrozen(set)).toBe(true);
      expect(Object.isFrozen(set.values)).toBe(true);
    }
  });

  it('matches the values hand-typed from formats.md §5.1 for every gas', () => {
    for (const set of GWP_SET_IDS) {
      for (const gas of GAS_IDS) {
        const expected = FORMATS_5_1[set][gas];
        if (expected === undefined) {
          expect(() => gwpOf(set, gas), `${set} ${gas}`).toThrow(GwpNotAvailableError);
        } else {
          expect(gwpOf(set, gas).eq(new Decimal(expected)), `${set} ${gas}`).toBe(true);
        }
      }
    }
  });

  it('NF3 is not available in the SAR: a typed error with a stable code, never zero', () => {
    let caught: unknown;
    try { gwpOf('SAR', 'NF3'); } catch (e) { caught = e; }
    expect(caught).toBeInstanceOf(SmeltprintError);
    expect((caught as GwpNotAvailableError).code).toBe('gwp_not_available');
    expect((caught as GwpNotAvailableError).message).toMatch(/NF3/);
  });

  it('CO2 and biogenic CO2 are 1 in every set (GWP of the reference gas)', () => {
    for (const set of GWP_SET_IDS) {
      expect(gwpOf(set, 'CO2').toFixed()).toBe('1');
      expect(gwpOf(set, 'CO2-biogenic').toFixed()).toBe('1');
    }
  });

  it('toCO2e multiplies exactly', () => {
    // 2 t CF4 × 6630 (AR5) = 13260 t CO2e
    expect(toCO2e('CF4', new Decimal('2'), 'AR5').toFixed()).toBe('13260');
    // 0.123 t CH4 (fossil) × 29.8 (AR6 Table 7.15) = 3.6654 t CO2e
    expect(toCO2e('CH4', new Decimal('0.123'), 'AR6').toFixed()).toBe('3.6654');
    // 0.05 t C2F6 × 9200 (SAR) = 460 t CO2e
    expect(toCO2e('C2F6', new Decimal('0.05'), 'SAR').toFixed()).toBe('460');
    expect(() => toCO2e('NF3', new Decimal('1'), 'SAR')).toThrow(GwpNotAvailableError);
  });

  describe.skipIf(!csvPresent)(`against ${CSV_PATH}`, () => {
    const csv = csvPresent ? readCsv() : new Map<string, Map<string, string>>();

    it('agrees with the CSV for N2O, CF4, C2F6, SF6 and NF3 in every set (an empty cell means not available)', () => {
      for (const set of GWP_SET_IDS) {
        for (const gas of ['N2O', 'CF4', 'C2F6', 'SF6', 'NF3'] as const) {
          const cell = csv.get(gas)?.get(CSV_COLUMN[set]);
          expect(cell, `${gas} row, ${CSV_COLUMN[set]}`).toBeDefined();
          if (cell === '') expect(() => gwpOf(set, gas)).toThrow(GwpNotAvailableError);
          else expect(gwpOf(set, gas).eq(new Decimal(cell ?? 'NaN')), `${set} ${gas}`).toBe(true);
        }
      }
    });

    it('agrees with the single CH4 row where the report has no fossil split (SAR, AR4) and for non-fossil CH4 in AR5', () => {
      const ch4 = csv.get('CH4');
      for (const set of ['SAR', 'AR4'] as const) {
        expect(gwpOf(set, 'CH4').eq(new Decimal(ch4?.get(CSV_COLUMN[set]) ?? 'NaN'))).toBe(true);
      }
      for (const set of ['SAR', 'AR4', 'AR5', 'AR5-feedback'] as const) {
        expect(gwpOf(set, 'CH4-non-fossil').eq(new Decimal(ch4?.get(CSV_COLUMN[set]) ?? 'NaN')), set).toBe(true);
      }
      // Fossil methane adds 2 for its oxidation to CO2 (formats.md §5.1): AR5 28 + 2 = 30, with feedbacks 34 + 2 = 36.
      expect(gwpOf('AR5', 'CH4').eq(new Decimal(ch4?.get('AR5GWP100') ?? 'NaN').plus(2))).toBe(true);
      expect(gwpOf('AR5-feedback', 'CH4').eq(new Decimal(ch4?.get('AR5CCFGWP100') ?? 'NaN').plus(2))).toBe(true);
    });

    it('AR6 CH4 deliberately differs from the CSV: the CSV has Table 7.SM.7 27.9, the set uses Table 7.15 29.8 / 27.0', () => {
      expect(csv.get('CH4')?.get('AR6GWP100')).toBe('27.9');
      expect(gwpOf('AR6', 'CH4').toFixed()).toBe('29.8');
      expect(gwpOf('AR6', 'CH4-non-fossil').toFixed()).toBe('27');
      expect(GWP_SETS.AR6.valueSources.CH4).toMatch(/7\.15/);
    });

    it('the CSV has no CO2 row (GWP 1 by definition)', () => {
      expect(csv.has('CO2')).toBe(false);
    });
  });
});
