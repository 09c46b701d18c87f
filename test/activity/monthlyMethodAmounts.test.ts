import { describe, expect, it } from 'vitest';
import { ModelValidationError } from '../../src/core/errors.js';
import { monthlyFootprints } from '../../src/activity/monthlyFootprints.js';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { aluminiumSmelterDocument } from '../../src/demo/index.js';

// A quarter (2025-01-01..2025-03-31: 31 + 28 + 31 = 90 days) of a plant burning 1200 t of coal
// for 100 t of product. generic/fuel-combustion: 1200 t × 20 GJ/t × 25 t C/TJ × 100 % × 44/12
// = 1200 × 0.02 TJ × 25 × 44/12 = 2200 t CO2, i.e. 22 t CO2 per t in every month when the coal
// and the output are both divided by days.
const quarter = (withValues: Record<string, unknown>) => ({
  smeltprint: 1,
  id: 'coal',
  period: { start: '2025-01-01', end: '2025-03-31' },
  gwp: 'AR5',
  processes: [
    {
      id: 'p',
      outputs: [{ flow: 'metal', amount: '100', unit: 't' }],
      emissions: [{ method: 'generic/fuel-combustion', with: { ncv: '20 GJ/t', carbonContent: '25 t C/TJ', oxidation: '100 %', ...withValues } }],
    },
  ],
});

describe('monthlyFootprints of method amounts (`with`)', () => {
  it('divides a fuel amount by days like the output, so each month keeps the period footprint', () => {
    const monthly = monthlyFootprints(quarter({ amount: '1200 t' }), undefined);
    // Before the fix each month burnt all 1200 t: January 2200 / (100 × 31/90) ≈ 63.9 t CO2 per t.
    for (const month of monthly.months) expect(month.products[0]!.perUnit!.toFixed(20)).toBe('22.00000000000000000000');
    const total = monthly.total.products[0]!;
    expect(total.emissions.toFixed(20)).toBe('2200.00000000000000000000');
    expect(total.production.toFixed()).toBe('100');
    expect(monthly.split.proRataByDays).toContain('processes[0].emissions[0].with.amount');
  });

  it('reads a bare number in the parameter’s unit and divides it the same way', () => {
    const monthly = monthlyFootprints(quarter({ amount: 1200 }), undefined);
    expect(monthly.months.map((m) => m.products[0]!.perUnit!.toFixed(20))).toEqual(Array(3).fill('22.00000000000000000000'));
  });

  it('divides the amounts inside a list parameter (a carbon balance), not the carbon contents', () => {
    // (1000 t × 85 % − 5000 t × 0.5 %) × 44/12 = 825 × 44/12 = 3025 t CO2 for 100 t (the method's TSDoc example): 30.25 per t.
    const document = {
      ...quarter({}),
      processes: [
        {
          id: 'p',
          outputs: [{ flow: 'metal', amount: '100', unit: 't' }],
          emissions: [
            {
              method: 'carbon-mass-balance',
              with: { inputs: [{ material: 'coke', amount: '1000 t', carbon: '85 %' }], outputs: [{ material: 'slag', amount: '5000 t', carbon: '0.5 %' }] },
            },
          ],
        },
      ],
    };
    const monthly = monthlyFootprints(document, undefined);
    for (const month of monthly.months) expect(month.products[0]!.perUnit!.toFixed(20)).toBe('30.25000000000000000000');
    expect(monthly.split.proRataByDays).toEqual(
      expect.arrayContaining(['processes[0].emissions[0].with.inputs[0].amount', 'processes[0].emissions[0].with.outputs[0].amount']),
    );
  });

  it('keeps the example smelter’s months at its annual footprint (all its amounts divided by days)', () => {
    const document = aluminiumSmelterDocument();
    const annual = computeFootprints(document).products.find((p) => p.flow === 'aluminium-ingot')!.total;
    const monthly = monthlyFootprints(document, undefined);
    // Every amount of a month is the year's × days / 365, so per-unit footprints are the year's up to
    // last-digit rounding; intensities (0.42 t C/t, AE-min/cell-day) are not divided.
    for (const month of monthly.months) {
      expect(month.products.find((p) => p.flow === 'aluminium-ingot')!.perUnit!.toFixed(20)).toBe(annual.toFixed(20));
    }
    expect(monthly.split.proRataByDays).toContain('processes[2].emissions[0].with.greenAnodes');
    expect(monthly.split.proRataByDays.some((key) => key.endsWith('netAnodeConsumption') || key.endsWith('anodeEffectMinutes'))).toBe(false);
  });
});

describe('monthlyFootprints refuses a period it cannot divide', () => {
  const base = quarter({ amount: '1200 t' });
  it.each([
    [{ start: '2025-03-31', end: '2025-01-01' }, /ends \(2025-01-01\) before it starts/],
    [{ start: '2025-02-30', end: '2025-03-31' }, /"2025-02-30" is not a calendar date/],
    [{ start: 'x', end: 'y' }, /"x" is not a calendar date/],
  ])('the period option %j (it gave no month at all, an empty result)', (period, message) => {
    expect(() => monthlyFootprints(base, undefined, { period })).toThrow(expect.objectContaining({ code: 'period_invalid', name: 'PeriodError', message: expect.stringMatching(message) }));
  });

  it('the document’s own period, with its path', () => {
    const reversed = { ...base, period: { start: '2025-03-31', end: '2025-01-01' } };
    expect(() => monthlyFootprints(reversed, undefined)).toThrow(expect.objectContaining({ code: 'period_invalid', path: ['period'] }));
  });
});

describe('monthlyFootprints of what is not a model document', () => {
  it.each([
    [null, []],
    [{ smeltprint: 1 }, ['processes']],
  ])('%j is a ModelValidationError with its issues and paths', (document, path) => {
    let error: unknown;
    try {
      monthlyFootprints(document, undefined);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ModelValidationError);
    expect((error as ModelValidationError).issues.map((i) => i.path)).toEqual([path]);
  });
});
