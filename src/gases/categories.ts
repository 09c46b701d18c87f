/** Emission categories of the Chinese guidelines and GHG Protocol practice (DESIGN.md). */
export const CATEGORIES = [
  'fuel-combustion', 'process', 'anode', 'pfc', 'carbonate', 'electricity', 'heat', 'materials', 'transport', 'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
export type Scope = '1' | '2' | '3';
