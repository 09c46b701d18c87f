import { GWP_SET_IDS, type GwpSetId } from '../gases/types.js';
import { parseQuantity } from '../quantity/index.js';
import { UsageError } from './outputs.js';

/**
 * Checks of command-line values that need no model, shared by every command so each flag means
 * the same thing everywhere and a bad value is a usage error (exit 2) before any file is read.
 */

/** The one MODEL argument of a command. */
export function singleModel(positionals: readonly string[]): string {
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'no MODEL file given' : `one MODEL file expected, got ${positionals.length}`);
  return positionals[0]!;
}

export function checkGwp(gwp: string): GwpSetId {
  if (!(GWP_SET_IDS as readonly string[]).includes(gwp)) throw new UsageError(`unknown GWP set "${gwp}" (${GWP_SET_IDS.join(', ')})`);
  return gwp as GwpSetId;
}

export function checkPer(per: string): void {
  let amount;
  try {
    amount = parseQuantity(per).amount;
  } catch {
    throw new UsageError(`--per takes a declared unit such as "1 kg" or "1000 kg", got "${per}"`);
  }
  if (!amount.gt(0)) throw new UsageError(`--per must be a positive amount, got "${per}"`);
}

/** `--places N` as a rounding for display; undefined when the flag is absent. */
export function roundingOf(places: string | undefined): { places: number; mode: 'HALF_EVEN' } | undefined {
  if (places === undefined) return undefined;
  if (!/^\d{1,2}$/.test(places)) throw new UsageError(`--places takes a whole number from 0 to 99, got "${places}"`);
  return { places: Number.parseInt(places, 10), mode: 'HALF_EVEN' };
}

/** Flags whose values can be checked without the model: --gwp, --per, --scope2, --lang. */
export function checkCommonFlags(values: { gwp?: string | undefined; per?: string | undefined; scope2?: string | undefined; lang?: string | undefined }): void {
  if (values.gwp !== undefined) checkGwp(values.gwp);
  if (values.per !== undefined) checkPer(values.per);
  if (values.scope2 !== undefined && !['market', 'location', 'both'].includes(values.scope2)) {
    throw new UsageError(`--scope2 takes market, location or both, got "${values.scope2}"`);
  }
  if (values.lang !== undefined && values.lang !== 'zh' && values.lang !== 'en') throw new UsageError(`--lang takes zh or en, got "${values.lang}"`);
}

/** The flags that bring in activity data, as footprint, explain and batch take them. */
export const ACTIVITY_OPTIONS = {
  activity: { type: 'string', multiple: true },
  mapping: { type: 'string' },
  'allow-rejects': { type: 'boolean' },
  period: { type: 'string' },
} as const;

/** `--mapping` only means something with `--activity`. */
export function checkActivityFlags(values: { activity?: readonly string[] | undefined; mapping?: string | undefined }): void {
  if (values.mapping !== undefined && values.activity === undefined) throw new UsageError('--mapping needs --activity FILE');
}
