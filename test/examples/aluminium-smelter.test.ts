import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { Decimal, sum } from '../../src/decimal/decimal.js';
import { toFixedString } from '../../src/decimal/rounding.js';
import { ALUMINIUM_SMELTER_YAML } from '../../src/demo/aluminiumSmelter.js';
import type { ExplainNode } from '../../src/graph/explain.js';
import type { ProductFootprint } from '../../src/graph/results.js';
import { parseModelText } from '../../src/io/index.js';

// The smelter of examples/aluminium-smelter.yaml, computed, with its total and every breakdown
// checked against hand arithmetic from the figures in the file (each figure's source is in its
// YAML comment; the method formulas and defaults are those of standards.md §1–§2).
//
// Why annual totals: the casthouse remelts its own scrap (a loop) and shares its burden between
// ingot and scrap by mass, so the scrap's burden flows back into the casthouse and the ingot ends
// up carrying every tonne of CO2e the plant emits. Hence
//   footprint per t ingot = (annual plant emissions) / 397600 t ingot,
// and each contribution per t ingot is its annual amount / 397600. The tests multiply the
// engine's per-tonne values back by 397600 and compare with the annual hand arithmetic.

const examplePath = fileURLToPath(new URL('../../examples/aluminium-smelter.yaml', import.meta.url));
const INGOT_TONNES = new Decimal(397600);
const D = (value: string | number) => new Decimal(value);

// Emission factors per unit of fuel, NDRC 2013 default table (standards.md §2.1):
//   bituminous coal: 19.570 GJ/t × 26.18 t C/TJ / 1000 × 0.93 × 44/12 = 1.747088266 t CO2/t
//   natural gas: 389.31 GJ/10^4 Nm3 × 15.30 t C/TJ / 1000 × 0.99 × 44/12 = 21.62188809 t CO2/10^4 Nm3
//   (standards.md §5.3 publishes the rounded 21.622.)
const COAL_EF = D('19.570').times('26.18').div(1000).times('0.93').times(44).div(12);
const GAS_EF = D('389.31').times('15.30').div(1000).times('0.99').times(44).div(12);

// Annual emissions (t CO2e, AR6) by process and source, from the example's figures.
const annual = {
  captivePower: {
    coal: COAL_EF.times(1950000), // 3406822.1187 t CO2
    limestone: D(55800).times('0.90').times('0.43971'), // FGD CaCO3 at 90 %: 22082.2362 t CO2
    coalSupply: D(1950000).times('0.05'), // 97500 t CO2e (model factor)
  },
  aluminaRefinery: {
    coal: COAL_EF.times(293000), // 511896.861938 t CO2
    gas: GAS_EF.times(5950), // 128650.2341355 t CO2
    bauxite: D(1775600).times('0.02'), // 35512
    causticSoda: D(61760).times('1.2'), // 74112
    quicklime: D(77200).times('1.2'), // 92640
    coalSupply: D(293000).times('0.05'), // 14650
    gasSupply: D(5950).times('2.6'), // 15470
  },
  anodePlant: {
    // IPCC 2006 Eq. 4.22: (GA − H_w − BA − WT) × 44/12 = (175000 − 0.5 % × 175000 − 168000 − 0) × 44/12
    //   = 6125 × 44/12 = 22458.333… t CO2
    pitchVolatiles: D(175000).minus(875).minus(168000).times(44).div(12),
    // IPCC 2006 Eq. 4.23: 0.015 × 168000 × (100 − 2.0 − 2.5)/100 × 44/12 = 2406.6 × 44/12 = 8824.2 t CO2
    packingCoke: D('0.015').times(168000).times('95.5').div(100).times(44).div(12),
    gas: GAS_EF.times(1080), // 23351.6391372 t CO2
    calcinedCoke: D(148750).times('0.5'), // 74375
    pitch: D(26250).times('0.6'), // 15750
    packingCokeSupply: D(2520).times('0.5'), // 1260
    gasSupply: D(1080).times('2.6'), // 2808
  },
  electrolysis: {
    // IPCC 2006 Eq. 4.21: 0.42 × 400000 × (100 − 2 − 0.4)/100 × 44/12 = 163968 × 44/12 = 601216 t CO2
    anode: D('0.42').times(400000).times('97.6').div(100).times(44).div(12),
    // IPCC 2006 Eq. 4.26, CWPB: CF4 = 0.143 × 0.1 × 400000 kg = 5.72 t, × GWP AR6 7380 = 42213.6
    cf4: D('5.72').times(7380),
    // C2F6 = 5.72 t × 0.121 = 0.69212 t, × GWP AR6 12400 = 8582.288
    c2f6: D('0.69212').times(12400),
    // 1420000 MWh × 0.6361 t CO2/MWh (cn-mee/grid/region/north/2023) = 903262
    grid: D(1420000).times('0.6361'),
    aluminiumFluoride: D(7200).times('2.0'), // 14400
  },
  casthouse: {
    gas: GAS_EF.times(800), // 17297.510472
    gasSupply: D(800).times('2.6'), // 2080
  },
  drossTreatment: {
    grid: D(240).times('0.6361'), // 152.664
    gas: GAS_EF.times(12), // 259.46265708
    gasSupply: D(12).times('2.6'), // 31.2
  },
};
const processTotal = (sources: Record<string, Decimal>) => sum(Object.values(sources));
const plantTotal = sum(Object.values(annual).map(processTotal)); // 6137657.3485731333… t CO2e

function compute(yamlText: string = ALUMINIUM_SMELTER_YAML, options: Parameters<typeof computeFootprints>[1] = {}) {
  return computeFootprints(parseModelText(yamlText, 'yaml'), options);
}

function ingotOf(yamlText?: string): ProductFootprint {
  const found = compute(yamlText).products.find((p) => p.flow === 'aluminium-ingot');
  if (found === undefined) throw new Error('no aluminium-ingot product');
  return found;
}

/** Per-tonne-ingot value × 397600 t equals the annual amount (to 1e-20 t; loops solve by LU). */
function expectAnnual(perTonneIngot: Decimal | undefined, expectedAnnual: Decimal): void {
  expect(perTonneIngot).toBeDefined();
  const difference = perTonneIngot!.times(INGOT_TONNES).minus(expectedAnnual).abs();
  expect(difference.lessThan('1e-20'), `${perTonneIngot!.times(INGOT_TONNES).toFixed()} vs ${expectedAnnual.toFixed()}`).toBe(true);
}

const rounded = (value: Decimal | undefined, places = 6) => (value === undefined ? 'missing' : toFixedString(value, { places, mode: 'HALF_EVEN' }));

describe('examples/aluminium-smelter.yaml', () => {
  it('is shipped verbatim as ALUMINIUM_SMELTER_YAML (regenerate with npx tsx scripts/generate-demo.ts)', () => {
    expect(ALUMINIUM_SMELTER_YAML).toBe(readFileSync(examplePath, 'utf8'));
  });

  it('gives the ingot footprint the hand arithmetic gives: 6137657.3486 t CO2e / 397600 t = 15.4368 t CO2e/t', () => {
    const ingot = ingotOf();
    expect(toFixedString(plantTotal, { places: 4, mode: 'HALF_EVEN' })).toBe('6137657.3486');
    expectAnnual(ingot.total, plantTotal);
    expect(rounded(ingot.total, 4)).toBe('15.4368');
    expect(ingot.declaredUnit.amount.toFixed()).toBe('1');
    expect(ingot.gwp).toBe('AR6');
  });

  it('falls in the plausible range for a coal-heavy grid, 9–16 t CO2e/t (standards.md §4)', () => {
    const { total } = ingotOf();
    expect(total.greaterThanOrEqualTo(9) && total.lessThanOrEqualTo(16)).toBe(true);
  });

  it('breaks down by process as each process emits in the year', () => {
    const byProcess = ingotOf().byProcess ?? {};
    expect(Object.keys(byProcess).sort()).toEqual(
      ['alumina-refinery', 'anode-plant', 'captive-power', 'casthouse', 'dross-treatment', 'electrolysis'],
    );
    // captive-power: 3406822.1187 + 22082.2362 + 97500 = 3526404.3549 → 8.869226 t/t ingot
    expectAnnual(byProcess['captive-power'], processTotal(annual.captivePower));
    expect(rounded(byProcess['captive-power'])).toBe('8.869226');
    // electrolysis: 601216 + 42213.6 + 8582.288 + 903262 + 14400 = 1569673.888 → 3.947872
    expectAnnual(byProcess['electrolysis'], processTotal(annual.electrolysis));
    expect(processTotal(annual.electrolysis).toFixed()).toBe('1569673.888');
    expect(rounded(byProcess['electrolysis'])).toBe('3.947872');
    // alumina-refinery: 511896.861938 + 128650.2341355 + 35512 + 74112 + 92640 + 14650 + 15470
    //   = 872931.0960735 → 2.195501
    expectAnnual(byProcess['alumina-refinery'], processTotal(annual.aluminaRefinery));
    expect(processTotal(annual.aluminaRefinery).toFixed()).toBe('872931.0960735');
    expect(rounded(byProcess['alumina-refinery'])).toBe('2.195501');
    // anode-plant: 22458.333… + 8824.2 + 23351.6391372 + 74375 + 15750 + 1260 + 2808 = 148827.172470533… → 0.374314
    expectAnnual(byProcess['anode-plant'], processTotal(annual.anodePlant));
    expect(rounded(byProcess['anode-plant'])).toBe('0.374314');
    // casthouse: 17297.510472 + 2080 = 19377.510472 → 0.048736
    expectAnnual(byProcess['casthouse'], processTotal(annual.casthouse));
    expect(rounded(byProcess['casthouse'])).toBe('0.048736');
    // dross-treatment: 152.664 + 259.46265708 + 31.2 = 443.32665708 → 0.001115
    expectAnnual(byProcess['dross-treatment'], processTotal(annual.drossTreatment));
    expect(rounded(byProcess['dross-treatment'])).toBe('0.001115');
  });

  it('breaks down by category', () => {
    const byCategory = ingotOf().byCategory;
    // anode: 601216 + 22458.333… + 8824.2 = 632498.533… → 1.590791
    expectAnnual(byCategory['anode'], annual.electrolysis.anode.plus(annual.anodePlant.pitchVolatiles).plus(annual.anodePlant.packingCoke));
    expect(rounded(byCategory['anode'])).toBe('1.590791');
    // pfc: 42213.6 + 8582.288 = 50795.888 → 0.127756
    expectAnnual(byCategory['pfc'], annual.electrolysis.cf4.plus(annual.electrolysis.c2f6));
    expect(rounded(byCategory['pfc'])).toBe('0.127756');
    // carbonate: the FGD limestone, 22082.2362 → 0.055539
    expectAnnual(byCategory['carbonate'], annual.captivePower.limestone);
    expect(rounded(byCategory['carbonate'])).toBe('0.055539');
    // electricity (grid only; captive power is fuel combustion): 903262 + 152.664 = 903414.664 → 2.272170
    expectAnnual(byCategory['electricity'], annual.electrolysis.grid.plus(annual.drossTreatment.grid));
    expect(rounded(byCategory['electricity'])).toBe('2.272170');
    // fuel-combustion: coal (1950000 + 293000) t × 1.747088266 + gas (5950 + 1080 + 800 + 12) × 21.62188809
    //   = 3918718.980638 + 169558.846401780 = 4088277.827039780 → 10.282389
    const fuel = COAL_EF.times(1950000 + 293000).plus(GAS_EF.times(5950 + 1080 + 800 + 12));
    expect(fuel.toFixed()).toBe('4088277.82703978');
    expectAnnual(byCategory['fuel-combustion'], fuel);
    expect(rounded(byCategory['fuel-combustion'])).toBe('10.282389');
    // materials: every factor-priced input except grid power = 440588.2 → 1.108119
    expectAnnual(byCategory['materials'], D('440588.2'));
    expect(Object.keys(byCategory).sort()).toEqual(['anode', 'carbonate', 'electricity', 'fuel-combustion', 'materials', 'pfc']);
  });

  it('breaks down by scope: 1 on site (incl. the captive plant), 2 grid power, 3 purchased goods and fuel supply', () => {
    const byScope = ingotOf().byScope;
    // scope 3: 35512 + 74112 + 92640 + 74375 + 15750 + 1260 + 14400 (materials)
    //   + 97500 + 14650 (coal supply) + 15470 + 2808 + 2080 + 31.2 (gas supply) = 440588.2 → 1.108119
    const scope3 = D(35512 + 74112 + 92640 + 74375 + 15750 + 1260 + 14400 + 97500 + 14650).plus('15470').plus('2808').plus('2080').plus('31.2');
    expect(scope3.toFixed()).toBe('440588.2');
    expectAnnual(byScope['3'], scope3);
    expect(rounded(byScope['3'])).toBe('1.108119');
    // scope 2: 903414.664 → 2.272170
    expectAnnual(byScope['2'], D('903414.664'));
    // scope 1: the rest, 6137657.3485731… − 903414.664 − 440588.2 = 4793654.4845731… → 12.056475
    expectAnnual(byScope['1'], plantTotal.minus('903414.664').minus(scope3));
    expect(rounded(byScope['1'])).toBe('12.056475');
  });

  it('breaks down by gas: CO2, the PFCs as their own gases, and the CO2e of the fuel-supply factors', () => {
    const byGas = ingotOf().byGas;
    // CF4: 5.72 t / 397600 t; C2F6: 0.69212 t / 397600 t (masses), CO2e with AR6 7380 / 12400
    expectAnnual(byGas['CF4']?.mass, D('5.72'));
    expectAnnual(byGas['CF4']?.co2e, D('42213.6'));
    expectAnnual(byGas['C2F6']?.mass, D('0.69212'));
    expectAnnual(byGas['C2F6']?.co2e, D('8582.288'));
    // CO2e (already characterized by the model factors): 97500 + 14650 + 15470 + 2808 + 2080 + 31.2 = 132539.2
    expectAnnual(byGas['CO2e']?.co2e, D('132539.2'));
    // CO2: everything else, 6137657.3485731… − 50795.888 − 132539.2 = 5954322.2605731… → 14.975660
    expectAnnual(byGas['CO2']?.co2e, plantTotal.minus('50795.888').minus('132539.2'));
    expect(rounded(byGas['CO2']?.co2e)).toBe('14.975660');
    expect(Object.keys(byGas).sort()).toEqual(['C2F6', 'CF4', 'CO2', 'CO2e']);
  });

  it('prices grid power with the MEE North China grid factor for 2023, chosen by region and period', () => {
    const result = compute();
    const factorIds = new Set<string>();
    const walk = (node: ExplainNode): void => {
      for (const factor of node.detail?.factors ?? []) factorIds.add(factor.id);
      node.children.forEach(walk);
    };
    walk(result.explain('aluminium-ingot'));
    expect(factorIds.has('cn-mee/grid/region/north/2023')).toBe(true);
    expect([...factorIds].filter((id) => id.startsWith('cn-mee/grid/'))).toEqual(['cn-mee/grid/region/north/2023']);
  });

  it('closes the scrap loop: ingot and scrap share one footprint and the ingot carries the whole plant', () => {
    const result = compute();
    const ingot = result.products.find((p) => p.flow === 'aluminium-ingot')!;
    const scrap = result.products.find((p) => p.flow === 'aluminium-scrap')!;
    // Mass allocation: shares 397600/403600 and 6000/403600 of the casthouse burden.
    expect(ingot.allocationShare.minus(D(397600).div(403600)).abs().lessThan('1e-30')).toBe(true);
    expect(scrap.allocationShare.minus(D(6000).div(403600)).abs().lessThan('1e-30')).toBe(true);
    // Same footprint per t: with f per t, casthouse burden B = direct + 6000 f and f = B / 403600,
    // so f = direct / 397600 for both outputs.
    expect(scrap.total.minus(ingot.total).abs().lessThan('1e-20')).toBe(true);
  });

  it('the loop raises the ingot footprint over a model whose scrap leaves the plant (× 403600/397600)', () => {
    // Without the scrap input the scrap output leaves with its mass share of the burden:
    // f = plant total / (397600 + 6000) = 6137657.3486 / 403600 = 15.207278 t CO2e/t.
    const withoutLoop = ALUMINIUM_SMELTER_YAML.replace(
      '      - { flow: aluminium-scrap, amount: "6000", unit: t, from: casthouse }\n',
      '',
    );
    expect(withoutLoop).not.toBe(ALUMINIUM_SMELTER_YAML);
    const open = ingotOf(withoutLoop);
    expect(open.total.times(403600).minus(plantTotal).abs().lessThan('1e-20')).toBe(true);
    expect(rounded(open.total)).toBe('15.207278');
    // The loop adds plant total × (1/397600 − 1/403600) = 0.229486 t CO2e/t ingot.
    expect(rounded(ingotOf().total.minus(open.total))).toBe('0.229486');
  });

  it('reads the same from the file as from the shipped constant', () => {
    const fromFile = compute(readFileSync(examplePath, 'utf8')).products.find((p) => p.flow === 'aluminium-ingot')!;
    expect(fromFile.total.toFixed()).toBe(ingotOf().total.toFixed());
  });

  it('under AR5 (CBAM) differs only in the PFCs: CF4 6630, C2F6 11100 (standards.md §0)', () => {
    const result = compute(ALUMINIUM_SMELTER_YAML, { gwp: 'AR5' });
    const ingot = result.products.find((p) => p.flow === 'aluminium-ingot')!;
    // 5.72 × 6630 + 0.69212 × 11100 = 37923.6 + 7682.532 = 45606.132 instead of 50795.888
    expectAnnual(ingot.byCategory['pfc'], D('45606.132'));
    expectAnnual(ingot.total, plantTotal.minus('50795.888').plus('45606.132'));
    expect(rounded(ingot.total, 4)).toBe('15.4237');
    // The fuel-supply factors are CO2e on AR6 and cannot be re-characterized: the run says so.
    expect(result.warnings.some((w) => w.code === 'gwp_basis_mixed')).toBe(true);
  });
});
