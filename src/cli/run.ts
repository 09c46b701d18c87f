import { parseArgs } from 'node:util';
import { isSmeltprintError, ModelValidationError } from '../core/errors.js';
import { formatIssue, type Issue } from '../core/issues.js';
import { GWP_SET_IDS } from '../gases/types.js';
import { computeFootprints, defaultComputeContext, withWarnings } from '../compute/computeFootprints.js';
import { readModelFile, writeFileAtomic } from '../io/index.js';
import { parseModel } from '../model/parse.js';
import { footprintComparisonJsonParts, footprintJsonParts, footprintJsonText } from '../report/json.js';
import { footprintTable, scope2Comparison } from '../report/table.js';
import { explainText } from '../report/explainText.js';
import { canonicalJson } from '../report/canonical.js';
import { aluminiumSmelterDocument, DEMO_PRODUCT } from '../demo/index.js';
import { VERSION } from '../version.js';
import type { FootprintResult } from '../graph/results.js';
import type { Model } from '../model/types.js';
import { stat } from 'node:fs/promises';
import { resolve as resolvePath } from 'node:path';
import { FOOTPRINT_OPTIONS, checkActivityFlags, checkCommonFlags, checkGwp, reportRulesOf, checkPactVersion, checkRulebook, checkTolerance, checkUncertaintyFlags, footprintMode, roundingOf, singleModel } from './flags.js';
import { auditOutput, cbamOutput, cbamRunOf, checkOutput, massBalanceOutput, pactMetaOf, pactOutput, selectProduct, uncertaintyOutput, UsageError, type CbamRun } from './outputs.js';
import type { ActivityPeriods } from '../compute/timeVaryingInputs.js';
import { explainWithActivity, footprintWithActivity, loadWithActivity, usesActivityFlags } from './activity.js';
import { activityPeriodsOf, activityWarnings } from '../activity/activityPeriods.js';
import { batchCommand } from './batch.js';
import { schemaCommand } from './schema.js';
import { keyProductHtml, keyProductMarkdown, keyProductReport } from '../report/keyproduct/index.js';

export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /** Whether stderr is a terminal (progress bars are drawn only then). */
  readonly stderrIsTTY?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;


const HELP = `smeltprint ${VERSION} — exact product carbon footprints of non-ferrous metals

Usage:
  smeltprint demo [--format report|html|table|json] [--lang en|zh]
                                                   the built-in aluminium smelter, as a report
  smeltprint footprint MODEL [--product FLOW] [--format table|json] [--gwp SET] [--per "1 kg"]
                    [--scope2 market|location|both] [--places N] [-o FILE]
  smeltprint footprint MODEL --format report|html [--lang zh|en] [--product FLOW]
                    [--metal aluminium|copper|lead|zinc] [--stage PROCESS=production|raw-material-acquisition]...
                                                   GB/T 24067 / GB/T 44905 key-product report
  smeltprint footprint MODEL --format cbam --cbam-period transitional-2023/1773|definitive-2025/2547
                    [--good FLOW=CN]... [--installation P1,P2] [--cbam-options FILE] [--cbam-output json|csv|xlsx] [-o FILE]
  smeltprint footprint MODEL --format pact [--pact-version 3.0|2.3] [--pact-meta FILE] [--product FLOW]
  smeltprint footprint MODEL --uncertainty RUNS [--seed N] [--uncertainty-file FILE] [--format table|json]
                                                   Monte Carlo interval (float64) + IPCC Approach 1
  smeltprint footprint MODEL --format audit [--product FLOW]   calculation tree + SHA-256 digests
  smeltprint check MODEL --rulebook ID             compliance findings (exit 1 on any error)
  smeltprint check MODEL --mass-balance "5 %"      inputs vs outputs by mass per process (warnings)
  smeltprint explain MODEL --product FLOW [--format text|json] [--activity FILE... --mapping MAP]
  smeltprint footprint MODEL --activity FILE... [--mapping MAP] [--allow-rejects]
                    [--period 2025-01..2025-12] [--by month] [--product FLOW] [--format table|json|audit]
                    [--scope2 market|location|both]
                                                   amounts from ERP exports (CSV/XLSX), per month;
                                                   --format report|html|pact|cbam take them too
  smeltprint batch DIR|GLOB... [--output-format jsonl|csv] [--activity FILE... --mapping MAP] [-o FILE]
                                                   many models into one summary
  smeltprint schema [model|mapping|result|scope2-comparison|monthly]   JSON Schemas for integrators
  smeltprint --help | --version

MODEL is a YAML or JSON model document (format version 1), in UTF-8.
A flag the chosen format does not use is refused (exit 2): --scope2 and --places are for
table and json; --lang for report and html; CBAM fixes its GWP and units.
GWP sets: ${GWP_SET_IDS.join(', ')}.
Exit codes: 0 success, 1 the model is invalid or cannot be computed, 2 usage error.
`;

/**
 * Runs the CLI with the given arguments; returns the exit code. Never throws and never calls
 * process.exit, so tests (and embedding programs) can run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined) {
      // Nothing asked is a usage error: the help goes where errors go, so a pipe reading stdout
      // gets nothing rather than text it would take for output.
      io.stderr(HELP);
      return EXIT_USAGE;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return EXIT_OK;
    }
    if (command === '--version' || command === '-v') {
      io.stdout(`${VERSION}\n`);
      return EXIT_OK;
    }
    // `smeltprint footprint --help`: the help of a known command, asked before any `--` (after it,
    // "-h" is a file name).
    const options = rest.indexOf('--') < 0 ? rest : rest.slice(0, rest.indexOf('--'));
    if (COMMANDS.includes(command) && (options.includes('--help') || options[0] === '-h')) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    await refuseOutputOverInput(rest, io.cwd);
    switch (command) {
      case 'demo':
        return await demo(rest, io);
      case 'footprint':
        return usesActivityFlags(rest) && !wholeModelFormat(rest) ? await footprintWithActivity(rest, io) : await footprint(rest, io);
      case 'batch':
        return await batchCommand(rest, io);
      case 'explain':
        return usesActivityFlags(rest) ? await explainWithActivity(rest, io) : await explain(rest, io);
      case 'schema':
        return schemaCommand(rest, io);
      case 'check':
        return await check(rest, io);
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    return report(error, io);
  }
}

/**
 * `-o FILE` naming one of the run's own inputs (the model, a ledger, a mapping, a metadata file)
 * would replace it with the output — `-o model.yaml` instead of `-o model.json`: refused before
 * anything is read. The arguments are read as the commands read them (parseArgs: the last of a
 * repeated flag, `-oFILE` and `--output=FILE` alike); the inputs are the positional arguments and
 * the values of the flags that name files, compared by device and inode, so another spelling or a
 * link to the same file is caught too.
 */
async function refuseOutputOverInput(args: readonly string[], cwd: string): Promise<void> {
  const { values, tokens } = readArgsLoosely(args);
  const output = typeof values['output'] === 'string' ? values['output'] : undefined;
  if (output === undefined) return;
  const target = await stat(resolvePath(cwd, output)).catch(() => undefined);
  if (target === undefined || !target.isFile()) return;
  const inputs = tokens.flatMap((token) =>
    token.kind === 'positional' ? [token.value] : token.kind === 'option' && FILE_FLAGS.has(token.name) && typeof token.value === 'string' ? [token.value] : [],
  );
  for (const input of inputs) {
    const found = await stat(resolvePath(cwd, input)).catch(() => undefined);
    if (found !== undefined && found.isFile() && found.dev === target.dev && found.ino === target.ino) {
      throw new UsageError(`-o ${output} is an input of this run (${input}): it would be replaced by the output; write the output to another file`);
    }
  }
}

/** Flags whose values are files the run reads. */
const FILE_FLAGS: ReadonlySet<string> = new Set(['activity', 'mapping', 'pact-meta', 'cbam-options', 'uncertainty-file']);

/** Every command's flags, for reading arguments before a command parses its own. */
const ALL_OPTIONS = { ...FOOTPRINT_OPTIONS, rulebook: { type: 'string' }, 'mass-balance': { type: 'string' }, 'output-format': { type: 'string' }, all: { type: 'boolean' } } as const;

/** The arguments as parseArgs reads them, without refusing anything (the command does that). */
function readArgsLoosely(args: readonly string[]) {
  return parseArgs({ args: [...args], options: ALL_OPTIONS, strict: false, allowPositionals: true, tokens: true });
}

const COMMANDS: readonly string[] = ['demo', 'footprint', 'batch', 'explain', 'schema', 'check'];

function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String((error as { code: unknown }).code).startsWith('ERR_PARSE_ARGS'))) {
    io.stderr(`smeltprint: ${error.message}\nRun "smeltprint --help" for usage.\n`);
    return EXIT_USAGE;
  }
  if (error instanceof ModelValidationError) {
    // Paths of a mapping or an options file would read as the model's: say which file they are in.
    if (error.what !== 'model document') io.stderr(`${error.what} is invalid:\n`);
    for (const issue of error.issues) io.stderr(`${formatIssue(issue)}\n`);
    return EXIT_INVALID;
  }
  if (isSmeltprintError(error)) {
    io.stderr(`error: ${error.message} [${error.code}]\n`);
    return EXIT_INVALID;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`smeltprint: internal error: ${message}\nPlease report this with the model that caused it.\n`);
  return EXIT_INVALID;
}

/** Formats that describe the model as a whole: with activity data they take the filled model here. */
const WHOLE_MODEL_FORMATS: readonly string[] = ['report', 'html', 'pact', 'cbam'];

/** True when the arguments ask for a report, HTML, PACT or CBAM (--format X or --format=X). */
function wholeModelFormat(args: readonly string[]): boolean {
  const format = readArgsLoosely(args).values['format'];
  return typeof format === 'string' && WHOLE_MODEL_FORMATS.includes(format);
}

const FORMATS = ['table', 'json', 'report', 'html', 'cbam', 'pact', 'audit'] as const;

async function footprint(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: [...args], options: FOOTPRINT_OPTIONS, allowPositionals: true, strict: true });
  const file = singleModel(positionals, true);
  // Usage is checked before the model is read: a bad flag, or one the format would ignore, is
  // exit 2 whatever the model holds, and nothing has been written to stdout.
  const rounding = roundingOf(values.places);
  const format = values.format ?? 'table';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown format "${format}" (${FORMATS.join(', ')})`);
  checkCommonFlags(values);
  checkActivityFlags(values);
  const mode = footprintMode(values);
  // Loads the model, filled from the ledgers when --activity or --period is given (undefined:
  // the ledgers failed, their account already on stderr).
  const load = () => loadFilled(file, values, io);
  if (mode === 'cbam') {
    const cbam = await cbamRunOf({
      ...(values['cbam-period'] === undefined ? {} : { period: values['cbam-period'] }),
      ...(values['cbam-options'] === undefined ? {} : { optionsFile: values['cbam-options'] }),
      ...(values['cbam-output'] === undefined ? {} : { output: values['cbam-output'] }),
      goods: values.good ?? [],
      ...(values.installation === undefined ? {} : { installation: values.installation.split(',').map((id) => id.trim()).filter((id) => id !== '') }),
      cwd: io.cwd,
    });
    if (cbam.output === 'xlsx' && values.output === undefined) throw new UsageError('an .xlsx workbook is binary: write it to a file with -o FILE');
    const loaded = await load();
    if (loaded === undefined) return 1;
    const out = cbamOutput(loaded.model, withActivity(cbam, loaded.activityPeriods, loaded.ledgerWarnings));
    if (out.bytes !== undefined) await writeFileAtomic(resolvePath(io.cwd, values.output!), out.bytes);
    else await emit(out.text ?? '', values.output, io);
    return EXIT_OK;
  }
  if (mode === 'uncertainty') {
    const { runs, seed } = checkUncertaintyFlags(values.uncertainty!, values.seed ?? '1');
    const { model } = await loadDocument(file, io);
    const text = await uncertaintyOutput(model, {
      runs,
      seed,
      ...(values['uncertainty-file'] === undefined ? {} : { file: values['uncertainty-file'] }),
      ...(values.gwp === undefined ? {} : { gwp: checkGwp(values.gwp) }),
      ...(values.per === undefined ? {} : { per: values.per }),
      ...(values.product === undefined ? {} : { product: values.product }),
      json: format === 'json',
      cwd: io.cwd,
    });
    await emit(text, values.output, io);
    return EXIT_OK;
  }
  if (mode === 'pact') {
    const version = checkPactVersion(values['pact-version']);
    const meta = await pactMetaOf(values['pact-meta'], io.cwd);
    const loaded = await load();
    if (loaded === undefined) return 1;
    const flows = values.product === undefined ? undefined : [values.product];
    const text = pactOutput(loaded.model, flows, {
      version,
      meta,
      ...(values.gwp === undefined ? {} : { gwp: checkGwp(values.gwp) }),
      ...(loaded.activityPeriods === undefined ? {} : { activityPeriods: loaded.activityPeriods }),
      note: io.stderr,
    });
    await emit(text, values.output, io);
    return EXIT_OK;
  }
  const lang = values.lang ?? 'zh';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang takes zh or en, got "${lang}"`);
  const reportRules = reportRulesOf(values.metal, values.stage);
  const loaded = await load();
  if (loaded === undefined) return 1;
  const { document, model, activityPeriods } = loaded;
  if (mode === 'audit') {
    const result = compute(model, values.gwp, values.per);
    if (values.product !== undefined) result.explain(values.product); // unknown product: a clear error
    await emit(auditOutput(document, result, values.product), values.output, io);
    return EXIT_OK;
  }
  if (mode === 'report' || mode === 'html') {
    const result = withWarnings(compute(model, values.gwp, values.per, 'market', activityPeriods), loaded.ledgerWarnings ?? []);
    const report = keyProductReport(result, { lang, ...reportRules, ...(values.product === undefined ? {} : { product: values.product }) });
    await emit(mode === 'html' ? keyProductHtml(report) : keyProductMarkdown(report), values.output, io);
    return EXIT_OK;
  }
  const scope2 = values.scope2 ?? 'market';
  if (scope2 !== 'market' && scope2 !== 'location' && scope2 !== 'both') throw new UsageError(`--scope2 takes market, location or both, got "${scope2}"`);
  const run = (method: 'market' | 'location') => selectProduct(compute(model, values.gwp, values.per, method), values.product);
  let text: string | Iterable<string>;
  if (scope2 === 'both' && format === 'json') {
    // Both results are computed before a byte goes out, as `--by month` does: a market-based
    // result that cannot be computed must not leave half a document on stdout (or in a pipe or
    // device given to -o, which is written straight into). The text still goes a product at a time.
    const location = run('location');
    const market = run('market');
    text = footprintComparisonJsonParts(() => location, () => market, rounding);
  } else if (scope2 === 'both') {
    const location = run('location');
    const market = run('market');
    text = `${scope2Comparison(location, market, rounding)}\n${footprintTable(market, rounding)}`;
  } else {
    const result = run(scope2);
    // JSON goes out a product at a time: a large model's document is never one string.
    text = format === 'json' ? footprintJsonParts(result, rounding) : footprintTable(result, rounding);
  }
  await emit(text, values.output, io);
  return EXIT_OK;
}

async function explain(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { product: { type: 'string' }, format: { type: 'string' }, gwp: { type: 'string' }, per: { type: 'string' }, output: { type: 'string', short: 'o' } },
    allowPositionals: true,
    strict: true,
  });
  const file = singleModel(positionals);
  if (values.product === undefined) throw new UsageError('explain needs --product FLOW');
  const explainFormat = values.format ?? 'text';
  if (explainFormat !== 'text' && explainFormat !== 'json') throw new UsageError(`unknown format "${explainFormat}" (text, json)`);
  checkCommonFlags(values);
  const model = await load(file, io);
  const result = compute(model, values.gwp, values.per);
  const tree = result.explain(values.product);
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (text, json)`);
  await emit(format === 'text' ? explainText(tree) : `${canonicalJson(tree, 2)}\n`, values.output, io);
  return EXIT_OK;
}


async function demo(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: { format: { type: 'string' }, lang: { type: 'string' }, all: { type: 'boolean' } },
    strict: true,
  });
  const format = values.format ?? 'report';
  if (!['report', 'html', 'table', 'json'].includes(format)) throw new UsageError(`unknown format "${format}" (report, html, table, json)`);
  const lang = values.lang ?? 'en';
  if (lang !== 'zh' && lang !== 'en') throw new UsageError(`--lang takes zh or en, got "${lang}"`);
  // As footprint refuses them: a flag the format would ignore is a usage error, not a silent no-op.
  if (values.lang !== undefined && format !== 'report' && format !== 'html') throw new UsageError(`--lang has no effect with --format ${format}; it is taken by --format report, html`);
  if (values.all === true && (format === 'report' || format === 'html')) throw new UsageError(`--all has no effect with --format ${format}; it is taken by --format table, json`);
  const context = defaultComputeContext();
  const model = parseModel(aluminiumSmelterDocument(), { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) });
  const full = computeFootprints(model);
  if (format === 'report' || format === 'html') {
    const report = keyProductReport(full, { lang, product: DEMO_PRODUCT });
    io.stdout(format === 'html' ? keyProductHtml(report) : keyProductMarkdown(report));
    return EXIT_OK;
  }
  const result = selectProduct(full, values.all === true ? undefined : DEMO_PRODUCT);
  io.stdout(format === 'json' ? footprintJsonText(result) : footprintTable(result));
  return EXIT_OK;
}

async function check(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { rulebook: { type: 'string' }, 'mass-balance': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  });
  const file = singleModel(positionals);
  if (values.rulebook === undefined && values['mass-balance'] === undefined) throw new UsageError('check needs --rulebook ID and/or --mass-balance TOLERANCE (e.g. "5 %")');
  // Both flags are checked before the model is read, and before any finding is printed: a usage
  // error leaves stdout empty.
  if (values.rulebook !== undefined) checkRulebook(values.rulebook);
  const tolerance = values['mass-balance'] === undefined ? undefined : checkTolerance(values['mass-balance']);
  const model = await load(file, io);
  let failed = false;
  let text = '';
  if (values.rulebook !== undefined) {
    const out = checkOutput(model, values.rulebook);
    text += out.text;
    failed = out.failed;
  }
  if (tolerance !== undefined) text += massBalanceOutput(model, tolerance);
  io.stdout(text);
  return failed ? EXIT_INVALID : EXIT_OK;
}


async function load(file: string, io: CliIo): Promise<Model> {
  return (await loadDocument(file, io)).model;
}

/** The raw document (for digests) and the validated model. */
async function loadDocument(file: string, io: CliIo): Promise<{ document: unknown; model: Model }> {
  const context = defaultComputeContext();
  const document = await readModelFile(resolvePath(io.cwd, file));
  return { document, model: parseModel(document, { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) }) };
}




function compute(model: Model, gwp: string | undefined, per: string | undefined, scope2: 'market' | 'location' = 'market', activityPeriods?: ActivityPeriods): FootprintResult {
  return computeFootprints(model, {
    ...(gwp === undefined ? {} : { gwp: checkGwp(gwp) }),
    ...(per === undefined ? {} : { per }),
    scope2,
    ...(activityPeriods === undefined ? {} : { activityPeriods }),
  });
}

/**
 * The model of a footprint run: read, or (with --activity or --period) filled from the ledgers
 * first, with the sub-period amounts that time-varying factors split by. Undefined when the
 * ledgers failed (their account is on stderr), as `footprint --activity` reports it.
 */
async function loadFilled(
  file: string,
  values: { activity?: string[] | undefined; mapping?: string | undefined; 'allow-rejects'?: boolean | undefined; period?: string | undefined },
  io: CliIo,
): Promise<{ document: unknown; model: Model; activityPeriods?: ActivityPeriods; ledgerWarnings?: readonly Issue[] } | undefined> {
  if (values.activity === undefined && values.period === undefined) return loadDocument(file, io);
  const loaded = await loadWithActivity(file, values, io);
  if (loaded === undefined) return undefined;
  const context = defaultComputeContext();
  const model = parseModel(loaded.document, { hasFactor: (id) => context.factors.has(id), hasMethod: (id) => context.methods.has(id) });
  const { report } = loaded;
  return { document: loaded.document, model, ...(report === undefined ? {} : { activityPeriods: activityPeriodsOf(report), ledgerWarnings: activityWarnings(report) }) };
}

/** The CBAM run with what the ledgers gave: sub-period amounts, and warnings for the report's notes. */
function withActivity(run: CbamRun, activityPeriods: ActivityPeriods | undefined, activityWarnings: readonly Issue[] | undefined): CbamRun {
  const options = { ...run.options, ...(activityPeriods === undefined ? {} : { activityPeriods }), ...(activityWarnings === undefined ? {} : { activityWarnings }) };
  return { ...run, options };
}



/** Text (or its pieces, written one after another) to stdout or, atomically, to a file. */
async function emit(text: string | Iterable<string>, output: string | undefined, io: CliIo): Promise<void> {
  if (output !== undefined) await writeFileAtomic(resolvePath(io.cwd, output), text);
  else if (typeof text === 'string') io.stdout(text);
  else for (const piece of text) io.stdout(piece);
}
