import type { Decimal } from '../decimal/decimal.js';
import { HUNDRED } from './terms.js';

/**
 * CO2 from carbon burnt off less its sulphur and ash: carbon × (100 − S − A)/100 × 44/12, S and A
 * in percent — the shape of IPCC 2006 Eq. 4.21 (prebake anodes) and 4.23 (packing coke), NDRC 2013
 * 炭阳极消耗 (GB/T 32151.4) and MEE 2024 as transcribed in standards.md §2.2.
 *
 * @example
 * anodeCarbonCo2(new Decimal(42000), new Decimal(2), new Decimal('0.4')) // 150304
 */
export function anodeCarbonCo2(netCarbon: Decimal, sulfurPercent: Decimal, ashPercent: Decimal): Decimal {
  return netCarbon.times(HUNDRED.minus(sulfurPercent).minus(ashPercent)).div(HUNDRED).times(44).div(12);
}
