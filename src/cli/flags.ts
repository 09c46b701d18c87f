import { GWP_SET_IDS, type GwpSetId } from '../gases/types.js';
import { amountIn, parseQuantity } from '../quantity/index.js';
import type { Decimal } from '../decimal/decimal.js';
import { listRulebooks } from '../rulebooks/index.js';
import { LIFE_CYCLE_STAGES, METALS, type LifeCycleStage, type Metal } from '../report/keyproduct/types.js';
import { UsageError } from './outputs.js';

/**
 * Checks of command-line values that need no model, shared by every command so each flag means
 * the same thing everywhere and a bad value is a usage error (exit 2) before any file is read.
 */

/** The one MODEL argument of a command. */
export function singleModel(positionals: readonly string[], takesLedgers = false): string {
  if (positionals.length === 0) throw new UsageError('no MODEL file given');
  if (positionals.length > 1) {
    // `--activity a.csv b.csv` leaves b.csv as a second MODEL: each ledger takes its own flag.
    const ledgers = takesLedgers ? positionals.filter((arg) => /\.(csv|xlsx)$/i.test(arg)) : [];
    const hint = ledgers.length === 0 ? '' : ` (${ledgers.join(', ')}: give each ledger its own flag, --activity a.csv --activity b.csv)`;
    throw new UsageError(`one MODEL file expected, got ${positionals.length}${hint}`);
  }
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

/**
 * Every flag of `smeltprint footprint`, whichever path runs it (with or without activity data): a
 * flag the chosen format does not take is then refused by name (footprintMode), never reported as
 * an unknown option.
 */
export const FOOTPRINT_OPTIONS = {
  product: { type: 'string' },
  format: { type: 'string' },
  gwp: { type: 'string' },
  per: { type: 'string' },
  output: { type: 'string', short: 'o' },
  places: { type: 'string' },
  scope2: { type: 'string' },
  lang: { type: 'string' },
  metal: { type: 'string' },
  stage: { type: 'string', multiple: true },
  'cbam-period': { type: 'string' },
  'cbam-options': { type: 'string' },
  'cbam-output': { type: 'string' },
  good: { type: 'string', multiple: true },
  installation: { type: 'string' },
  'pact-version': { type: 'string' },
  'pact-meta': { type: 'string' },
  uncertainty: { type: 'string' },
  seed: { type: 'string' },
  'uncertainty-file': { type: 'string' },
  by: { type: 'string' },
  ...ACTIVITY_OPTIONS,
} as const;

/** `--mapping` only means something with `--activity`. */
export function checkActivityFlags(values: { activity?: readonly string[] | undefined; mapping?: string | undefined; period?: string | undefined; 'allow-rejects'?: boolean | undefined }): void {
  if (values.mapping !== undefined && values.activity === undefined) throw new UsageError('--mapping needs --activity FILE');
  const twice = values.activity?.find((file, i) => values.activity!.indexOf(file) !== i);
  if (twice !== undefined) throw new UsageError(`--activity ${twice} is given twice: every row would be read twice`);
  // Without ledger rows to select, --period would only relabel the model's amounts (a year's
  // production reported as a quarter's).
  if (values.period !== undefined && values.activity === undefined) throw new UsageError('--period selects the rows of --activity FILE; without activity data it would relabel the model\'s amounts as another period');
  if (values['allow-rejects'] !== undefined && values.activity === undefined) throw new UsageError('--allow-rejects needs --activity FILE');
}

/** What `smeltprint footprint` (without activity data) produces: a --format, or the --uncertainty interval. */
export type FootprintMode = 'table' | 'json' | 'report' | 'html' | 'cbam' | 'pact' | 'audit' | 'uncertainty';

/**
 * The footprint flags and the modes that use them. A flag a mode does not use is refused rather
 * than ignored: a verifier given `--format cbam --gwp AR6` or `--format report --places 2` would
 * otherwise believe they got figures they did not (CBAM fixes its GWP and units; the report and
 * the audit print exact values and are market-based).
 */
const FLAG_MODES: Readonly<Record<string, readonly FootprintMode[]>> = {
  product: ['table', 'json', 'report', 'html', 'pact', 'audit', 'uncertainty'],
  gwp: ['table', 'json', 'report', 'html', 'pact', 'audit', 'uncertainty'],
  per: ['table', 'json', 'report', 'html', 'audit', 'uncertainty'],
  scope2: ['table', 'json'],
  places: ['table', 'json'],
  lang: ['report', 'html'],
  by: ['table', 'json'],
  metal: ['report', 'html'],
  stage: ['report', 'html'],
  'cbam-period': ['cbam'],
  'cbam-options': ['cbam'],
  'cbam-output': ['cbam'],
  good: ['cbam'],
  installation: ['cbam'],
  'pact-version': ['pact'],
  'pact-meta': ['pact'],
  // Activity data fills the model for every format but the interval (report, html, pact and cbam
  // are made here; table, json and audit by footprintWithActivity, which also takes --by month).
  activity: ['table', 'json', 'audit', 'report', 'html', 'pact', 'cbam'],
  mapping: ['table', 'json', 'audit', 'report', 'html', 'pact', 'cbam'],
  'allow-rejects': ['table', 'json', 'audit', 'report', 'html', 'pact', 'cbam'],
  period: ['table', 'json', 'audit', 'report', 'html', 'pact', 'cbam'],
  seed: ['uncertainty'],
  'uncertainty-file': ['uncertainty'],
};

/**
 * The mode of a footprint run, after refusing every flag given that the mode would ignore.
 *
 * @example
 * footprintMode({ format: 'cbam', gwp: 'AR6' }) // throws UsageError: --gwp has no effect with --format cbam ...
 */
export function footprintMode(values: Readonly<Record<string, unknown>>): FootprintMode {
  const format = (values['format'] as string | undefined) ?? 'table';
  let mode: FootprintMode;
  if (values['uncertainty'] !== undefined) {
    if (format !== 'table' && format !== 'json') throw new UsageError(`--uncertainty prints a table or JSON, not --format ${format}`);
    mode = 'uncertainty';
  } else mode = format as FootprintMode;
  for (const [flag, modes] of Object.entries(FLAG_MODES)) {
    if (values[flag] === undefined || modes.includes(mode)) continue;
    if (modes.length === 1 && modes[0] === 'uncertainty') throw new UsageError(`--${flag} needs --uncertainty RUNS`);
    const takers = modes.filter((m) => m !== 'uncertainty').join(', ');
    const withUncertainty = modes.includes('uncertainty') ? ' (and with --uncertainty)' : '';
    const given = mode === 'uncertainty' ? 'with --uncertainty' : `with --format ${mode}`;
    throw new UsageError(`--${flag} has no effect ${given}; it is taken by --format ${takers}${withUncertainty}`);
  }
  return mode;
}

/** `--uncertainty RUNS` and `--seed N`, checked before the model is read. */
export function checkUncertaintyFlags(runs: string, seed: string): { runs: number; seed: number } {
  if (!/^\d{1,8}$/.test(runs) || Number.parseInt(runs, 10) < 2) throw new UsageError(`--uncertainty takes a number of runs from 2 to 99999999, got "${runs}"`);
  if (!/^-?\d{1,9}$/.test(seed)) throw new UsageError(`--seed takes a whole number, got "${seed}"`);
  return { runs: Number.parseInt(runs, 10), seed: Number.parseInt(seed, 10) };
}

/** `--pact-version`, checked before the model is read. */
export function checkPactVersion(version: string | undefined): '3.0' | '2.3' {
  const checked = version ?? '3.0';
  if (checked !== '3.0' && checked !== '2.3') throw new UsageError(`--pact-version takes 3.0 or 2.3, got "${checked}"`);
  return checked;
}

/** `--mass-balance TOLERANCE` as a fraction from 0 to 1, checked before the model is read. */
export function checkTolerance(text: string): Decimal {
  let tolerance: Decimal | undefined;
  try {
    tolerance = amountIn(parseQuantity(text, undefined, 'fraction'), 'fraction');
  } catch {
    tolerance = undefined;
  }
  // A bare 5 is 500 %, not 5 %: refused here rather than failing later as an invalid number.
  if (tolerance === undefined || tolerance.isNegative() || tolerance.gt(1)) {
    throw new UsageError(`--mass-balance takes a tolerance from 0 to 100 %, such as "5 %" or "0.05", got "${text}"`);
  }
  return tolerance;
}

/** `--rulebook ID`, checked against the rulebooks there are before the model is read. */
export function checkRulebook(id: string): void {
  const ids = listRulebooks().map((r) => r.id);
  if (!(ids as readonly string[]).includes(id)) throw new UsageError(`unknown rulebook "${id}" (${ids.join(', ')})`);
}

/**
 * `--metal M` and `--stage PROCESS=STAGE` (repeatable) of the key-product report, checked before
 * the model is read: the metal whose product rules apply when flow names do not tell it, and a
 * process's life-cycle stage where the default rule gets it wrong.
 *
 * @example
 * reportRulesOf('zinc', ['waelz-kiln=production']) // { metal: 'zinc', stages: { 'waelz-kiln': 'production' } }
 */
export function reportRulesOf(metal: string | undefined, stages: readonly string[] | undefined): { metal?: Metal; stages?: Record<string, LifeCycleStage> } {
  if (metal !== undefined && !(METALS as readonly string[]).includes(metal)) throw new UsageError(`--metal takes ${METALS.join(', ')}, got "${metal}"`);
  const chosen: Record<string, LifeCycleStage> = Object.create(null) as Record<string, LifeCycleStage>;
  for (const text of stages ?? []) {
    const at = text.lastIndexOf('=');
    const process = at < 0 ? '' : text.slice(0, at).trim();
    const stage = at < 0 ? '' : text.slice(at + 1).trim();
    if (process === '' || !(LIFE_CYCLE_STAGES as readonly string[]).includes(stage)) {
      throw new UsageError(`--stage takes PROCESS=STAGE with STAGE one of ${LIFE_CYCLE_STAGES.join(', ')}, got "${text}"`);
    }
    if (process in chosen && chosen[process] !== stage) throw new UsageError(`--stage gives process "${process}" two stages`);
    chosen[process] = stage as LifeCycleStage;
  }
  return { ...(metal === undefined ? {} : { metal: metal as Metal }), ...(stages === undefined ? {} : { stages: chosen }) };
}
