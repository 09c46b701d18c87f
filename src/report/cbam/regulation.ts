import { CbamGoodError, CbamPeriodError } from '../../core/errors.js';
import type { CbamGoodsCategory, CbamPeriod, CbamRoute } from './types.js';

/** What each regulation period prescribes for aluminium, as data (formats.md §3.1, §3.7). */
export interface CbamPeriodRules {
  readonly period: CbamPeriod;
  readonly act: string;
  /**
   * Whether indirect emissions (electricity) are reported. Aluminium goods are listed in Annex II
   * of Regulation (EU) 2023/956 ("goods for which only direct emissions count"): from the
   * definitive period only direct emissions count; during the transitional period operators
   * reported indirect emissions too (formats.md §3.1 "Design consequence", §6 item 2).
   */
  readonly indirectReported: boolean;
  readonly basis: string;
}

export const CBAM_PERIODS: Readonly<Record<CbamPeriod, CbamPeriodRules>> = Object.freeze({
  'transitional-2023/1773': Object.freeze({
    period: 'transitional-2023/1773',
    act: 'Commission Implementing Regulation (EU) 2023/1773 (transitional period, 1 Oct 2023 – 31 Dec 2025)',
    indirectReported: true,
    basis:
      'Transitional period: direct and indirect specific embedded emissions are reported; indirect = electricity consumed ' +
      'inside the boundary × its emission factor (formats.md §3.1, §3.7).',
  }),
  'definitive-2025/2547': Object.freeze({
    period: 'definitive-2025/2547',
    act: 'Commission Implementing Regulation (EU) 2025/2547 (definitive period, from 1 Jan 2026)',
    indirectReported: false,
    basis:
      'Definitive period: aluminium goods are in Annex II of Regulation (EU) 2023/956, so only direct emissions count; ' +
      'indirect emissions are not part of the CBAM obligation and are not reported here (formats.md §3.1).',
  }),
});

/**
 * The rules of a regulation period; throws CbamPeriodError when the period is missing or unknown,
 * because the two periods give different totals and nothing may be guessed.
 *
 * @example
 * cbamPeriodRules('definitive-2025/2547').indirectReported // false
 */
export function cbamPeriodRules(period: unknown): CbamPeriodRules {
  if (period === undefined || period === null || period === '') {
    throw new CbamPeriodError(`the CBAM regulation period is required: "transitional-2023/1773" or "definitive-2025/2547"`);
  }
  if (typeof period !== 'string' || !Object.hasOwn(CBAM_PERIODS, period)) {
    throw new CbamPeriodError(`unknown CBAM regulation period ${JSON.stringify(period)}: use "transitional-2023/1773" or "definitive-2025/2547"`);
  }
  return CBAM_PERIODS[period as CbamPeriod];
}

/** People's names of the goods categories and routes, as the communication template words them. */
export const CATEGORY_NAMES: Readonly<Record<CbamGoodsCategory, string>> = Object.freeze({
  'unwrought-aluminium': 'Unwrought aluminium',
  'aluminium-products': 'Aluminium products',
});

export const ROUTE_NAMES: Readonly<Record<CbamRoute, string>> = Object.freeze({
  'primary-smelting': 'Primary (electrolytic) smelting',
  'secondary-melting': 'Secondary melting (recycling)',
  'aluminium-products': 'Aluminium products',
});

// Regulation (EU) 2023/956 Annex I aluminium headings (formats.md §3.2). 7602 (scrap) and 7615
// (household articles) are not covered.
const PRODUCT_HEADINGS = new Set(['7603', '7604', '7605', '7606', '7607', '7608', '7609', '7610', '7611', '7612', '7613', '7614', '7616']);

/**
 * The aggregated goods category of an aluminium CN code; CbamGoodError when CBAM does not cover it.
 *
 * @example
 * cbamCategoryOfCn('7601 10 00') // 'unwrought-aluminium'
 * cbamCategoryOfCn('7606')       // 'aluminium-products'
 */
export function cbamCategoryOfCn(cn: string): CbamGoodsCategory {
  const digits = cn.replace(/\s+/g, '');
  if (!/^\d{4}(?:\d{2}){0,3}$/.test(digits)) {
    throw new CbamGoodError(`CN code ${JSON.stringify(cn)} is not a CN code (4, 6, 8 or 10 digits, spaces allowed)`);
  }
  const heading = digits.slice(0, 4);
  if (heading === '7601') return 'unwrought-aluminium';
  if (PRODUCT_HEADINGS.has(heading)) return 'aluminium-products';
  throw new CbamGoodError(
    `CN ${cn} is not an aluminium good covered by CBAM (Regulation (EU) 2023/956 Annex I covers 7601, 7603–7614 and 7616; not 7602 scrap nor 7615)`,
  );
}
