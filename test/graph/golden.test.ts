import { describe, expect, it } from 'vitest';
import { SingularSystemError, MissingAllocationError, ModelValidationError, UnitMismatchError } from '../../src/core/errors.js';
import { D, compute, doc, proc, product, total } from '../helpers.js';

// Hand-computed graphs: each expectation shows its arithmetic. GWP AR5 (CF4 6630, IPCC AR5 WG1
// Table 8.A.1) where a non-CO2 gas appears.

describe('chain', () => {
  // a: 5 t CO2 / 10 t = 0.5 t CO2/t
  // b: (2 t CO2 + 8 t a × 0.5) / 4 t = 6 / 4 = 1.5 t CO2/t
  const result = compute(doc([
    proc('make-a', ['a', '10'], '5'),
    proc('make-b', ['b', '4'], '2', [{ flow: 'a', amount: '8', unit: 't', from: 'make-a' }]),
  ]));
  it('propagates upstream burdens per unit', () => {
    expect(total(result, 'a')).toBe('0.5');
    expect(total(result, 'b')).toBe('1.5');
  });
  it('splits by process: b = 0.5 own (2/4) + 1 from make-a (8 × 0.5 / 4)', () => {
    const b = product(result, 'b');
    expect(b.byProcess?.['make-b']?.toFixed()).toBe('0.5');
    expect(b.byProcess?.['make-a']?.toFixed()).toBe('1');
    expect(b.byScope['1'].toFixed()).toBe('1.5');
  });
});

describe('diamond', () => {
  // s: 1/1 = 1; l: 2 × 1 = 2; r: 3 × 1 = 3; t: (2 + 1 × 2 + 1 × 3) / 2 = 3.5
  // by process for t: source (2 + 3)/2 = 2.5, top 2/2 = 1
  const result = compute(doc([
    proc('source', ['s', '1'], '1'),
    proc('left', ['l', '1'], undefined, [{ flow: 's', amount: '2', unit: 't', from: 'source' }]),
    proc('right', ['r', '1'], undefined, [{ flow: 's', amount: '3', unit: 't', from: 'source' }]),
    proc('top', ['t', '2'], '2', [
      { flow: 'l', amount: '1', unit: 't', from: 'left' },
      { flow: 'r', amount: '1', unit: 't', from: 'right' },
    ]),
  ]));
  it('counts the shared source through both paths', () => {
    expect(total(result, 't')).toBe('3.5');
    expect(product(result, 't').byProcess?.['source']?.toFixed()).toBe('2.5');
    expect(product(result, 't').byProcess?.['top']?.toFixed()).toBe('1');
  });
});

describe('two-process loop', () => {
  // p = 10/10 + (2/10) q = 1 + 0.2 q ;  q = 5/5 + (1/5) p = 1 + 0.2 p
  // p = 1 + 0.2 (1 + 0.2 p) → 0.96 p = 1.2 → p = 1.25, and q = 1 + 0.25 = 1.25
  const result = compute(doc([
    proc('p', ['p', '10'], '10', [{ flow: 'q', amount: '2', unit: 't', from: 'q' }]),
    proc('q', ['q', '5'], '5', [{ flow: 'p', amount: '1', unit: 't', from: 'p' }]),
  ]));
  it('solves the loop to working precision', () => {
    // Without per-process cells the loop's one cell is exactly 1.25.
    const plain = compute(doc([
      proc('p', ['p', '10'], '10', [{ flow: 'q', amount: '2', unit: 't', from: 'q' }]),
      proc('q', ['q', '5'], '5', [{ flow: 'p', amount: '1', unit: 't', from: 'p' }]),
    ]), { byProcess: false });
    expect(total(plain, 'p')).toBe('1.25');
    expect(total(plain, 'q')).toBe('1.25');
    // With them, the total is the exact sum of two cells each rounded at 34 significant digits:
    // 1/0.96 → 1.041666666666666666666666666666667 and 0.2/0.96 → 0.2083333333333333333333333333333333
    expect(total(result, 'p')).toBe('1.2500000000000000000000000000000003');
  });
  it('contributions by process add up: p gets 1.25 = p-share + q-share', () => {
    const p = product(result, 'p');
    // Gross outputs per unit of p: x_p = 1/0.96, x_q = 0.2/0.96 → p: 1 × 1/0.96 = 1.041666…, q: 1 × 0.2/0.96 = 0.208333…
    expect(p.byProcess?.['p']?.toDecimalPlaces(20).toFixed()).toBe(D(1).div(0.96).toDecimalPlaces(20).toFixed());
    expect(p.byProcess?.['q']?.toDecimalPlaces(20).toFixed()).toBe(D('0.2').div(0.96).toDecimalPlaces(20).toFixed());
  });
  it('refuses a loop that consumes more than it makes', () => {
    // self-loop: makes 1 t, uses 1.2 t of its own output → (1 − 1.2) f = d has f < 0
    const bad = doc([proc('self', ['x', '1'], '1', [{ flow: 'x', amount: '1.2', unit: 't', from: 'self' }])]);
    expect(() => compute(bad)).toThrow(SingularSystemError);
  });
  it('refuses a loop that consumes exactly what it makes (singular)', () => {
    const bad = doc([proc('self', ['x', '1'], '1', [{ flow: 'x', amount: '1', unit: 't', from: 'self' }])]);
    expect(() => compute(bad)).toThrow(SingularSystemError);
  });
});

describe('multi-output allocation', () => {
  // One process makes 6 t x and 4 t y and emits 10 t CO2.
  const multi = (allocation: unknown, extra: { x?: object; y?: object } = {}) =>
    compute(doc([{
      id: 'm',
      outputs: [
        { flow: 'x', amount: '6', unit: 't', ...extra.x },
        { flow: 'y', amount: '4', unit: 't', ...extra.y },
      ],
      emissions: [{ gas: 'CO2', amount: '10', unit: 't', category: 'process' }],
      allocation,
    }]));
  it('mass: shares 6/10 and 4/10 → 1 t CO2/t each', () => {
    const r = multi('mass');
    expect(total(r, 'x')).toBe('1');
    expect(total(r, 'y')).toBe('1');
  });
  it('economic: 6 × 100 = 600 and 4 × 400 = 1600 CNY → shares 3/11, 8/11', () => {
    const r = multi('economic', { x: { price: '100 CNY/t' }, y: { price: '400 CNY/t' } });
    // x: 10 × 3/11 / 6 = 5/11 ; y: 10 × 8/11 / 4 = 20/11 (to 30 places)
    expect(product(r, 'x').total.toDecimalPlaces(30).toFixed()).toBe(D(5).div(11).toDecimalPlaces(30).toFixed());
    expect(product(r, 'y').total.toDecimalPlaces(30).toFixed()).toBe(D(20).div(11).toDecimalPlaces(30).toFixed());
    expect(product(r, 'x').allocationShare.plus(product(r, 'y').allocationShare).toFixed()).toBe('1');
  });
  it('physical: zinc 0.5 t/t and 0.25 t/t → weights 3 and 1 → x 7.5/6 = 1.25, y 2.5/4 = 0.625', () => {
    const r = multi({ physical: 'zinc' }, { x: { properties: { zinc: '0.5 t/t' } }, y: { properties: { zinc: '0.25 t/t' } } });
    expect(total(r, 'x')).toBe('1.25');
    expect(total(r, 'y')).toBe('0.625');
  });
  it('manual: 0.5 / 0.5 → x 5/6, y 5/4', () => {
    const r = multi({ manual: { x: '0.5', y: '0.5' } });
    expect(product(r, 'x').total.toDecimalPlaces(30).toFixed()).toBe(D(5).div(6).toDecimalPlaces(30).toFixed());
    expect(total(r, 'y')).toBe('1.25');
  });
  it('without an allocation rule it is an error with the path', () => {
    try {
      multi(undefined);
      expect.unreachable();
    } catch (error) {
      expect(error instanceof ModelValidationError || error instanceof MissingAllocationError).toBe(true);
      expect(String((error as Error).message)).toMatch(/allocation/);
    }
  });
});

describe('system expansion', () => {
  it('credits exported steam with a factor: (20 − 100 GJ × 0.1 t/GJ) / 10 t = 1', () => {
    const r = compute(doc([{
      id: 'smelter',
      outputs: [
        { flow: 'metal', amount: '10', unit: 't' },
        { flow: 'steam', amount: '100', unit: 'GJ', substitutes: 'test/steam' },
      ],
      emissions: [{ gas: 'CO2', amount: '20', unit: 't', category: 'process' }],
    }], { factors: [{ id: 'test/steam', value: '0.1', unit: 't CO2/GJ', category: 'heat', source: { title: 'test factor' } }] }));
    expect(total(r, 'metal')).toBe('1');
  });
  it('credits with a process of the model: boiler 4 t / 50 GJ = 0.08; (20 − 100 × 0.08) / 10 = 1.2', () => {
    const r = compute(doc([
      {
        id: 'smelter',
        outputs: [
          { flow: 'metal', amount: '10', unit: 't' },
          { flow: 'steam', amount: '100', unit: 'GJ', substitutes: { from: 'boiler' } },
        ],
        emissions: [{ gas: 'CO2', amount: '20', unit: 't', category: 'process' }],
      },
      proc('boiler', ['boiler-steam', '50', 'GJ'], '4'),
    ]));
    expect(total(r, 'boiler-steam')).toBe('0.08');
    expect(total(r, 'metal')).toBe('1.2');
  });
});

describe('waste sent to treatment', () => {
  // treatment: 2 t CO2 / 4 t treated = 0.5 ; a: (5 + 2 t slag × 0.5) / 10 = 0.6
  const r = compute(doc([
    {
      id: 'smelt',
      outputs: [
        { flow: 'a', amount: '10', unit: 't' },
        { flow: 'slag', amount: '2', unit: 't', waste: true, to: 'slag-treatment' },
      ],
      emissions: [{ gas: 'CO2', amount: '5', unit: 't', category: 'process' }],
    },
    proc('slag-treatment', ['slag-treated', '4'], '2'),
  ]));
  it('adds the treatment burden to the producer', () => {
    expect(total(r, 'a')).toBe('0.6');
  });
  it('a waste without treatment carries nothing', () => {
    const r2 = compute(doc([{
      id: 'smelt',
      outputs: [{ flow: 'a', amount: '10', unit: 't' }, { flow: 'slag', amount: '2', unit: 't', waste: true }],
      emissions: [{ gas: 'CO2', amount: '5', unit: 't', category: 'process' }],
    }]));
    expect(total(r2, 'a')).toBe('0.5');
  });
});

describe('mixed units', () => {
  const factors = [
    { id: 'test/grid', value: '0.5', unit: 't CO2/MWh', category: 'electricity', source: { title: 'test grid' } },
    { id: 'test/gas', value: '2.162', unit: 'kg CO2/Nm3', category: 'fuel-combustion', source: { title: 'test natural gas' } },
  ];
  const r = compute(doc([
    proc('make-a', ['a', '10'], '5'),
    proc('make-b', ['b', '1'], undefined, [
      // 500 kg of a at 0.5 t CO2/t = 0.25 t
      { flow: 'a', amount: '500', unit: 'kg', from: 'make-a' },
      // 1000 kWh = 1 MWh × 0.5 = 0.5 t
      { flow: 'electricity', amount: '1000', unit: 'kWh', factor: 'test/grid' },
      // 0.5 × 10^4 Nm3 = 5000 Nm3 × 2.162 kg = 10810 kg = 10.81 t
      { flow: 'natural-gas', amount: '0.5', unit: '10^4 Nm3', factor: 'test/gas' },
    ]),
  ], { factors }));
  it('converts kg to t, kWh to MWh and 10^4 Nm3 to Nm3 exactly: 0.25 + 0.5 + 10.81 = 11.56', () => {
    expect(total(r, 'b')).toBe('11.56');
    expect(product(r, 'b').byScope['2'].toFixed()).toBe('0.5');
    expect(product(r, 'b').byCategory['fuel-combustion']?.toFixed()).toBe('10.81');
  });
  it('rejects an input whose unit cannot convert to the supplier output', () => {
    const bad = doc([proc('make-a', ['a', '10'], '5'), proc('make-b', ['b', '1'], undefined, [{ flow: 'a', amount: '5', unit: 'MWh', from: 'make-a' }])]);
    expect(() => compute(bad)).toThrow(/MWh|unit/);
  });
  it('rejects a factor whose denominator does not match the input (t × t CO2/MWh)', () => {
    const bad = doc([proc('x', ['x', '1'], undefined, [{ flow: 'coal', amount: '5', unit: 't', factor: 'test/grid' }])], { factors });
    expect(() => compute(bad)).toThrow(UnitMismatchError);
  });
});

describe('gases and GWP sets', () => {
  // 0.001 t CF4 × 6630 (AR5) = 6.63 t CO2e; AR6 7380 → 7.38 (standards.md §0)
  const r = (gwp?: 'AR6') => compute(doc([{ id: 'pot', outputs: [{ flow: 'al', amount: '1', unit: 't' }], emissions: [{ gas: 'CF4', amount: '1', unit: 'kg', category: 'pfc' }] }]), gwp === undefined ? {} : { gwp });
  it('keeps gas masses and characterizes per run', () => {
    expect(total(r(), 'al')).toBe('6.63');
    expect(product(r(), 'al').byGas['CF4']?.mass.toFixed()).toBe('0.001');
    expect(total(r('AR6'), 'al')).toBe('7.38');
  });
});

describe('declared units', () => {
  it('per 1 kg is a thousandth of per 1 t', () => {
    const r = compute(doc([proc('a', ['a', '10'], '5')]), { per: '1 kg' });
    expect(total(r, 'a')).toBe('0.0005');
  });
});

describe('scopes (DESIGN.md)', () => {
  it('declared emissions are scope 1 whatever their category; purchased electricity 2; other factor inputs 3', () => {
    const r = compute(doc([{
      id: 'p',
      outputs: [{ flow: 'x', amount: '1', unit: 't' }],
      inputs: [
        { flow: 'electricity', amount: '2', unit: 'MWh', factor: 't/grid' },
        { flow: 'reagent', amount: '1', unit: 't', factor: 't/reagent' },
      ],
      // 0.001 t SF6 × 23500 (AR5) = 23.5 t CO2e, declared with category "other"
      emissions: [{ gas: 'SF6', amount: '1', unit: 'kg', category: 'other' }],
    }], { factors: [
      { id: 't/grid', value: '0.5', unit: 't CO2/MWh', category: 'electricity', source: { title: 'test' } },
      { id: 't/reagent', value: '0.25', unit: 't CO2e/t', gwp: 'AR5', category: 'materials', source: { title: 'test' } },
    ] }));
    const x = product(r, 'x');
    expect(x.byScope['1'].toFixed()).toBe('23.5');
    expect(x.byScope['2'].toFixed()).toBe('1'); // 2 MWh × 0.5
    expect(x.byScope['3'].toFixed()).toBe('0.25');
  });
});

describe('review regressions', () => {
  it('allocation ties go by flow name, not by document order', () => {
    // weights 1, 3, 3 (mass): shares 1/7, 3/7, 3/7; the rounding residual lands on "b" either way
    const outputs = (order: string[]) =>
      order.map((flow) => ({ flow, amount: flow === 'a' ? '1' : '3', unit: 't' }));
    const run = (order: string[]) =>
      compute(doc([{ id: 'm', outputs: outputs(order), emissions: [{ gas: 'CO2', amount: '7', unit: 't', category: 'process' }], allocation: 'mass' }]));
    const first = run(['a', 'b', 'c']);
    const second = run(['a', 'c', 'b']);
    for (const flow of ['a', 'b', 'c']) expect(total(second, flow)).toBe(total(first, flow));
    expect(product(first, 'b').allocationShare.plus(product(first, 'c').allocationShare).plus(product(first, 'a').allocationShare).toFixed()).toBe('1');
  });
  it('a factor named by id outside its validity is used and warned about', () => {
    const r = compute(doc([proc('p', ['x', '1'], undefined, [{ flow: 'electricity', amount: '2', unit: 'MWh', factor: 'old/grid' }])], {
      factors: [{ id: 'old/grid', value: '0.5', unit: 't CO2/MWh', category: 'electricity', valid: { from: '2020-01-01', to: '2020-12-31' }, source: { title: 'test' } }],
    }));
    expect(total(r, 'x')).toBe('1');
    expect(r.warnings.map((w) => w.code)).toContain('factor_outside_validity');
  });
});
