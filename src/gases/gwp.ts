import { GwpNotAvailableError, InternalError } from '../core/errors.js';
import { Decimal } from '../decimal/decimal.js';
import { timesRounded } from '../decimal/kernel.js';
import { GAS_IDS, GWP_SET_IDS, type GasId, type GwpSetId } from './types.js';

/** Where a GWP set's numbers are published, kept as data so reports can cite it. */
export interface GwpSource {
  /** The IPCC assessment report, e.g. "IPCC Fifth Assessment Report (AR5), WG1". */
  readonly report: string;
  /** Table the values are read from. */
  readonly table: string;
  /** Where the table was transcribed from, when not read in the report itself. */
  readonly via?: string;
  readonly url?: string;
}

/** One set of 100-year global warming potentials (kg CO2e per kg gas). */
export interface GwpSet {
  readonly id: GwpSetId;
  readonly name: string;
  /** Year the assessment report was published. */
  readonly year: number;
  /** Time horizon in years; every set here is GWP100. */
  readonly horizonYears: 100;
  readonly source: GwpSource;
  /** GWP100 per gas; a gas the report gives no value for is absent (see `gwpOf`). */
  readonly values: Readonly<Partial<Record<GasId, Decimal>>>;
  /** Values read from another table than `source.table`, e.g. AR6 fossil methane (Table 7.15). */
  readonly valueSources: Readonly<Partial<Record<GasId, string>>>;
  readonly notes: string;
}

/** The GHG Protocol GWP table that openclimatedata/globalwarmingpotentials transcribes for SAR, AR4 and AR5. */
const GHG_PROTOCOL_TABLE =
  'GHG Protocol, "Global Warming Potential Values" (Feb 16 2016), via openclimatedata/globalwarmingpotentials';

interface GwpSetData {
  readonly id: GwpSetId;
  readonly name: string;
  readonly year: number;
  readonly source: GwpSource;
  readonly values: Readonly<Partial<Record<GasId, string>>>;
  readonly valueSources?: Readonly<Partial<Record<GasId, string>>>;
  readonly notes: string;
}

// Values are the GWP100 columns of shared/reference/gwp/globalwarmingpotentials.csv (SARGWP100,
// AR4GWP100, AR5GWP100, AR5CCFGWP100, AR6GWP100) and formats.md §5.1; the CSV has no CO2 row
// (1 by definition) and a single CH4 row, so the fossil / non-fossil methane split comes from
// formats.md §5.1. `CH4` is fossil methane (src/gases/types.ts: "fossil unless marked otherwise").
const GWP_SET_DATA: readonly GwpSetData[] = [
  {
    id: 'SAR',
    name: 'IPCC SAR GWP100',
    year: 1995,
    source: { report: 'IPCC Second Assessment Report (SAR), WG1, 1995', table: 'GWP100 column (SARGWP100)', via: GHG_PROTOCOL_TABLE },
    values: {
      CO2: '1', 'CO2-biogenic': '1', CH4: '21', 'CH4-non-fossil': '21',
      N2O: '310', CF4: '6500', C2F6: '9200', SF6: '23900',
    },
    notes:
      'One CH4 value for fossil and non-fossil methane. NF3 has no SAR value (the SAR predates its ' +
      'assessment; the CSV cell is empty), so gwpOf(SAR, NF3) throws GwpNotAvailableError rather than ' +
      'borrowing a value from a later report. Used by the NDRC 2013 Chinese electrolytic-aluminium guideline (standards.md §0).',
  },
  {
    id: 'AR4',
    name: 'IPCC AR4 GWP100',
    year: 2007,
    source: { report: 'IPCC Fourth Assessment Report (AR4), WG1, 2007', table: 'GWP100 column (AR4GWP100)', via: GHG_PROTOCOL_TABLE },
    values: {
      CO2: '1', 'CO2-biogenic': '1', CH4: '25', 'CH4-non-fossil': '25',
      N2O: '298', CF4: '7390', C2F6: '12200', SF6: '22800', NF3: '17200',
    },
    notes: 'One CH4 value for fossil and non-fossil methane. Adopted by IAI for PFC statistics (standards.md §0).',
  },
  {
    id: 'AR5',
    name: 'IPCC AR5 GWP100 (without climate-carbon feedbacks)',
    year: 2013,
    source: {
      report: 'IPCC Fifth Assessment Report (AR5), WG1, 2013',
      table: 'Chapter 8, Table 8.A.1 (AR5GWP100)',
      via: GHG_PROTOCOL_TABLE,
    },
    values: {
      CO2: '1', 'CO2-biogenic': '1', CH4: '30', 'CH4-non-fossil': '28',
      N2O: '265', CF4: '6630', C2F6: '11100', SF6: '23500', NF3: '16100',
    },
    valueSources: {
      CH4: 'Table 8.A.1 footnote: fossil methane adds 2 for the CO2 from its oxidation (formats.md §5.1, confidence M)',
    },
    notes: 'The set fixed by EU CBAM (Implementing Regulation 2025/2547) and the EU ETS MRR, and by the Paris Agreement ETF (formats.md §5.2).',
  },
  {
    id: 'AR5-feedback',
    name: 'IPCC AR5 GWP100 with climate-carbon feedbacks',
    year: 2013,
    source: {
      report: 'IPCC Fifth Assessment Report (AR5), WG1, 2013',
      table: 'Chapter 8, Table 8.7 and Supplementary Table 8.SM.16 (AR5CCFGWP100)',
      url: 'https://www.ipcc.ch/site/assets/uploads/2018/07/WGI_AR5.Chap_.8_SM.pdf',
    },
    values: {
      CO2: '1', 'CO2-biogenic': '1', CH4: '36', 'CH4-non-fossil': '34',
      N2O: '298', CF4: '7349', C2F6: '12340', SF6: '26087', NF3: '17885',
    },
    valueSources: {
      CH4: 'fossil methane 36 = 34 + 2 for oxidation to CO2 (formats.md §5.1, confidence M)',
    },
    notes: 'AR5 metrics including climate-carbon cycle feedbacks for non-CO2 gases.',
  },
  {
    id: 'AR6',
    name: 'IPCC AR6 GWP100',
    year: 2021,
    source: {
      report: 'IPCC Sixth Assessment Report (AR6), WG1, 2021',
      table: 'Chapter 7, Supplementary Table 7.SM.7 (AR6GWP100)',
      url: 'https://www.ipcc.ch/report/ar6/wg1/downloads/report/IPCC_AR6_WGI_Chapter_07_Supplementary_Material.pdf',
    },
    values: {
      CO2: '1', 'CO2-biogenic': '1', CH4: '29.8', 'CH4-non-fossil': '27.0',
      N2O: '273', CF4: '7380', C2F6: '12400', SF6: '25200', NF3: '17400',
    },
    valueSources: {
      CH4: 'Chapter 7, Table 7.15: fossil methane 29.8 (formats.md §5.1)',
      'CH4-non-fossil': 'Chapter 7, Table 7.15: non-fossil methane 27.0 (formats.md §5.1)',
    },
    notes:
      'Table 7.SM.7 gives a single CH4 value, 27.9, without the fossil / non-fossil adjustments; Table 7.15 ' +
      'splits methane into fossil (29.8) and non-fossil (27.0), and those are the values used here. ' +
      'The set PACT v3 asks for (formats.md §5.2).',
  },
];

function buildSet(data: GwpSetData): GwpSet {
  const values: Partial<Record<GasId, Decimal>> = {};
  for (const gas of GAS_IDS) {
    const text = data.values[gas];
    if (text !== undefined) values[gas] = new Decimal(text);
  }
  return Object.freeze({
    id: data.id,
    name: data.name,
    year: data.year,
    horizonYears: 100,
    source: Object.freeze({ ...data.source }),
    values: Object.freeze(values),
    valueSources: Object.freeze({ ...(data.valueSources ?? {}) }),
    notes: data.notes,
  });
}

/**
 * The GWP100 sets smeltprint applies per output: SAR, AR4, AR5, AR5 with climate-carbon
 * feedbacks, and AR6. Each set carries the report and table its values come from.
 *
 * @example
 * GWP_SETS.AR5.values.CF4?.toFixed() // '6630'
 * GWP_SETS.AR6.source.table // 'Chapter 7, Supplementary Table 7.SM.7 (AR6GWP100)'
 */
export const GWP_SETS: Readonly<Record<GwpSetId, GwpSet>> = Object.freeze(
  Object.fromEntries(GWP_SET_IDS.map((id) => {
    const data = GWP_SET_DATA.find((d) => d.id === id);
    // Every id in GWP_SET_IDS has data above; a missing one is a programming error caught by the tests.
    if (data === undefined) throw new InternalError(`no data for GWP set ${id}`);
    return [id, buildSet(data)];
  })) as Record<GwpSetId, GwpSet>,
);

/**
 * The 100-year GWP of `gas` in `set` (kg CO2e per kg gas). Throws GwpNotAvailableError when the
 * report gives no value (NF3 in the SAR): a missing GWP is never treated as zero.
 *
 * @example
 * gwpOf('AR5', 'CF4').toFixed() // '6630'
 * gwpOf('AR6', 'CH4').toFixed() // '29.8' (fossil methane, AR6 Table 7.15)
 */
export function gwpOf(set: GwpSetId, gas: GasId): Decimal {
  const gwpSet = GWP_SETS[set] as GwpSet | undefined;
  if (gwpSet === undefined) {
    throw new GwpNotAvailableError(String(set), gas, `unknown GWP set "${String(set)}" (known: ${GWP_SET_IDS.join(', ')})`);
  }
  const value = gwpSet.values[gas];
  if (value === undefined) {
    throw new GwpNotAvailableError(set, gas, `${gwpSet.name} gives no GWP for ${gas}; choose another GWP set`);
  }
  return value;
}

/**
 * Tonnes of CO2e for `amountTonnes` tonnes of `gas`, characterized with `set` (exact decimal product).
 *
 * @example
 * toCO2e('CF4', new Decimal('2'), 'AR5').toFixed() // '13260' (2 × 6630)
 */
export function toCO2e(gas: GasId, amountTonnes: Decimal, set: GwpSetId): Decimal {
  // timesRounded is times() at working precision, without decimal.js's generic path.
  return timesRounded(amountTonnes, gwpOf(set, gas));
}
