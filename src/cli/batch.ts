import { readdir, stat } from 'node:fs/promises';
import { join, relative, resolve as resolvePath, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { computeFootprints, defaultComputeContext } from '../compute/computeFootprints.js';
import { isSmeltprintError, ModelValidationError } from '../core/errors.js';
import { formatIssue } from '../core/issues.js';
import { toFixedString } from '../decimal/rounding.js';
import type { GwpSetId } from '../gases/types.js';
import { ACTIVITY_OPTIONS, checkActivityFlags, checkCommonFlags } from './flags.js';
import { readModelFile, writeFileAtomic } from '../io/index.js';
import { parseModel } from '../model/parse.js';
import { canonicalJson } from '../report/canonical.js';
import { csvField } from '../report/cbam/csvText.js';
import { activityFailed, activitySummary, readActivitySources } from './activity.js';
import { activityPeriodsOf } from '../activity/activityPeriods.js';
import { activityFiller } from '../activity/fillActivity.js';
import { UsageError } from './outputs.js';
import type { CliIo } from './run.js';
import { appendAll } from '../core/lists.js';

const MODEL_EXTENSIONS = /\.(?:ya?ml|json)$/i;

/** One summary line of a batch: a product of a model. */
const SUMMARY_COLUMNS = ['file', 'model', 'periodStart', 'periodEnd', 'gwp', 'product', 'declaredUnit', 'total', 'unit', 'scope1', 'scope2', 'scope3'] as const;

/**
 * `smeltprint batch DIR|GLOB... [--activity FILE... [--mapping MAP] [--allow-rejects]]
 * [--output-format jsonl|csv] [--gwp SET] [--per "1 kg"] [-o FILE]`: computes every model (a directory is searched recursively for .yaml, .yml and .json; a glob may
 * use `*`, `?` and `**`) and writes one summary line per product. A model that fails does not stop
 * the run: the failures are listed on stderr at the end and the exit code is 1. A progress bar
 * is drawn on stderr only when stderr is a terminal. With `--activity`, each model's activity
 * amounts are filled from the files first, by the rules of `footprint --activity`: a series error,
 * or a rejected row unless `--allow-rejects`, fails that model (listed with its rows).
 *
 * @example
 * await batchCommand(['plants/', '--output-format', 'csv'], io)
 */
export async function batchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: {
      'output-format': { type: 'string' },
      gwp: { type: 'string' },
      per: { type: 'string' },
      output: { type: 'string', short: 'o' },
      activity: ACTIVITY_OPTIONS.activity,
      mapping: ACTIVITY_OPTIONS.mapping,
      'allow-rejects': ACTIVITY_OPTIONS['allow-rejects'],
    },
    allowPositionals: true,
    strict: true,
  });
  const outputFormat = values['output-format'] ?? 'jsonl';
  if (outputFormat !== 'jsonl' && outputFormat !== 'csv') throw new UsageError(`--output-format takes jsonl or csv, got "${outputFormat}"`);
  if (positionals.length === 0) throw new UsageError('batch needs a directory or glob of model files');
  checkCommonFlags(values);
  checkActivityFlags(values);
  const files = [...new Set((await Promise.all(positionals.map((pattern) => expandModels(pattern, io.cwd)))).flat())].sort();
  if (files.length === 0) throw new UsageError(`no model files (.yaml, .yml, .json) match ${positionals.join(' ')}`);

  const tty = io.stderrIsTTY === true;
  const context = defaultComputeContext();
  const lookups = { hasFactor: (id: string) => context.factors.has(id), hasMethod: (id: string) => context.methods.has(id) };
  const lines: string[] = outputFormat === 'csv' ? [SUMMARY_COLUMNS.join(',')] : [];
  const failures: { file: string; message: string }[] = [];
  // The ledgers are read once for all models, their rows split and grouped by series once
  // (activityFiller), so each model looks only at its own series' rows; a reading error fails
  // each model, as it would have failed each model's own read.
  const filler = values.activity === undefined ? undefined : readActivitySources(values.activity, values.mapping, io.cwd).then(({ tables, mapping }) => activityFiller(tables, mapping));
  filler?.catch(() => undefined);
  for (const [index, file] of files.entries()) {
    const shown = relative(io.cwd, file) || file;
    if (tty) io.stderr(progressBar(index, files.length, shown));
    try {
      let document = await readModelFile(file);
      let activityPeriods;
      if (filler !== undefined) {
        const filled = (await filler)(document);
        if (activityFailed(filled.report, values['allow-rejects'] === true)) {
          failures.push({ file: shown, message: activitySummary(filled.report).trimEnd() });
          continue;
        }
        document = filled.document;
        activityPeriods = activityPeriodsOf(filled.report);
      }
      const model = parseModel(document, lookups);
      const result = computeFootprints(model, {
        ...context,
        ...(values.gwp === undefined ? {} : { gwp: values.gwp as GwpSetId }),
        ...(values.per === undefined ? {} : { per: values.per }),
        ...(activityPeriods === undefined ? {} : { activityPeriods }),
      });
      for (const product of result.products) {
        const row: Record<(typeof SUMMARY_COLUMNS)[number], string> = {
          file: shown.split(sep).join('/'),
          model: result.model.id,
          periodStart: result.period.start,
          periodEnd: result.period.end,
          gwp: result.gwp,
          product: product.flow,
          declaredUnit: `${product.declaredUnit.amount.toFixed()} ${product.declaredUnit.unit.symbol}`,
          total: toFixedString(product.total),
          unit: 't CO2e',
          scope1: toFixedString(product.byScope['1']),
          scope2: toFixedString(product.byScope['2']),
          scope3: toFixedString(product.byScope['3']),
        };
        lines.push(outputFormat === 'csv' ? SUMMARY_COLUMNS.map((column) => csvField(row[column])).join(',') : canonicalJson(row));
      }
    } catch (error) {
      failures.push({ file: shown, message: describeFailure(error) });
    }
  }
  if (tty) io.stderr(`${progressBar(files.length, files.length, '')}\n`);
  const text = lines.length === 0 ? '' : `${lines.join(outputFormat === 'csv' ? '\r\n' : '\n')}${outputFormat === 'csv' ? '\r\n' : '\n'}`;
  if (values.output === undefined) io.stdout(text);
  else await writeFileAtomic(resolvePath(io.cwd, values.output), text);
  if (failures.length === 0) return 0;
  io.stderr(`${failures.length} of ${files.length} models failed:\n${failures.map((f) => `  ${f.file}: ${f.message.split('\n').join('\n    ')}`).join('\n')}\n`);
  return 1;
}

function describeFailure(error: unknown): string {
  if (error instanceof ModelValidationError) return error.issues.map(formatIssue).join('\n');
  if (isSmeltprintError(error)) return `${error.message} [${error.code}]`;
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

function progressBar(done: number, total: number, current: string): string {
  const width = 30;
  const filled = Math.round((done / total) * width);
  return `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${current.slice(-40).padEnd(40)}`;
}

/** Model files named by a file, a directory (searched recursively) or a glob. */
async function expandModels(pattern: string, cwd: string): Promise<string[]> {
  const absolute = resolvePath(cwd, pattern);
  if (!/[*?]/.test(pattern)) {
    const info = await stat(absolute).catch(() => undefined);
    // A path that does not exist is listed so that it fails as a model of its own (file_access),
    // rather than being passed over in silence.
    if (info === undefined) return [absolute];
    return info.isDirectory() ? (await walk(absolute)).filter((file) => MODEL_EXTENSIONS.test(file)) : [absolute];
  }
  // The directory before the first wildcard is walked; the rest is matched as a glob.
  const parts = absolute.split(sep);
  const firstWild = parts.findIndex((part) => /[*?]/.test(part));
  const base = parts.slice(0, firstWild).join(sep) || sep;
  const matcher = globToRegExp(parts.slice(firstWild).join('/'));
  const files = await walk(base).catch(() => []);
  return files.filter((file) => matcher.test(relative(base, file).split(sep).join('/')));
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const found: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) appendAll(found, await walk(path));
    else if (entry.isFile()) found.push(path);
    else if (entry.isSymbolicLink()) {
      // A linked model is a model (a link that leads nowhere is listed, to fail as one of its
      // own); linked directories are not followed, so a link cannot make the walk go round.
      const target = await stat(path).catch(() => undefined);
      if (target === undefined || target.isFile()) found.push(path);
    }
  }
  return found;
}

/** `*` within a path segment, `?` one character, `**` any number of segments. */
function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (char === '*' && glob[index + 1] === '*') {
      source += glob[index + 2] === '/' ? '(?:.*/)?' : '.*';
      index += glob[index + 2] === '/' ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
