export type { Model, Process, Output, Input, EmissionEntry, Allocation, Substitution, ScrapType, ModelContext } from './types.js';
export { MODEL_FORMAT_VERSION, DEFAULT_GWP, modelDocumentSchema, modelSchema, type ModelDocument, type ModelDocumentInput } from './schema.js';
export { parseModel, safeParseModel, type SafeParseModelResult } from './parse.js';
export { validateModel } from './validate.js';
export { processesById } from './processesById.js';
export { validateAllocation, allocatedOutputs } from './validateAllocation.js';
export { modelJsonSchema, MODEL_JSON_SCHEMA_ID } from './jsonSchema.js';
// markDerivedModel stays internal: it vouches for a Model without checking it, for the library's own derivations.
export { isParsedModel } from './toModel.js';
