import fc from 'fast-check';

const GASES = ['CO2', 'CH4', 'N2O', 'CF4', 'C2F6'] as const;
const CATEGORIES = ['fuel-combustion', 'process', 'anode', 'pfc', 'materials'] as const;

/** Decimal text with up to `places` decimals in [min, max]. */
export function decimalText(min: number, max: number, places = 3): fc.Arbitrary<string> {
  const scale = 10 ** places;
  return fc.integer({ min: min * scale, max: max * scale }).map((n) => {
    const sign = n < 0 ? '-' : '';
    const digits = String(Math.abs(n)).padStart(places + 1, '0');
    const text = `${sign}${digits.slice(0, digits.length - places)}.${digits.slice(digits.length - places)}`;
    return text.replace(/\.?0+$/, '') || '0';
  });
}

export interface ModelShape {
  readonly document: Record<string, unknown>;
  readonly products: readonly string[];
}

/**
 * Random model documents: chains and diamonds of processes with declared emissions of several
 * gases, factor-priced inputs, and (with `loops`) back-edges small enough to keep every loop
 * productive (each product uses well under one unit of products per unit made).
 */
export function modelArbitrary(options: { maxProcesses?: number; loops?: boolean } = {}): fc.Arbitrary<ModelShape> {
  const maxProcesses = options.maxProcesses ?? 8;
  return fc.integer({ min: 1, max: maxProcesses }).chain((n) =>
    fc
      .tuple(
        fc.array(decimalText(1, 1000), { minLength: n, maxLength: n }),
        fc.array(
          fc.array(fc.record({ gas: fc.constantFrom(...GASES), amount: decimalText(0, 500), category: fc.constantFrom(...CATEGORIES) }), { maxLength: 3 }),
          { minLength: n, maxLength: n },
        ),
        fc.array(fc.array(fc.record({ target: fc.nat(), amount: decimalText(0, 1) }), { maxLength: 3 }), { minLength: n, maxLength: n }),
        fc.array(fc.option(decimalText(0, 2000), { nil: undefined }), { minLength: n, maxLength: n }),
      )
      .map(([outputs, emissions, links, electricity]) => {
        const processes = outputs.map((amount, i) => {
          const inputs: Record<string, unknown>[] = [];
          const seen = new Set<number>();
          for (const link of links[i]!) {
            // Forward links only point at earlier processes (a DAG) unless loops are allowed.
            const candidates = options.loops === true ? n : i;
            if (candidates === 0) continue;
            const target = link.target % candidates;
            if (seen.has(target)) continue;
            seen.add(target);
            // Per unit: amount/outputs[i] ≤ 1/1 … keep loop gains small: scale by output / (4 n).
            const perUnit = options.loops === true ? `${link.amount}` : link.amount;
            const coefficientAmount = options.loops === true ? scaleDown(perUnit, amount, n) : link.amount;
            inputs.push({ flow: `f${target}`, amount: coefficientAmount, unit: 't', from: `p${target}` });
          }
          const e = electricity[i];
          if (e !== undefined) inputs.push({ flow: 'electricity', amount: e, unit: 'MWh', factor: 'arb/grid' });
          return {
            id: `p${i}`,
            outputs: [{ flow: `f${i}`, amount, unit: 't' }],
            inputs,
            emissions: emissions[i]!.map((em) => ({ gas: em.gas, amount: em.amount, unit: 't', category: em.category })),
          };
        });
        return {
          document: {
            smeltprint: 1,
            id: 'arbitrary',
            period: { start: '2025-01-01', end: '2025-12-31' },
            gwp: 'AR6',
            factors: [{ id: 'arb/grid', value: '0.5703', unit: 't CO2/MWh', category: 'electricity', source: { title: 'arbitrary test factor' } }],
            processes,
          },
          products: outputs.map((_, i) => `f${i}`),
        };
      }),
  );
}

// For loops: input amount = fraction × output / (2n), so every row of the coefficient matrix sums
// to at most 1/2 and the system stays productive.
function scaleDown(fraction: string, output: string, n: number): string {
  const f = Number.parseFloat(fraction);
  const o = Number.parseFloat(output);
  // Only used to pick test inputs; the library itself never sees floats.
  const value = Math.floor(((f * o) / (2 * n)) * 1000) / 1000;
  return value.toFixed(3);
}

/** Fisher–Yates with a fast-check-provided sequence of indices. */
export function shuffle<T>(items: readonly T[], picks: readonly number[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = (picks[i % Math.max(picks.length, 1)] ?? 0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
