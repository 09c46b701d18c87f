import { join } from 'node:path';
import { runCli } from '../src/cli/run.js';

/** The repository root: where the examples are. */
export const ROOT = join(import.meta.dirname, '..');

/** Runs the CLI in-process in `cwd`, with what it writes to stdout and stderr. */
export async function runCapturing(argv: readonly string[], cwd: string = ROOT): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd });
  return { code, stdout, stderr };
}
