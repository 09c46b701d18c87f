import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { smelterChainDocument } from '../../bench/generate.js';
import { computeFootprints, systemOf } from '../../src/compute/computeFootprints.js';
import { Decimal, ZERO } from '../../src/decimal/decimal.js';
import { POOLED_MIN_PRODUCTS, solveSystem, sweepLayoutOf, withSweepLayout, type Solution } from '../../src/graph/solve.js';
import type { System } from '../../src/graph/system.js';
import { AcyclicSweep } from '../../src/graph/sweep.js';
import { newWordPool } from '../../src/decimal/wasmPool.js';
import { forEachCell, oneCellVector } from '../../src/graph/vector.js';
import { modelArbitrary } from '../arbitraries/models.js';
import { doc, proc } from '../helpers.js';

/** decimal.js's own representation: the paths must give the very same Decimals. */
function parts(x: Decimal): string {
  const { s, e, d } = x as unknown as { s: number; e: number; d: number[] };
  return `${s}|${e}|${d.join(',')}`;
}

/** Every footprint cell in order, with whether its CO2e is its mass (one Decimal for both). */
function cells(solution: Solution): string[][] {
  return solution.footprints.map((vector) => {
    const out: string[] = [];
    forEachCell(vector, (mass, co2e, key) => out.push(`${key}:${parts(mass)}:${co2e === mass ? '=' : parts(co2e)}`));
    return out;
  });
}

function equations(solution: Solution): string[] {
  return solution.equations.map((eq) => `${parts(eq.perUnit)} ${eq.links.map((l) => `${l.provider}×${parts(l.coefficient)}`).join(' ')}`);
}

function expectSamePaths(system: System): Solution {
  const reference = solveSystem(system, { acyclic: 'decimal' });
  // Three pooled solves: prepared in the solve (a copy of the system carries no layout), and
  // twice from a layout made at compile (`withSweepLayout`): a solve loads it and leaves it as it
  // was, whatever it adopts (loops, Decimal-path products, keys of their own).
  const laidOut = withSweepLayout({ ...system }, 0);
  expect(sweepLayoutOf({ ...system })).toBeUndefined();
  const pooled = solveSystem({ ...system }, { acyclic: 'pooled' });
  for (const loaded of [solveSystem(laidOut, { acyclic: 'pooled' }), solveSystem(laidOut, { acyclic: 'pooled' })]) {
    expect(cells(loaded)).toEqual(cells(reference));
    expect(equations(loaded)).toEqual(equations(reference));
  }
  expect(cells(pooled)).toEqual(cells(reference));
  expect(equations(pooled)).toEqual(equations(reference));
  // The same shape too: own enumerable links and perUnit, nothing else (a spread, JSON).
  expect(pooled.equations.map((eq) => Object.keys(eq))).toEqual(reference.equations.map((eq) => Object.keys(eq)));
  expect(pooled.equations.map((eq) => JSON.stringify({ ...eq }))).toEqual(reference.equations.map((eq) => JSON.stringify({ ...eq })));
  expect(pooled.loops).toEqual(reference.loops);
  // The pooled solution makes its equations when first read: an own enumerable property in the
  // same place, one frozen array from then on.
  expect(Object.keys(pooled)).toEqual(Object.keys(reference));
  expect(Object.isFrozen(pooled) && Object.isFrozen(pooled.equations)).toBe(true);
  expect(pooled.equations).toBe(pooled.equations);
  return reference;
}

const systemFor = (document: unknown, byProcess = false) => systemOf(computeFootprints(document, { byProcess }))!;

describe('acyclic sweep on the word pool against the Decimal path', () => {
  it('gives the same cells, keys, key order and Decimals on random models, with and without loops', () => {
    fc.assert(
      fc.property(modelArbitrary({ loops: true, maxProcesses: 12 }), fc.boolean(), ({ document }, byProcess) => {
        expectSamePaths(systemFor(document, byProcess));
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same footprints on a generated smelter chain with co-products and loops', () => {
    const reference = expectSamePaths(systemFor(smelterChainDocument({ processes: 300, loopSize: 5, seed: 7 })));
    expect(reference.loops.length).toBeGreaterThan(0);
  });

  it('compiles a system of POOLED_MIN_PRODUCTS products or more with its sweep layout, for that system only', () => {
    const small = systemFor(smelterChainDocument({ processes: 10 }));
    const large = systemFor(smelterChainDocument({ processes: 300, loopSize: 5, seed: 7 }));
    expect(small.products.length).toBeLessThan(POOLED_MIN_PRODUCTS);
    expect(sweepLayoutOf(small)).toBeUndefined();
    const layout = sweepLayoutOf(large)!;
    expect(layout.products).toBe(large.products);
    // Not enumerable: JSON, spreads and keys of the system are as before.
    expect(Object.keys(large)).toEqual(['processes', 'products', 'productByFlow', 'trackOrigins']);
    // A layout is refused by another system's sweep, which prepares its own.
    const pool = newWordPool(Decimal, ZERO)!;
    expect(new AcyclicSweep({ ...large, products: [...large.products] }, pool).load(layout)).toBe(false);
    expect(new AcyclicSweep(large, newWordPool(Decimal, ZERO)!).load(layout)).toBe(true);
    // And a frozen or sealed system gets none (it cannot take one); a second call keeps the first.
    expect(sweepLayoutOf(withSweepLayout(Object.freeze({ ...large }), 0))).toBeUndefined();
    expect(sweepLayoutOf(withSweepLayout(Object.seal({ ...large }), 0))).toBeUndefined();
    const once = withSweepLayout({ ...large }, 0);
    const first = sweepLayoutOf(once);
    expect(sweepLayoutOf(withSweepLayout(once, 0))).toBe(first);
  });

  it('compiles links and items frozen, so the layout cannot fall behind a change in place (review)', () => {
    // The layout holds the links' and items' numbers as compile left them: a write to a compiled
    // link or item (readonly in the types only, before) would have gone unseen by the pooled solve.
    const system = systemFor(smelterChainDocument({ processes: 150, seed: 3 }));
    const process = system.processes.find((p) => p.links.length > 0 && p.items.length > 0)!;
    const link = process.links[0]! as { amount: Decimal; provider: number };
    const item = process.items[0]! as { vector: unknown };
    expect(() => {
      link.amount = link.amount.times(2);
    }).toThrow(TypeError);
    expect(() => {
      link.provider = 0;
    }).toThrow(TypeError);
    expect(() => {
      item.vector = oneCellVector('x', { mass: new Decimal(1), co2e: new Decimal(1) });
    }).toThrow(TypeError);
    expect(Object.isFrozen(process.links) && Object.isFrozen(process.items)).toBe(true);
  });

  it('gives the same footprints with a key for every process of origin (keys and terms past the first lists of the sweep)', () => {
    // By process: each product carries a key for every process upstream of it, so the sweep's
    // key slots and term lists grow many times over in one solve, between runs cut by loops.
    const system = systemFor(smelterChainDocument({ processes: 400, loopSize: 7, seed: 11 }), true);
    const reference = expectSamePaths(system);
    const widest = Math.max(...reference.footprints.map((vector) => vector.size));
    expect(widest).toBeGreaterThan(500);
    expect(reference.loops.length).toBeGreaterThan(0);
  });

  it('takes the Decimal path for products of footprint cells too long for the pool (review)', () => {
    // Two chains from one source, one scaled by 1e24 and 1e-30 by turns, the other the other
    // way: their sum in `f` keeps both ends of the source's cell, 83 words of seven digits, and
    // `g` and `h` multiply it. The pool multiplies operands of up to 40 words: those products
    // take the Decimal path (before, pool.c wrote past its product buffer and got them right
    // only by where the linker happened to put it).
    const steps = 5;
    const processes: unknown[] = [proc('s', ['s', '3'], '1')];
    for (let i = 1; i <= steps; i++) {
      const b = i === 1 ? 's' : `b${i - 1}`;
      const t = i === 1 ? 's' : `t${i - 1}`;
      processes.push(proc(`b${i}`, [`b${i}`, '1e-30'], undefined, [{ flow: b, amount: '1e24', unit: 't', from: b }]));
      processes.push(proc(`t${i}`, [`t${i}`, '1e24'], undefined, [{ flow: t, amount: '1e-30', unit: 't', from: t }]));
    }
    processes.push(
      proc('f', ['f', '1'], undefined, [
        { flow: `b${steps}`, amount: '1', unit: 't', from: `b${steps}` },
        { flow: `t${steps}`, amount: '7', unit: 't', from: `t${steps}` },
      ]),
      proc('g', ['g', '3'], undefined, [{ flow: 'f', amount: '1', unit: 't', from: 'f' }]),
      proc('h', ['h', '1'], '1', [
        { flow: 'f', amount: '1', unit: 't', from: 'f' },
        { flow: 'g', amount: '1', unit: 't', from: 'g' },
      ]),
    );
    const system = systemFor(doc(processes));
    const reference = expectSamePaths(system);
    let words = 0;
    forEachCell(reference.footprints[system.productByFlow.get('f')!]!, (mass) => {
      words = Math.max(words, (mass as unknown as { d: number[] }).d.length);
    });
    expect(words).toBeGreaterThan(40);
  });

  it('keeps the sign of a zero coefficient as decimal.js does (a substitution link of a zero share)', () => {
    // y gets a share of 0: its per-unit factor is 0 / 4 = 0, and the avoided steam's coefficient
    // −100 × 0 is −0 in decimal.js. The pool has one zero; the equations make these as the
    // Decimal path does.
    const system = systemFor(
      doc([
        {
          id: 'm',
          outputs: [
            { flow: 'x', amount: '6', unit: 't' },
            { flow: 'y', amount: '4', unit: 't' },
            { flow: 'steam', amount: '100', unit: 'GJ', substitutes: { from: 'boiler' } },
          ],
          emissions: [{ gas: 'CO2', amount: '10', unit: 't', category: 'process' }],
          allocation: { manual: { x: '1', y: '0' } },
        },
        proc('boiler', ['boiler-steam', '50', 'GJ'], '4'),
      ]),
    );
    const reference = expectSamePaths(system);
    const y = reference.equations[system.productByFlow.get('y')!]!;
    expect(y.links[0]!.coefficient.isZero() && y.links[0]!.coefficient.isNeg()).toBe(true);
  });

  it('keeps a cell of two different zero Decimals unshared, as the Decimal path does (review)', () => {
    // A System built by hand: one item's cell is shared (its CO2e is its mass), the other's is
    // two zeros that are different Decimals. Both zeros have the pool's one zero reference; the
    // Decimal path compares the Decimals, so the key's CO2e is a sum of its own. The pool leaves
    // such items to the Decimal path.
    const base = systemFor(doc([proc('a', ['a', '1'], '5'), proc('b', ['b', '2'], '1', [{ flow: 'a', amount: '1', unit: 't', from: 'a' }])]));
    const [first] = base.processes[0]!.items;
    const zeros = { ...first!, vector: oneCellVector([...first!.vector.keys()][0]!, { mass: ZERO, co2e: new Decimal(0) }) };
    const processes = base.processes.map((process, i) => (i === 0 ? { ...process, items: [...process.items, zeros] } : process));
    const reference = expectSamePaths({ ...base, processes });
    forEachCell(reference.footprints[0]!, (mass, co2e) => expect(co2e).not.toBe(mass));
  });

  it('takes the Decimal path for a per-unit factor whose share the pool does not take', () => {
    // A System built by hand (documents round shares to 34 places): a share of 299 digits.
    const Long = DecimalJs.clone({ precision: 400 });
    const base = systemFor(doc([proc('a', ['a', '3'], '5'), proc('b', ['b', '2'], '1', [{ flow: 'a', amount: '1', unit: 't', from: 'a' }])]));
    const share = new Long(`0.${'3'.repeat(299)}`) as unknown as Decimal;
    const system: System = { ...base, products: base.products.map((product, i) => (i === 0 ? { ...product, share } : product)) };
    const reference = expectSamePaths(system);
    expect(reference.equations[0]!.perUnit.isZero()).toBe(false);
  });

  it('takes the Decimal path for what the pool leaves to decimal.js, with the same numbers', () => {
    // 1e24 t and 1e-30 t of CO2 per run in one sum: 54 digits apart are still pooled; amounts
    // with more than nine significant digits divide by decimal.js; 40-digit shares of a
    // co-product split exercise long operands.
    const processes = [
      proc('big', ['b', '1'], '1e24'),
      proc('tiny', ['t', '3'], '1e-30'),
      proc('mix', ['m', '1234567.891'], '7', [
        { flow: 'b', amount: '1e-20', unit: 't', from: 'big' },
        { flow: 't', amount: '1e10', unit: 't', from: 'tiny' },
      ]),
      proc('far', ['f', '1'], '0', [
        { flow: 'b', amount: '1e20', unit: 't', from: 'big' },
        { flow: 't', amount: '1e-20', unit: 't', from: 'tiny' },
      ]),
    ];
    const reference = expectSamePaths(systemFor(doc(processes)));
    // far: 1e20 × 1e24 = 1e44 t and 1e-20 × 1e-30/3 ≈ 3.3e-51 t: 95 digits apart, exact.
    const far = reference.footprints[3]!;
    let text = '';
    forEachCell(far, (_mass, co2e) => {
      text = co2e.toFixed();
    });
    expect(text).toBe(`1${'0'.repeat(44)}.${'0'.repeat(50)}${'3'.repeat(34)}`);
  });
});
