/** Greenhouse gases tracked separately. `CO2` and `CH4` are fossil unless marked otherwise. */
export const GAS_IDS = ['CO2', 'CO2-biogenic', 'CH4', 'CH4-non-fossil', 'N2O', 'CF4', 'C2F6', 'SF6', 'NF3'] as const;
export type GasId = (typeof GAS_IDS)[number];
/** Already-characterized mass (a CO2e factor); carries its GWP basis separately. */
export type GasOrCO2e = GasId | 'CO2e';

export const GWP_SET_IDS = ['SAR', 'AR4', 'AR5', 'AR5-feedback', 'AR6'] as const;
export type GwpSetId = (typeof GWP_SET_IDS)[number];
