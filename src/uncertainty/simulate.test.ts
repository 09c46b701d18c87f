import { describe, expect, it } from 'vitest';
import { UnresolvedReferenceError } from '../core/errors.js';
import { Decimal } from '../decimal/decimal.js';
import { propagateAnalytic } from './propagateAnalytic.js';
import { simulate } from './simulate.js';

const D = (v: string) => new Decimal(v);

/**
 * A linear two-step chain: the refinery declares 100 t CO2 and buys 50 MWh at 0.5 t CO2/MWh
 * (IPCC-style ±20 %) for 10 t of alumina; the smelter uses the 10 t of alumina, declares 30 t CO2
 * and buys 40 MWh, for 5 t of metal. Metal = (100 + 25 + 30 + 20) / 5 = 35 t CO2e/t.
 */
function chain(): Record<string, unknown> {
  return {
    smeltprint: 1,
    id: 'uncertain-chain',
    period: { start: '2025-01-01', end: '2025-12-31' },
    gwp: 'AR5',
    factors: [
      { id: 'test/grid', value: '0.5', unit: 't CO2/MWh', category: 'electricity', source: { title: 'test factor' }, uncertainty: { distribution: 'range', percent: '20' } },
    ],
    processes: [
      {
        id: 'refinery',
        outputs: [{ flow: 'alumina', amount: '10', unit: 't' }],
        inputs: [{ flow: 'electricity', amount: '50', unit: 'MWh', factor: 'test/grid' }],
        emissions: [{ gas: 'CO2', amount: '100', unit: 't', category: 'process' }],
      },
      {
        id: 'smelter',
        outputs: [{ flow: 'metal', amount: '5', unit: 't' }],
        inputs: [
          { flow: 'alumina', amount: '10', unit: 't', from: 'refinery' },
          { flow: 'electricity', amount: '40', unit: 'MWh', factor: 'test/grid' },
        ],
        emissions: [{ gas: 'CO2', amount: '30', unit: 't', category: 'process' }],
      },
    ],
  };
}

// The refinery's declared 100 t: normal with sd 10 t (given by path: the schema has no
// uncertainty on declared emissions); the smelter's 30 t: uniform 24..36 t.
const uncertainty = {
  'processes[0].emissions[0]': { distribution: 'normal' as const, sd: D('10') },
  'processes[1].emissions[0]': { distribution: 'uniform' as const, min: D('24'), max: D('36') },
};

const texts = (r: ReturnType<typeof simulate>) => r.products.map((p) => [p.flow, p.mean, p.sd, p.p2_5, p.p50, p.p97_5].map(String));

describe('simulate', () => {
  it('is deterministic: the same seed gives the same numbers on every call', () => {
    const a = simulate(chain(), { runs: 2000, seed: 1, uncertainty });
    const b = simulate(chain(), { runs: 2000, seed: 1, uncertainty });
    expect(texts(a)).toEqual(texts(b));
    expect(texts(simulate(chain(), { runs: 2000, seed: 2, uncertainty }))).not.toEqual(texts(a));
  });

  it('says it used the float backend and which terms it sampled', () => {
    const result = simulate(chain(), { runs: 100, seed: 1, uncertainty });
    expect(result.backend).toBe('float64');
    expect(result.terms.map((t) => [t.id, t.distribution, t.from])).toEqual([
      ['processes[0].emissions[0]', 'normal', 'options'],
      ['processes[1].emissions[0]', 'uniform', 'options'],
      ['test/grid', 'range', 'factor record'],
    ]);
    const metal = result.products.find((p) => p.flow === 'metal')!;
    expect(metal.total.toFixed()).toBe('35');
  });

  it('refuses an uncertainty for something the model does not have', () => {
    expect(() => simulate(chain(), { runs: 10, seed: 1, uncertainty: { 'processes[9].emissions[0]': { distribution: 'range', percent: D('5') } } })).toThrow(
      UnresolvedReferenceError,
    );
  });

  it('agrees with first-order propagation on a linear model within sampling error', () => {
    // metal = (E_ref + 0.5·50·m_grid + E_sm + 0.5·40·m_grid) / 5 with independent terms:
    //   mean = (100 + 25 + 30 + 20)/5 = 35;
    //   var  = (10/5)² + (90 MWh·0.5·(20/196) / 5)² + ((12/√12)/5)²   [grid: 20 % at 95 % → relative
    //   sd 20/196; the metal carries all 50 + 40 MWh of the chain]
    // Linear in the terms, so first-order mean and sd are exact; Monte Carlo's mean has standard
    // error sd/√N and its sd about sd/√(2N) (the total is close to normal). Tolerance: 5 SE.
    const runs = 40_000;
    const mc = simulate(chain(), { runs, seed: 3, uncertainty });
    const analytic = propagateAnalytic(chain(), { uncertainty });
    const expectedSd = Math.sqrt((10 / 5) ** 2 + ((90 * 0.5 * 20) / 196 / 5) ** 2 + (12 / Math.sqrt(12) / 5) ** 2);
    for (const flow of ['metal', 'alumina']) {
      const m = mc.products.find((p) => p.flow === flow)!;
      const a = analytic.products.find((p) => p.flow === flow)!;
      const sd = a.sd.toNumber();
      expect(Math.abs(m.mean.toNumber() - a.mean.toNumber())).toBeLessThan((5 * sd) / Math.sqrt(runs));
      expect(Math.abs(m.sd.toNumber() - sd)).toBeLessThan(5 * sd * Math.sqrt(1 / (2 * runs)));
      // A near-normal total: the 2.5 % and 97.5 % points sit about 1.96 sd from the mean.
      expect(Math.abs(m.p97_5.toNumber() - a.upper.toNumber())).toBeLessThan(0.1 * sd);
      expect(Math.abs(m.p2_5.toNumber() - a.lower.toNumber())).toBeLessThan(0.1 * sd);
    }
    const metal = analytic.products.find((p) => p.flow === 'metal')!;
    expect(metal.mean.toNumber()).toBeCloseTo(35, 9);
    expect(metal.sd.toNumber()).toBeCloseTo(expectedSd, 5);
    expect(analytic.backend).toBe('float64');
  });

  it('samples a factor once per run: its uses move together', () => {
    // Only the grid factor is uncertain: metal's sd is the full (50 + 40) MWh·0.5·(20/196)/5,
    // not the smaller √(25² + 20²)·(20/196)/5 that independent draws per use would give.
    const mc = simulate(chain(), { runs: 20_000, seed: 9 });
    const metal = mc.products.find((p) => p.flow === 'metal')!;
    const correlated = (90 * 0.5 * 20) / 196 / 5;
    expect(Math.abs(metal.sd.toNumber() - correlated)).toBeLessThan(5 * correlated * Math.sqrt(1 / (2 * 20_000)));
  });
});
