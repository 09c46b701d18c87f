import type { ComputeContext } from '../compute/computeFootprints.js';
import { InvalidOptionError } from '../core/errors.js';
import { parseModel } from '../model/parse.js';
import type { Model, ModelContext } from '../model/types.js';
import { readModelFile } from './readModelFile.js';

/**
 * Reads and validates a model document file: `readModelFile` then `parseModel`. Throws
 * FileAccessError, DocumentSyntaxError, DocumentTooLargeError, or ModelValidationError with every
 * issue found. `context` looks factor and method ids up: lookups (`{ hasFactor, hasMethod }`) or
 * the registries computeFootprints uses (`defaultComputeContext()`), both accepted since both are
 * called a context.
 *
 * @example
 * const model = await loadModel('plant.yaml', defaultComputeContext());
 */
export async function loadModel(path: string, context?: ModelContext | ComputeContext): Promise<Model> {
  return parseModel(await readModelFile(path), lookupsOf(context));
}

function lookupsOf(context: ModelContext | ComputeContext | null | undefined): ModelContext | undefined {
  if (context === undefined || context === null) return undefined;
  const given = context as Partial<ModelContext> & Partial<ComputeContext>;
  if (typeof given.hasFactor === 'function' && typeof given.hasMethod === 'function') return given as ModelContext;
  if (typeof given.factors?.has === 'function' && typeof given.methods?.has === 'function') {
    const { factors, methods } = given as ComputeContext;
    return { hasFactor: (id) => factors.has(id), hasMethod: (id) => methods.has(id) };
  }
  throw new InvalidOptionError('context is { hasFactor, hasMethod } (lookups) or { factors, methods } (defaultComputeContext())');
}
