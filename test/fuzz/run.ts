// `npm run fuzz [-- --cases N --seed S --workers W --time-limit MS --large N --only I]`
//
// Runs N generated cases (default 100,000) through reading, validation, computation and every
// text output, in child processes so that a hanging case is killed and reported rather than
// stalling the run. Prints the count, the outcomes, every failure with the command that re-runs
// it, and the slowest case; exits 1 when any case failed (or took longer than the time limit).
import { fork, type ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import { Decimal } from '../../src/decimal/decimal.js';
import { parseQuantity } from '../../src/quantity/index.js';
import { parseUnit } from '../../src/units/index.js';
import { caseGenerator } from './cases.js';
import { computeFootprints } from '../../src/compute/computeFootprints.js';
import { chainDocument, wideDocument, wideTotal } from './limits.js';
import { LONG_QUANTITIES, LONG_UNITS } from './longStrings.js';
import { runCase, type CaseOutcome } from './oracle.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20250101' },
    workers: { type: 'string', default: '1' },
    'time-limit': { type: 'string', default: '2000' },
    // A case that sends nothing for this long is taken to hang: its worker is killed.
    'hang-limit': { type: 'string', default: '30000' },
    // Largest generated model (chains, fan-ins, loops); 0 leaves them out.
    large: { type: 'string', default: '3000' },
    // 100 kB unit and quantity strings must be refused within this many milliseconds each.
    'parse-limit': { type: 'string', default: '50' },
    // Size of the chain and of the wide process computed before the cases (0 skips them).
    limits: { type: 'string', default: '100000' },
    only: { type: 'string' },
  },
});

const cases = integer('cases', values.cases);
const seed = integer('seed', values.seed);
const workers = Math.max(1, integer('workers', values.workers));
const timeLimit = integer('time-limit', values['time-limit']);
// Large generated models (100–3000 processes) are checked by explaining every product, which costs
// the oracle products × depth on its own; they get five times the limit.
const limitFor = (origin: string) => (origin === 'large' ? timeLimit * 5 : timeLimit);
const hangLimit = integer('hang-limit', values['hang-limit']);
const largeModels = integer('large', values.large);
const parseLimit = integer('parse-limit', values['parse-limit']);
const limitSize = integer('limits', values.limits);

interface Failure {
  readonly index: number;
  readonly origin: string;
  readonly reason: string;
  readonly ms: number;
}

if (values.only !== undefined) {
  const index = integer('only', values.only);
  const fuzz = caseGenerator({ largeModels })(seed, index);
  console.log(JSON.stringify(fuzz, null, 2).slice(0, 20_000));
  const started = performance.now();
  const outcome = runCase(fuzz);
  console.log(`case ${index} (${fuzz.origin}): ${JSON.stringify(outcome)} in ${(performance.now() - started).toFixed(1)} ms`);
  process.exitCode = outcome.status === 'failed' ? 1 : 0;
} else {
  await main();
}

async function main(): Promise<void> {
  const started = performance.now();
  const failures: Failure[] = [];
  const statuses = new Map<string, number>();
  const codes = new Map<string, number>();
  const origins = new Map<string, number>();
  let ran = 0;
  let slowest = { index: -1, ms: 0, origin: '' };
  const record = (index: number, ms: number, origin: string, outcome: CaseOutcome) => {
    ran++;
    bump(statuses, outcome.status);
    bump(origins, origin);
    if (outcome.status === 'rejected') bump(codes, outcome.code);
    if (ms > slowest.ms) slowest = { index, ms, origin };
    if (outcome.status === 'failed') failures.push({ index, origin, reason: outcome.reason, ms });
    else if (ms > limitFor(origin)) failures.push({ index, origin, reason: `took ${ms.toFixed(0)} ms (limit ${limitFor(origin)} ms)`, ms });
    if (ran % 10_000 === 0) console.log(`… ${ran} cases, ${failures.length} failures, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  };

  failures.push(...longStringTimings());
  if (limitSize > 0) failures.push(...sizeLimits(limitSize));

  const share = Math.ceil(cases / workers);
  await Promise.all(
    Array.from({ length: workers }, (_, w) => runRange(w * share, Math.min(cases, (w + 1) * share), record, failures)),
  );

  const seconds = (performance.now() - started) / 1000;
  console.log(`\nsmeltprint fuzz: ${ran} cases, seed ${seed}, ${workers} worker(s), ${seconds.toFixed(0)} s`);
  console.log(`outcomes: ${format(statuses)}`);
  console.log(`kinds of case: ${format(origins)}`);
  console.log(`rejections by code: ${format(codes)}`);
  console.log(`slowest case: #${slowest.index} (${slowest.origin}) ${slowest.ms.toFixed(1)} ms; limit ${limitFor(slowest.origin)} ms`);
  console.log(`failures: ${failures.length}`);
  for (const f of failures.slice(0, 50)) {
    console.log(`  #${f.index} (${f.origin}, ${f.ms.toFixed(0)} ms): ${f.reason}\n    re-run: npm run fuzz -- --seed ${seed} --only ${f.index}`);
  }
  process.exitCode = failures.length > 0 || ran < cases ? 1 : 0;
}

/** Runs cases [from, to) in child processes, restarting after the case a killed one hung on. */
async function runRange(from: number, to: number, record: (index: number, ms: number, origin: string, outcome: CaseOutcome) => void, failures: Failure[]): Promise<void> {
  let next = from;
  while (next < to) {
    next = await new Promise<number>((resolve) => {
      const child: ChildProcess = fork(new URL('./worker.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      let position = next;
      let settled = false;
      const finish = (resume: number) => {
        if (settled) return;
        settled = true;
        clearInterval(watchdog);
        child.kill('SIGKILL');
        resolve(resume);
      };
      let lastHeard = performance.now();
      const watchdog = setInterval(() => {
        if (performance.now() - lastHeard > hangLimit) {
          failures.push({ index: position, origin: '?', reason: `no answer for ${hangLimit} ms: hung, killed`, ms: hangLimit });
          finish(position + 1);
        }
      }, 1000);
      child.on('message', (message: { index: number; ms: number; outcome: CaseOutcome; origin: string } | { done: true }) => {
        lastHeard = performance.now();
        if ('done' in message) return finish(to);
        record(message.index, message.ms, message.origin, message.outcome);
        position = message.index + 1;
      });
      child.on('exit', (code, signal) => {
        if (settled) return;
        // A crash (out of memory, a native fault) is a failure of the case being run.
        failures.push({ index: position, origin: '?', reason: `worker exited (${signal ?? code}) during the case`, ms: 0 });
        finish(position + 1);
      });
      child.send({ seed, from: position, to, largeModels });
    });
  }
}

/** Times parseUnit and parseQuantity on every 100 kB string (best of five, after a warm-up). */
function longStringTimings(): Failure[] {
  const failures: Failure[] = [];
  let slowest = { name: '', ms: 0 };
  const entries = [
    ...Object.entries(LONG_UNITS).map(([name, text]) => [`unit: ${name}`, () => parseUnit(text)] as const),
    ...Object.entries(LONG_QUANTITIES).map(([name, text]) => [`quantity: ${name}`, () => parseQuantity(text)] as const),
  ];
  for (const [name, parse] of entries) {
    let best = Number.POSITIVE_INFINITY;
    for (let round = 0; round < 6; round++) {
      const started = performance.now();
      let accepted = false;
      try {
        parse();
        accepted = true;
      } catch {
        // refused, as it should be
      }
      if (accepted) failures.push({ index: -1, origin: name, reason: 'a 100 kB string was accepted', ms: 0 });
      if (round > 0) best = Math.min(best, performance.now() - started);
    }
    if (best > slowest.ms) slowest = { name, ms: best };
    if (best > parseLimit) failures.push({ index: -1, origin: name, reason: `refused in ${best.toFixed(1)} ms (limit ${parseLimit} ms)`, ms: best });
  }
  console.log(`100 kB unit and quantity strings: ${entries.length} refused, slowest ${slowest.name} in ${slowest.ms.toFixed(2)} ms (limit ${parseLimit} ms)`);
  return failures;
}

/** A chain of `n` processes and a process with `n` inputs: computed and explained, timed. */
function sizeLimits(n: number): Failure[] {
  const failures: Failure[] = [];
  const runs = [
    { name: `chain of ${n} processes`, document: () => chainDocument(n), flow: `f${n - 1}`, expected: new Decimal(n).times('0.001').toFixed() },
    { name: `process with ${n} inputs`, document: () => wideDocument(n), flow: 'product', expected: wideTotal(n) },
  ];
  for (const run of runs) {
    const document = run.document();
    const started = performance.now();
    try {
      const result = computeFootprints(document);
      const computed = performance.now();
      const total = result.products.find((p) => p.flow === run.flow)?.total.toFixed();
      const tree = result.explain(run.flow);
      const explained = performance.now();
      if (total !== run.expected || tree.value.toFixed() !== run.expected) failures.push({ index: -1, origin: run.name, reason: `total ${total}, expected ${run.expected}`, ms: 0 });
      console.log(`${run.name}: computed in ${((computed - started) / 1000).toFixed(1)} s, explained in ${((explained - computed) / 1000).toFixed(1)} s, total ${total}`);
    } catch (error) {
      failures.push({ index: -1, origin: run.name, reason: `threw ${error instanceof Error ? `${error.constructor.name}: ${error.message.slice(0, 200)}` : String(error)}`, ms: 0 });
    }
  }
  return failures;
}

function integer(name: string, text: string): number {
  if (!/^-?\d+$/.test(text)) throw new Error(`--${name} takes a whole number, got "${text}"`);
  return Number.parseInt(text, 10);
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function format(map: Map<string, number>): string {
  return [...map].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
}
