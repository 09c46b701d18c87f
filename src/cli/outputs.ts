import type { ActivityPeriods } from '../compute/timeVaryingInputs.js';
import { resolve as resolvePath } from 'node:path';
import { ModelValidationError } from '../core/errors.js';
import { formatIssue, makeIssue } from '../core/issues.js';
import { issuesFromZod } from '../factors/issuesFromZod.js';
import { parseModelText } from '../io/parseModelText.js';
import { readFileBytes } from '../io/readFileBytes.js';
import { decodeDocumentText } from '../io/readModelFile.js';
import type { Model } from '../model/types.js';
import {
  cbamEmbeddedEmissions,
  cbamOptionsFileSchema,
  cbamToCsv,
  cbamToJson,
  cbamToXlsx,
  type CbamOptions,
  type CbamPeriod,
} from '../report/cbam/index.js';
import { CBAM_PERIODS } from '../report/cbam/regulation.js';
import { canonicalJson } from '../report/canonical.js';
import { checkModel, listRulebooks } from '../rulebooks/index.js';
import { massBalance } from '../graph/massBalance.js';
import { parseUncertaintyMap, propagateAnalytic, simulate } from '../uncertainty/index.js';
import { uncertaintyJsonText, uncertaintyTable } from '../report/uncertaintyText.js';
import type { Decimal } from '../decimal/decimal.js';
import { UnknownRulebookError } from '../core/errors.js';
import type { GwpSetId } from '../gases/types.js';
import type { FootprintResult } from '../graph/results.js';
import { resultForProduct } from '../compute/computeFootprints.js';
import { pactFromModelAll, pactJsonText, type PactModelMeta } from '../report/pact/index.js';
import { auditJsonText, toAudit } from '../report/audit/index.js';

/** Raised for bad command-line usage (exit code 2). */
export class UsageError extends Error {}

/**
 * The text of a file a flag names (`--cbam-options`, `--pact-meta`, `--uncertainty-file`), read
 * by the rules a MODEL file is: missing, a directory or unreadable is a FileAccessError (exit 1,
 * as for MODEL), over 64 MiB refused unread, bytes that are not UTF-8 refused (never a silent
 * U+FFFD). Errors name the file as it was given.
 *
 * @example
 * parseModelText(await readSideFile('meta.yaml', cwd), 'auto', 'meta.yaml')
 */
export async function readSideFile(file: string, cwd: string): Promise<string> {
  const bytes = await readFileBytes(resolvePath(cwd, file), file);
  return decodeDocumentText(bytes, file);
}

export interface CbamCliOptions {
  readonly period?: string;
  readonly optionsFile?: string;
  readonly goods: readonly string[];
  /** Process ids of the installation (overrides the options file's). */
  readonly installation?: readonly string[];
  readonly output?: string;
  readonly cwd: string;
}

/** CBAM options from the command line and `--cbam-options`, all checked without the model. */
export interface CbamRun {
  readonly options: CbamOptions;
  readonly output: 'json' | 'csv' | 'xlsx';
}

/**
 * The CBAM options of the command line, read and checked before the model is: options from a
 * file and/or `--good FLOW=CN`, the period from `--cbam-period` or the file. A missing or unknown
 * period, a malformed `--good`, no good at all or an unknown `--cbam-output` is a usage error.
 */
export async function cbamRunOf(cli: CbamCliOptions): Promise<CbamRun> {
  const output = cli.output ?? 'json';
  if (output !== 'json' && output !== 'csv' && output !== 'xlsx') throw new UsageError(`--cbam-output takes json, csv or xlsx, got "${output}"`);
  const file = cli.optionsFile === undefined ? undefined : await readCbamOptions(cli.optionsFile, cli.cwd);
  const period = cli.period ?? file?.period;
  if (period === undefined) throw new UsageError('CBAM needs the regulation period: --cbam-period transitional-2023/1773 or definitive-2025/2547');
  if (!Object.hasOwn(CBAM_PERIODS, period)) throw new UsageError(`unknown CBAM period "${period}" (${Object.keys(CBAM_PERIODS).join(', ')})`);
  const goods = [
    ...(file?.goods ?? []),
    ...cli.goods.map((text) => {
      const [flow, cn] = text.split('=');
      if (flow === undefined || cn === undefined || flow === '' || cn === '') throw new UsageError(`--good takes FLOW=CN, e.g. aluminium-ingot=7601, got "${text}"`);
      return { flow, cn };
    }),
  ];
  if (goods.length === 0) throw new UsageError('CBAM needs at least one good: --good FLOW=CN or goods in --cbam-options');
  const options = {
    period: period as CbamPeriod,
    goods,
    ...(cli.installation !== undefined ? { installation: cli.installation } : file?.installation === undefined ? {} : { installation: file.installation }),
    ...(file?.installationName === undefined ? {} : { installationName: file.installationName }),
    ...(file?.precursors === undefined ? {} : { precursors: file.precursors.map(stripUndefined) }),
  } as CbamOptions;
  return { options, output };
}

/** CBAM embedded emissions of the model: text (JSON, CSV) or bytes (xlsx). */
export function cbamOutput(model: Model, run: CbamRun): { text?: string; bytes?: Uint8Array } {
  const report = cbamEmbeddedEmissions(model, run.options);
  switch (run.output) {
    case 'json':
      return { text: `${canonicalJson(cbamToJson(report), 2)}\n` };
    case 'csv':
      return { text: cbamToCsv(report) };
    case 'xlsx':
      return { bytes: cbamToXlsx(report) };
  }
}

async function readCbamOptions(file: string, cwd: string) {
  const path = resolvePath(cwd, file);
  const raw = parseModelText(await readSideFile(file, cwd), 'auto', path);
  const parsed = cbamOptionsFileSchema.safeParse(raw);
  if (!parsed.success) throw new ModelValidationError(issuesFromZod(parsed.error, []), `CBAM options file ${path}`);
  return parsed.data;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** `check`: findings of a rulebook, one per line; exit 1 when any is an error. */
export function checkOutput(model: Model, rulebook: string): { text: string; failed: boolean } {
  let findings;
  try {
    findings = checkModel(model, rulebook as never);
  } catch (error) {
    if (error instanceof UnknownRulebookError) {
      throw new UsageError(`unknown rulebook "${rulebook}" (${listRulebooks().map((r) => r.id).join(', ')})`);
    }
    throw error;
  }
  const lines = findings.map((f) => `${f.rule}: ${formatIssue(f)}`);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  lines.push(`${rulebook}: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${findings.length - errors - warnings} note${findings.length - errors - warnings === 1 ? '' : 's'}`);
  return { text: `${lines.join('\n')}\n`, failed: errors > 0 };
}

export { makeIssue };

/**
 * The `--pact-meta` file: a YAML or JSON object of footprint metadata (empty without the flag),
 * read before the model is.
 */
export async function pactMetaOf(metaFile: string | undefined, cwd: string): Promise<PactModelMeta> {
  const meta = metaFile === undefined ? {} : parseModelText(await readSideFile(metaFile, cwd), 'auto', metaFile);
  if (typeof meta !== 'object' || meta === null || Array.isArray(meta)) throw new UsageError('--pact-meta must be a YAML or JSON object of footprint metadata');
  return meta as PactModelMeta;
}

/** PACT footprints: one for `--product`, else `{ "data": [...] }` for every product (as the PACT API lists them), from one computation. */
export function pactOutput(
  model: Model,
  flows: readonly string[] | undefined,
  cli: { version: '3.0' | '2.3'; meta: PactModelMeta; gwp?: GwpSetId; activityPeriods?: ActivityPeriods; note?: (text: string) => void },
): string {
  const { version, meta } = cli;
  const options = { ...(cli.gwp === undefined ? {} : { gwp: cli.gwp }), ...(cli.activityPeriods === undefined ? {} : { activityPeriods: cli.activityPeriods }) };
  const onLeftOut = (left: readonly string[]) =>
    cli.note?.(`note: PACT describes products per kg; not measured in mass, left out: ${left.join(', ')} (ask for one with --product to see why)\n`);
  const all = { ...options, onLeftOut, ...(flows === undefined ? {} : { flows }) };
  const footprints = version === '2.3' ? pactFromModelAll(model, meta, { ...all, version: '2.3' }) : pactFromModelAll(model, meta, all);
  // The shape follows the request, not the model: an integration reading `data` must not break
  // on a model that happens to have one product.
  return flows !== undefined && flows.length === 1 ? pactJsonText(footprints[0]!) : `${canonicalJson({ data: footprints }, 2)}\n`;
}

/** The audit trail with SHA-256 digests of the raw document and of the result. */
export function auditOutput(document: unknown, result: FootprintResult, flow: string | undefined, files: readonly { readonly name: string; readonly bytes: Uint8Array }[] = []): string {
  return auditJsonText(toAudit(result, { document, ...(flow === undefined ? {} : { flows: [flow] }), ...(files.length === 0 ? {} : { files }) }));
}

/** `check --mass-balance`: each process's mass in and out, and warnings over the tolerance (a fraction, see checkTolerance). */
export function massBalanceOutput(model: Model, tolerance: Decimal): string {
  const report = massBalance(model, { tolerance });
  const lines = report.processes.map(
    (p) => `${p.process}: in ${p.inputs.toFixed()} t, out ${p.outputs.toFixed()} t, difference ${p.difference.toFixed()} t (${p.relative.times(100).toDecimalPlaces(2).toFixed()} %)`,
  );
  for (const w of report.warnings) lines.push(formatIssue(w));
  lines.push(`mass balance: ${report.processes.length} processes checked, ${report.warnings.length} over ${report.tolerance.times(100).toFixed()} %`);
  return `${lines.join('\n')}\n`;
}

/** `--uncertainty RUNS --seed N`: Monte Carlo and first-order analytic intervals per product (runs and seed checked by checkUncertaintyFlags). */
export async function uncertaintyOutput(
  model: Model,
  cli: { runs: number; seed: number; file?: string; gwp?: GwpSetId; per?: string; product?: string; json: boolean; cwd: string },
): Promise<string> {
  const uncertainty = cli.file === undefined ? undefined : parseUncertaintyMap(parseModelText(await readSideFile(cli.file, cli.cwd), 'auto', cli.file));
  const compute = { ...(cli.gwp === undefined ? {} : { gwp: cli.gwp }), ...(cli.per === undefined ? {} : { per: cli.per }) };
  const options = { compute, ...(uncertainty === undefined ? {} : { uncertainty }) };
  let simulation = simulate(model, { ...options, runs: cli.runs, seed: cli.seed });
  let analytic = propagateAnalytic(model, options);
  if (cli.product !== undefined) {
    if (!simulation.products.some((p) => p.flow === cli.product)) {
      throw new UsageError(`"${cli.product}" is not a product of the model (products: ${simulation.products.map((p) => p.flow).join(', ')})`);
    }
    simulation = { ...simulation, products: simulation.products.filter((p) => p.flow === cli.product) };
    analytic = { ...analytic, products: analytic.products.filter((p) => p.flow === cli.product) };
  }
  return cli.json ? uncertaintyJsonText(simulation, analytic) : uncertaintyTable(simulation, analytic);
}

/** One product's result with its per-process contributions (cheap for one product), or the whole result. */
export function selectProduct(result: FootprintResult, flow: string | undefined): FootprintResult {
  // Per-process contributions of a large model are left out of the full run; one product's are cheap.
  return flow === undefined ? result : resultForProduct(result, flow);
}
