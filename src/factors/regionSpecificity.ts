import type { FactorRecord } from './types.js';

/**
 * How specifically a record applies to a region, or undefined when it does not apply:
 * 3 the record is for exactly that region (country or subdivision); 2 the record's grid region
 * covers it; 1 the record is for the country of the subdivision asked (CN for CN-NM), or is a
 * grid region of the country asked (a part of it: below the country's own record);
 * 0 the record names no region and covers none (it applies everywhere).
 * A grid region applies to the subdivisions it covers, never to others through their country:
 * the national grid and the seven regional grids were all "exactly CN" and a model in CN could
 * resolve none of them. Without a region to match, only records that apply everywhere apply.
 *
 * @example
 * regionSpecificity({ ...nationalGrid, region: 'CN' }, 'CN-NM') // 1
 * regionSpecificity({ ...northGrid, covers: ['CN-BJ', 'CN-TJ'] }, 'CN-TJ') // 2
 * regionSpecificity({ ...northGrid, region: 'CN', covers: ['CN-BJ', 'CN-TJ'] }, 'CN') // 1
 */
export function regionSpecificity(record: FactorRecord, region: string | undefined): 0 | 1 | 2 | 3 | undefined {
  const covers = record.covers ?? [];
  if (record.region === undefined && covers.length === 0) return 0;
  if (region === undefined) return undefined;
  if (record.region === region) return covers.length === 0 ? 3 : 1;
  if (covers.includes(region)) return 2;
  if (covers.length > 0) return undefined;
  const country = region.includes('-') ? region.slice(0, region.indexOf('-')) : undefined;
  if (country !== undefined && record.region === country) return 1;
  return undefined;
}

/** Where a record applies, for messages: `CN`, `covers CN-BJ, CN-TJ`, `any region`. */
export function describeRegion(record: FactorRecord): string {
  const covers = record.covers ?? [];
  const parts: string[] = [];
  if (record.region !== undefined) parts.push(record.region);
  if (covers.length > 0) parts.push(`covers ${covers.join(', ')}`);
  return parts.length === 0 ? 'any region' : parts.join(', ');
}
