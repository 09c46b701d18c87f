export * from './types.js';
export {
  factorRowSchema,
  modelFactorSchema,
  datasetFileSchema,
  sourceSchema,
  validitySchema,
  uncertaintySchema,
  decimalInputSchema,
  regionCodeSchema,
  factorIdSchema,
  isoDateSchema,
  type FactorRowInput,
  type ModelFactorInput,
  type DatasetFileInput,
} from './schema.js';
export { toFactorRecord, modelFactorToRecord, type FactorRowContext } from './toFactorRecord.js';
export { loadDataset } from './loadDataset.js';
export { issuesFromZod } from './issuesFromZod.js';
export { gasOfFactorUnit } from './gasOfFactorUnit.js';
export { createFactorRegistry, mergeRegistries, type FactorRegistry } from './registry.js';
export { regionSpecificity } from './regionSpecificity.js';
export { parseVintage, type DateInterval } from './interval.js';
export { resolveFactor, factorResolver } from './resolveFactor.js';
export { resolveFactorsOverPeriod, type FactorSegment } from './resolveFactorsOverPeriod.js';
export { BUILTIN_DATASETS, builtinFactorRecords, builtinFactorRegistry } from './datasets/index.js';
