import { parseModel } from '../model/parse.js';
import type { Model, ModelContext } from '../model/types.js';
import { readModelFile } from './readModelFile.js';

/**
 * Reads and validates a model document file: `readModelFile` then `parseModel`. Throws
 * FileAccessError, DocumentSyntaxError, DocumentTooLargeError, or ModelValidationError with every
 * issue found.
 *
 * @example
 * const model = await loadModel('plant.yaml', context);
 */
export async function loadModel(path: string, context?: ModelContext): Promise<Model> {
  return parseModel(await readModelFile(path), context);
}
