import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as errors from '../../src/core/errors.js';

const ROOT = join(import.meta.dirname, '..', '..');

describe('error classes across copies of the module (the CommonJS entries bundle one each)', () => {
  it('instanceof holds for errors of another copy, by class and ancestors, and only those', async () => {
    vi.resetModules();
    // A query makes the module load again as a module of its own: a second copy of the classes.
    const specifier = '../../src/core/errors.js?copy';
    const other = (await import(specifier)) as typeof errors;
    expect(other.SmeltprintError).not.toBe(errors.SmeltprintError);
    const thrown = new other.FileAccessError('nope.yaml', 'read', new Error('ENOENT'));
    expect(thrown instanceof errors.FileAccessError).toBe(true);
    expect(thrown instanceof errors.SmeltprintError).toBe(true);
    expect(errors.isSmeltprintError(thrown)).toBe(true);
    expect(thrown instanceof errors.ModelValidationError).toBe(false);
    expect(new other.ModelValidationError([]) instanceof errors.ModelValidationError).toBe(true);
    // Not fooled by plain errors or look-alikes without the registered marker.
    expect(new Error('x') instanceof errors.SmeltprintError).toBe(false);
    expect(Object.assign(new Error('x'), { code: 'file_access', name: 'FileAccessError' }) instanceof errors.FileAccessError).toBe(false);
    expect((null as unknown) instanceof errors.SmeltprintError).toBe(false);
  });

  it.skipIf(!existsSync(join(ROOT, 'dist', 'node.cjs')))('holds between require("smeltprint") and require("smeltprint/node") as built (skipped before a build)', async () => {
    const require = createRequire(import.meta.url);
    const main = require(join(ROOT, 'dist', 'index.cjs')) as typeof errors;
    const node = require(join(ROOT, 'dist', 'node.cjs')) as { loadModel: (path: string) => Promise<unknown> };
    const error: unknown = await node.loadModel(join(ROOT, 'no-such-model.yaml')).catch((e: unknown) => e);
    expect(error instanceof main.FileAccessError).toBe(true);
    expect(main.isSmeltprintError(error)).toBe(true);
  });
});
