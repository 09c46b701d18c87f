// A child process of `npm run fuzz`: runs a range of cases and reports each one, so the parent
// can kill it when a case hangs. Messages: { index, ms, outcome, origin } per case, then { done }.
import { caseGenerator } from './cases.js';
import { fuzzContext, runCase } from './oracle.js';

interface Job {
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  readonly largeModels: number;
}

const send = (message: unknown) => new Promise<void>((resolve) => process.send!(message, () => resolve()));

process.on('message', async (job: Job) => {
  const generate = caseGenerator({ largeModels: job.largeModels });
  const context = fuzzContext();
  for (let index = job.from; index < job.to; index++) {
    let fuzz;
    try {
      fuzz = generate(job.seed, index);
    } catch (error) {
      // A fault of the generators, not of the library: reported as a failure all the same.
      await send({ index, ms: 0, outcome: { status: 'failed', reason: `generator: ${String(error)}` }, origin: 'generator' });
      continue;
    }
    const started = performance.now();
    const outcome = runCase(fuzz, context);
    const ms = performance.now() - started;
    // Waiting for each message to leave keeps the parent's view current (it times cases out).
    await send({ index, ms, outcome, origin: fuzz.origin });
  }
  await send({ done: true });
  process.exit(0);
});
