import { describe, expect, it } from 'vitest';
import { Decimal } from '../../decimal/decimal.js';
import { loadDataset } from '../loadDataset.js';
import type { FactorRecord } from '../types.js';
import carbonates from './carbonates.json' with { type: 'json' };
import cnMee2024 from './cn-mee-2024-aluminium.json' with { type: 'json' };
import cnMeeGrid from './cn-mee-grid.json' with { type: 'json' };
import cnNdrc2013 from './cn-ndrc-2013.json' with { type: 'json' };
import cnNdrc2015Carbonates from './cn-ndrc-2015-carbonates.json' with { type: 'json' };
import ipcc2006 from './ipcc-2006-aluminium.json' with { type: 'json' };
import ipcc2019 from './ipcc-2019-aluminium.json' with { type: 'json' };

// Every expected value below is hand-typed from shared/reference/standards.md (section cited).
type Expected = readonly [id: string, value: string, unit: string, efdbId?: string];

function check(records: readonly FactorRecord[], expected: readonly Expected[]): void {
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const [id, value, unit, efdbId] of expected) {
    const record = byId.get(id);
    expect(record, id).toBeDefined();
    expect(record?.value.eq(new Decimal(value)), `${id} = ${value}`).toBe(true);
    expect(record?.unit.symbol, id).toBe(unit);
    if (efdbId !== undefined) expect(record?.source.efdbId, id).toBe(efdbId);
  }
  expect(records.length).toBe(expected.length);
}

describe('ipcc-2006-aluminium.json (standards.md §1.2–§1.4)', () => {
  it('matches every row', () => {
    const pct = '%';
    check(loadDataset(ipcc2006), [
      // §1.2 Table 4.10
      ['ipcc-2006/aluminium/tier1-co2/prebake', '1.6', 't CO2/t', '214134'],
      ['ipcc-2006/aluminium/tier1-co2/soderberg', '1.7', 't CO2/t', '214133'],
      // §1.3 Tier 2 defaults
      ['ipcc-2006/aluminium/prebake/anode-sulfur', '2.0', pct],
      ['ipcc-2006/aluminium/prebake/anode-ash', '0.4', pct],
      ['ipcc-2006/aluminium/baking/green-anode-hydrogen', '0.5', pct],
      ['ipcc-2006/aluminium/baking/waste-tar/riedhammer', '0.5', pct],
      ['ipcc-2006/aluminium/baking/waste-tar/other-furnaces', '0', pct],
      ['ipcc-2006/aluminium/baking/packing-coke-consumption', '0.015', 't/t'],
      ['ipcc-2006/aluminium/baking/packing-coke-sulfur', '2.0', pct],
      ['ipcc-2006/aluminium/baking/packing-coke-ash', '2.5', pct],
      ['ipcc-2006/aluminium/soderberg/csm/HSS', '4.0', 'kg/t'],
      ['ipcc-2006/aluminium/soderberg/csm/VSS', '0.5', 'kg/t'],
      ['ipcc-2006/aluminium/soderberg/binder-content/dry-paste', '24', pct],
      ['ipcc-2006/aluminium/soderberg/binder-content/wet-paste', '27', pct],
      ['ipcc-2006/aluminium/soderberg/pitch-sulfur', '0.6', pct],
      ['ipcc-2006/aluminium/soderberg/pitch-ash', '0.2', pct],
      ['ipcc-2006/aluminium/soderberg/pitch-hydrogen', '3.3', pct],
      ['ipcc-2006/aluminium/soderberg/coke-sulfur', '1.9', pct],
      ['ipcc-2006/aluminium/soderberg/coke-ash', '0.2', pct],
      ['ipcc-2006/aluminium/soderberg/skimmed-dust-carbon', '0.01', 't C/t'],
      // §1.4 Table 4.15
      ['ipcc-2006/aluminium/pfc-tier1/CWPB/CF4', '0.4', 'kg CF4/t', '214135'],
      ['ipcc-2006/aluminium/pfc-tier1/SWPB/CF4', '1.6', 'kg CF4/t', '214136'],
      ['ipcc-2006/aluminium/pfc-tier1/VSS/CF4', '0.8', 'kg CF4/t', '214137'],
      ['ipcc-2006/aluminium/pfc-tier1/HSS/CF4', '0.4', 'kg CF4/t', '214138'],
      ['ipcc-2006/aluminium/pfc-tier1/CWPB/C2F6', '0.04', 'kg C2F6/t', '214139'],
      ['ipcc-2006/aluminium/pfc-tier1/SWPB/C2F6', '0.4', 'kg C2F6/t', '214140'],
      ['ipcc-2006/aluminium/pfc-tier1/VSS/C2F6', '0.04', 'kg C2F6/t', '214141'],
      ['ipcc-2006/aluminium/pfc-tier1/HSS/C2F6', '0.03', 'kg C2F6/t', '214142'],
      // §1.4 Table 4.16
      ['ipcc-2006/aluminium/pfc-slope/CWPB', '0.143', '(kg CF4/t)/(AE-min/cell-day)', '214143'],
      ['ipcc-2006/aluminium/pfc-slope/SWPB', '0.272', '(kg CF4/t)/(AE-min/cell-day)', '214144'],
      ['ipcc-2006/aluminium/pfc-slope/VSS', '0.092', '(kg CF4/t)/(AE-min/cell-day)', '214145'],
      ['ipcc-2006/aluminium/pfc-slope/HSS', '0.099', '(kg CF4/t)/(AE-min/cell-day)', '214146'],
      ['ipcc-2006/aluminium/pfc-overvoltage/CWPB', '1.16', '(kg CF4/t)/mV', '214147'],
      ['ipcc-2006/aluminium/pfc-overvoltage/SWPB', '3.65', '(kg CF4/t)/mV', '214148'],
      ['ipcc-2006/aluminium/c2f6-cf4-ratio/CWPB', '0.121', 'kg C2F6/kg CF4', '214149'],
      ['ipcc-2006/aluminium/c2f6-cf4-ratio/SWPB', '0.252', 'kg C2F6/kg CF4', '214150'],
      ['ipcc-2006/aluminium/c2f6-cf4-ratio/VSS', '0.053', 'kg C2F6/kg CF4', '214151'],
      ['ipcc-2006/aluminium/c2f6-cf4-ratio/HSS', '0.085', 'kg C2F6/kg CF4', '214152'],
    ]);
  });
  it('tags the packing-coke S and ash rows as third-party and unverified (standards.md §1.3)', () => {
    const rows = loadDataset(ipcc2006).filter((r) => /packing-coke-(sulfur|ash)/.test(r.id));
    expect(rows.map((r) => [r.confidence, /Unverified/.test(r.notes ?? '')])).toEqual([
      ['V-3p', true],
      ['V-3p', true],
    ]);
  });
});

describe('ipcc-2019-aluminium.json (standards.md §1.4, pages 4.53–4.54)', () => {
  it('matches every row', () => {
    const t1 = 'ipcc-2019/aluminium/pfc-tier1';
    const slope = '(kg CF4/t)/(AE-min/cell-day)';
    check(loadDataset(ipcc2019), [
      [`${t1}/hvae/PFPB_L/CF4`, '0.016', 'kg CF4/t'], [`${t1}/hvae/PFPB_L/C2F6`, '0.001', 'kg C2F6/t'], [`${t1}/lvae/PFPB_L/CF4`, '0.009', 'kg CF4/t'],
      [`${t1}/hvae/PFPB_M/CF4`, '0.011', 'kg CF4/t'], [`${t1}/hvae/PFPB_M/C2F6`, '0.001', 'kg C2F6/t'], [`${t1}/lvae/PFPB_M/CF4`, '0.018', 'kg CF4/t'],
      [`${t1}/hvae/PFPB_MW/CF4`, '0.161', 'kg CF4/t'], [`${t1}/hvae/PFPB_MW/C2F6`, '0.013', 'kg C2F6/t'],
      [`${t1}/hvae/SWPB/CF4`, '0.354', 'kg CF4/t'], [`${t1}/hvae/SWPB/C2F6`, '0.093', 'kg C2F6/t'], [`${t1}/lvae/SWPB/CF4`, '0.010', 'kg CF4/t'],
      [`${t1}/hvae/VSS/CF4`, '0.159', 'kg CF4/t'], [`${t1}/hvae/VSS/C2F6`, '0.009', 'kg C2F6/t'], [`${t1}/lvae/VSS/CF4`, '0.001', 'kg CF4/t'],
      [`${t1}/hvae/HSS/CF4`, '0.477', 'kg CF4/t'], [`${t1}/hvae/HSS/C2F6`, '0.033', 'kg C2F6/t'], [`${t1}/lvae/HSS/CF4`, '0.026', 'kg CF4/t'],
      ['ipcc-2019/aluminium/pfc-slope/PFPB_L', '0.122', slope], ['ipcc-2019/aluminium/c2f6-cf4-ratio/PFPB_L', '0.097', 'kg C2F6/kg CF4'],
      ['ipcc-2019/aluminium/pfc-slope/PFPB_M', '0.104', slope], ['ipcc-2019/aluminium/c2f6-cf4-ratio/PFPB_M', '0.057', 'kg C2F6/kg CF4'],
      ['ipcc-2019/aluminium/pfc-slope/SWPB', '0.233', slope], ['ipcc-2019/aluminium/c2f6-cf4-ratio/SWPB', '0.280', 'kg C2F6/kg CF4'],
      ['ipcc-2019/aluminium/pfc-slope/VSS', '0.058', slope], ['ipcc-2019/aluminium/c2f6-cf4-ratio/VSS', '0.086', 'kg C2F6/kg CF4'],
      ['ipcc-2019/aluminium/pfc-slope/HSS', '0.165', slope], ['ipcc-2019/aluminium/c2f6-cf4-ratio/HSS', '0.077', 'kg C2F6/kg CF4'],
    ]);
  });
});

describe('cn-ndrc-2013.json (standards.md §2.1)', () => {
  it('matches the 22-fuel table and the aluminium defaults', () => {
    // [fuel, NCV, CC, OF, per 10^4 Nm3?] as printed in the §2.1 fuel default table
    const fuels: readonly (readonly [string, string, string, string, boolean])[] = [
      ['anthracite', '20.304', '27.49', '0.94', false], ['bituminous-coal', '19.570', '26.18', '0.93', false],
      ['lignite', '14.080', '28.00', '0.96', false], ['washed-coal', '26.344', '25.40', '0.90', false],
      ['other-washed-coal', '8.363', '25.40', '0.90', false], ['other-coal-products', '17.460', '33.60', '0.90', false],
      ['coke', '28.447', '29.50', '0.93', false], ['crude-oil', '41.816', '20.10', '0.98', false],
      ['fuel-oil', '41.816', '21.10', '0.98', false], ['gasoline', '43.070', '18.90', '0.98', false],
      ['diesel', '42.652', '20.20', '0.98', false], ['kerosene', '44.75', '19.60', '0.98', false],
      ['liquefied-natural-gas', '41.868', '17.20', '0.98', false], ['liquefied-petroleum-gas', '50.179', '17.20', '0.98', false],
      ['tar', '33.453', '22.00', '0.98', false], ['crude-benzol', '41.816', '22.70', '0.98', false],
      ['coke-oven-gas', '173.54', '12.10', '0.99', true], ['blast-furnace-gas', '33.00', '70.80', '0.99', true],
      ['converter-gas', '84.00', '49.60', '0.99', true], ['other-gas', '52.27', '12.20', '0.99', true],
      ['natural-gas', '389.31', '15.30', '0.99', true], ['refinery-gas', '45.998', '18.20', '0.99', false],
    ];
    const expected: Expected[] = fuels.flatMap(([fuel, ncv, cc, of, gas]): Expected[] => [
      [`cn-ndrc-2013/fuel/${fuel}/ncv`, ncv, gas ? 'GJ/10^4 Nm3' : 'GJ/t'],
      [`cn-ndrc-2013/fuel/${fuel}/carbon-content`, cc, 't C/TJ'],
      [`cn-ndrc-2013/fuel/${fuel}/oxidation`, of, 'fraction'],
    ]);
    check(loadDataset(cnNdrc2013), [
      ...expected,
      ['cn-ndrc-2013/aluminium/net-anode-consumption', '0.42', 't C/t'],
      ['cn-ndrc-2013/aluminium/anode-sulfur', '2', '%'],
      ['cn-ndrc-2013/aluminium/anode-ash', '0.4', '%'],
      ['cn-ndrc-2013/aluminium/pfc/CF4', '0.034', 'kg CF4/t'],
      ['cn-ndrc-2013/aluminium/pfc/C2F6', '0.0034', 'kg C2F6/t'],
      ['cn-ndrc-2013/aluminium/pfc/cf4-per-anode-effect-minute', '0.143', '(kg CF4/t)/(AE-min/cell-day)'],
      ['cn-ndrc-2013/aluminium/pfc/c2f6-cf4-ratio', '0.1', 'kg C2F6/kg CF4'],
      ['cn-ndrc-2013/aluminium/limestone', '0.405', 't CO2/t'],
      ['cn-ndrc-2013/purchased-heat', '0.11', 't CO2/GJ'],
    ]);
  });
});

describe('cn-mee-2024-aluminium.json (standards.md §2.2, unverified)', () => {
  it('matches every row and says unverified', () => {
    const records = loadDataset(cnMee2024);
    check(records, [
      ['cn-mee-2024/aluminium/net-anode-consumption', '0.411', 't C/t'],
      ['cn-mee-2024/aluminium/anode-loss-rate', '15.18', '%'],
      ['cn-mee-2024/aluminium/anode-sulfur', '2', '%'],
      ['cn-mee-2024/aluminium/anode-ash', '0.4', '%'],
    ]);
    expect(records.every((r) => r.confidence === 'V-3p' && /unverified/.test(r.notes ?? ''))).toBe(true);
  });
});

describe('cn-mee-grid.json (standards.md §2.5)', () => {
  const records = loadDataset(cnMeeGrid);
  const U = 't CO2/MWh';
  it('matches every row', () => {
    const r = 'cn-mee/grid/region';
    const p = 'cn-mee/grid/province';
    check(records, [
      ['cn-mee/grid/national/2021', '0.5568', U], ['cn-mee/grid/national/2022', '0.5366', U], ['cn-mee/grid/national/2023', '0.5306', U],
      ['cn-mee/grid/national/excl-market-nonfossil/2022', '0.5856', U], ['cn-mee/grid/national/excl-market-nonfossil/2023', '0.6096', U],
      ['cn-mee/grid/national/fossil/2021', '0.8426', U], ['cn-mee/grid/national/fossil/2022', '0.8325', U], ['cn-mee/grid/national/fossil/2023', '0.8273', U],
      [`${r}/north/2022`, '0.6776', U], [`${r}/northwest/2022`, '0.5857', U], [`${r}/east/2022`, '0.5617', U], [`${r}/northeast/2022`, '0.5564', U],
      [`${r}/central/2022`, '0.5395', U], [`${r}/south/2022`, '0.3869', U], [`${r}/southwest/2022`, '0.2268', U],
      [`${r}/north/2023`, '0.6361', U], [`${r}/northeast/2023`, '0.5122', U], [`${r}/east/2023`, '0.5500', U], [`${r}/central/2023`, '0.5271', U],
      [`${r}/northwest/2023`, '0.5543', U], [`${r}/south/2023`, '0.4042', U], [`${r}/southwest/2023`, '0.2472', U],
      [`${p}/CN-HE/2022`, '0.7252', U], [`${p}/CN-SX/2022`, '0.7096', U], [`${p}/CN-TJ/2022`, '0.7041', U], [`${p}/CN-NM/2022`, '0.6849', U],
      [`${p}/CN-AH/2022`, '0.6782', U], [`${p}/CN-FJ/2022`, '0.4092', U], [`${p}/CN-GX/2022`, '0.4044', U], [`${p}/CN-QH/2022`, '0.1567', U],
      [`${p}/CN-SC/2022`, '0.1404', U], [`${p}/CN-YN/2022`, '0.1073', U],
      [`${p}/CN-GD/2023`, '0.4419', U], [`${p}/CN-BJ/2023`, '0.5554', U], [`${p}/CN-SH/2023`, '0.5737', U], [`${p}/CN-ZJ/2023`, '0.4974', U],
      [`${p}/CN-JS/2023`, '0.5827', U], [`${p}/CN-SC/2023`, '0.1564', U],
      ['cn-mee/grid/national/ets-power-reporting/2022', '0.5703', U],
    ]);
  });
  it('valid for the calendar year in the id, in the right families', () => {
    for (const record of records) {
      const year = /\/(\d{4})$/.exec(record.id)?.[1];
      expect(record.valid, record.id).toEqual({ from: `${year}-01-01`, to: `${year}-12-31` });
    }
    const family = (id: string) => [...(records.find((r) => r.id === id)?.families ?? [])].sort();
    expect(family('cn-mee/grid/national/2023')).toEqual(['cn-mee/grid', 'cn-mee/grid/national']);
    expect(family('cn-mee/grid/national/fossil/2023')).toEqual(['cn-mee/grid/fossil', 'cn-mee/grid/national/fossil']);
    expect(family('cn-mee/grid/national/excl-market-nonfossil/2023')).toEqual([
      'cn-mee/grid/excl-market-nonfossil',
      'cn-mee/grid/national/excl-market-nonfossil',
    ]);
    expect(records.find((r) => r.id === 'cn-mee/grid/region/southwest/2023')?.covers).toEqual(['CN-CQ', 'CN-SC', 'CN-XZ']);
  });
  it('marks 0.5703 as recalled and unverified, and the 2023 provincial values as third-party', () => {
    const ets = records.find((r) => r.id === 'cn-mee/grid/national/ets-power-reporting/2022');
    expect([ets?.confidence, /unverified/.test(ets?.notes ?? '')]).toEqual(['R', true]);
    expect(records.filter((r) => r.id.startsWith('cn-mee/grid/province/') && r.id.endsWith('/2023')).every((r) => r.confidence === 'V-3p')).toBe(true);
  });
});

describe('carbonates', () => {
  it('stoichiometric values equal n × M(CO2)/M(carbonate) to 5 decimals, with C 12.011, O 15.999 (derived, [D])', () => {
    const co2 = new Decimal('12.011').plus(new Decimal('15.999').times(2)); // 44.009
    const co3 = new Decimal('12.011').plus(new Decimal('15.999').times(3)); // 60.008
    const mass: Readonly<Record<string, readonly [Decimal, number]>> = {
      CaCO3: [new Decimal('40.078').plus(co3), 1],
      MgCO3: [new Decimal('24.305').plus(co3), 1],
      'CaMg-CO3-2': [new Decimal('40.078').plus('24.305').plus(co3.times(2)), 2],
      Na2CO3: [new Decimal('22.990').times(2).plus(co3), 1],
      NaHCO3: [new Decimal('22.990').plus('1.008').plus(co3), 1],
      FeCO3: [new Decimal('55.845').plus(co3), 1],
      MnCO3: [new Decimal('54.938').plus(co3), 1],
      BaCO3: [new Decimal('137.33').plus(co3), 1],
      Li2CO3: [new Decimal('6.94').times(2).plus(co3), 1],
      K2CO3: [new Decimal('39.098').times(2).plus(co3), 1],
      SrCO3: [new Decimal('87.62').plus(co3), 1],
    };
    const records = loadDataset(carbonates);
    for (const [formula, [molar, n]] of Object.entries(mass)) {
      const record = records.find((r) => r.id === `stoichiometric/carbonate/${formula}`);
      expect(record?.value.toFixed(), formula).toBe(co2.times(n).div(molar).toDecimalPlaces(5).toFixed());
      expect(record?.confidence).toBe('D');
    }
    // The brief's and IPCC-style values: CaCO3 0.43971, MgCO3 0.52197, dolomite 0.47732.
    expect(['CaCO3', 'MgCO3', 'CaMg-CO3-2'].map((f) => records.find((r) => r.id === `stoichiometric/carbonate/${f}`)?.value.toFixed())).toEqual([
      '0.43971',
      '0.52197',
      '0.47732',
    ]);
    expect(records.find((r) => r.id === 'stoichiometric/co2-per-carbon')?.value.toFixed(7)).toBe('3.6666667');
  });
  it('NDRC 2015 carbonate presets as printed in standards.md §2.3', () => {
    check(loadDataset(cnNdrc2015Carbonates), [
      ['cn-ndrc-2015/carbonate/CaCO3', '0.4397', 't CO2/t'], ['cn-ndrc-2015/carbonate/MgCO3', '0.5220', 't CO2/t'],
      ['cn-ndrc-2015/carbonate/Na2CO3', '0.4149', 't CO2/t'], ['cn-ndrc-2015/carbonate/NaHCO3', '0.5237', 't CO2/t'],
      ['cn-ndrc-2015/carbonate/FeCO3', '0.3799', 't CO2/t'], ['cn-ndrc-2015/carbonate/MnCO3', '0.3829', 't CO2/t'],
      ['cn-ndrc-2015/carbonate/BaCO3', '0.2230', 't CO2/t'], ['cn-ndrc-2015/carbonate/Li2CO3', '0.5955', 't CO2/t'],
      ['cn-ndrc-2015/carbonate/K2CO3', '0.3184', 't CO2/t'], ['cn-ndrc-2015/carbonate/SrCO3', '0.2980', 't CO2/t'],
      ['cn-ndrc-2015/carbonate/CaMg-CO3-2', '0.4773', 't CO2/t'],
    ]);
  });
});
