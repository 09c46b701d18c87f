import { describe, expect, it } from 'vitest';
import { systemOf } from '../../src/compute/computeFootprints.js';
import { compute, doc, proc } from '../helpers.js';

// Links and item details make their quantity text when it is read (build.ts: StatedLink,
// StatedDetail). Whoever reads them, or writes them as JSON, sees the same fields as before.
describe('quantity texts of links and item details', () => {
  const result = compute(
    doc(
      [
        proc('mine', ['ore', '10'], '5'),
        proc('smelter', ['metal', '4'], '2', [
          { flow: 'ore', amount: '8500', unit: 'kg', from: 'mine' },
          { flow: 'power', amount: '12.5', unit: 'MWh', factor: 'grid' },
        ]),
      ],
      { factors: [{ id: 'grid', value: '0.5703', unit: 't CO2/MWh', category: 'electricity', source: { title: 'test grid factor' } }] },
    ),
  );
  const smelter = systemOf(result)!.processes.find((p) => p.id === 'smelter')!;

  it('gives the quantity as written, unit included', () => {
    expect(smelter.links[0]!.quantity).toBe('8500 kg');
    const priced = smelter.items.find((item) => item.kind === 'factor-input')!;
    expect(priced.detail.quantity).toBe('12.5 MWh');
    const declared = smelter.items.find((item) => item.kind === 'declared')!;
    // A declared emission in plain tonnes is read as tonnes of its gas.
    expect(declared.detail.quantity).toBe('2 t CO2');
  });

  it('writes the same JSON fields, in the same order, as a plain object would', () => {
    const link = smelter.links[0]!;
    expect(JSON.parse(JSON.stringify(link))).toEqual({
      kind: 'input',
      label: 'ore from mine',
      path: ['processes', 1, 'inputs', 0],
      provider: 0,
      // 8500 kg in t, the unit of the ore output
      amount: '8.5',
      quantity: '8500 kg',
    });
    const priced = smelter.items.find((item) => item.kind === 'factor-input')!;
    expect(Object.keys(JSON.parse(JSON.stringify(priced.detail)))).toEqual(['formula', 'quantity', 'factors']);
    expect(JSON.parse(JSON.stringify(priced.detail)).quantity).toBe('12.5 MWh');
  });

  it('shows them in explanations', () => {
    const node = result.explain('metal');
    const quantities = node.children.map((child) => child.quantity);
    expect(quantities).toContain('8500 kg');
  });
});
