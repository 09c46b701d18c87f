export { toPact, PACT_SPEC_VERSIONS, type PactOptions } from './toPact.js';
export { pactFromModel, pactFromModelAll, type PactFromModelAllOptions, type PactModelMeta, type PactFromModelOptions } from './pactFromModel.js';
export { pactJsonText } from './pactJsonText.js';
export { pactMetaSchema, parsePactMeta, type PactMeta, type ParsedPactMeta } from './pactMeta.js';
export { validatePactFootprint, assertValidPactFootprint, type PactVersion } from './validatePactFootprint.js';
export { checkPactSemantics } from './checkPactSemantics.js';
export {
  pactProductFootprintV3Schema,
  pactCarbonFootprintV3Schema,
  pactDqiV3Schema,
  pactVerificationV3Schema,
  PACT_V3_DECLARED_UNITS,
  type PactProductFootprintV3,
  type PactCarbonFootprintV3,
} from './schemaV3.js';
export {
  pactProductFootprintV2Schema,
  pactCarbonFootprintV2Schema,
  pactDqiV2Schema,
  pactAssuranceV2Schema,
  PACT_V2_DECLARED_UNITS,
  PACT_V2_CROSS_SECTORAL_STANDARDS,
  PACT_V2_CROSS_SECTORAL_STANDARDS_USED,
  type PactProductFootprintV2,
  type PactCarbonFootprintV2,
} from './schemaV2.js';
export { PACT_DECIMAL_PATTERN, PACT_REGIONS, type PactRegion } from './fields.js';
export {
  gasDetailExtensionDataSchema,
  gasDetailEntrySchema,
  gasDetailExtensionJsonSchema,
  GAS_DETAIL_EXTENSION_SCHEMA_ID,
  DATA_MODEL_EXTENSION_SPEC_VERSION,
  type GasDetailExtensionData,
} from './gasDetailExtension.js';
export { pactFootprintId, PACT_ID_NAMESPACE, type PactIdInput } from './pactFootprintId.js';
export { pactGeography, type PactGeography } from './pactGeography.js';
export { primaryDataSplit, type PrimaryDataSplit } from './primaryDataSplit.js';
export { secondaryFactorSources, type PactFactorSource, type FactorLookup } from './secondaryFactorSources.js';
