/**
 * smeltprint — exact product carbon footprints of non-ferrous metals from typed emission-factor
 * graphs. The public API: parse a model document, compute footprints, explain and report them.
 *
 * @packageDocumentation
 */
export * from './core/index.js';
export { Decimal, toDecimal, checkMagnitude, sum as sumDecimals, isDecimalText, ZERO, ONE, MAX_MAGNITUDE, MIN_MAGNITUDE } from './decimal/decimal.js';
export * from './decimal/rounding.js';
export * from './units/index.js';
export * from './quantity/index.js';
export * from './gases/index.js';
export * from './factors/index.js';
export * from './model/index.js';
export * from './methods/index.js';
export { parseModelText, MAX_DOCUMENT_BYTES, MAX_ALIAS_COUNT, type DocumentFormat } from './io/parseModelText.js';
export {
  computeFootprints,
  computeScope2Comparison,
  defaultComputeContext,
  systemOf,
  solutionOf,
  withProcessContributions,
  withWarnings,
  resultForProduct,
  type ComputeOptions,
  type ComputeContext,
} from './compute/computeFootprints.js';
export { productOf, productsInTurn, type FootprintResult, type ProductFootprint, type GasAmount, type RecycledContent } from './graph/results.js';
export type { ExplainNode, ExplainKind } from './graph/explain.js';
export type { System, SystemProcess, Product, DirectItem, Link, FreeInput, ItemDetail, FactorReference } from './graph/system.js';
export { allocationShares } from './graph/allocation.js';
export { stronglyConnectedComponents } from './graph/scc.js';
export { footprintToJson, footprintJsonText, footprintJsonParts, type FootprintJson, type ProductJson } from './report/json.js';
export { footprintTable, scope2Comparison } from './report/table.js';
export { toLocationBased, greenPowerDoubleCounting, isGridAverage, DEFAULT_LOCATION_FACTOR, type Scope2Method } from './compute/scope2.js';
export { explainText } from './report/explainText.js';
export { canonicalJson } from './report/canonical.js';
export { demoModelDocument, aluminiumSmelterDocument, DEMO_PRODUCT } from './demo/index.js';
export { VERSION } from './version.js';
export * from './report/pact/index.js';
export * from './report/audit/index.js';
export * from './report/cbam/index.js';
export * from './report/keyproduct/index.js';
export * from './report/svg/index.js';
export * from './rulebooks/index.js';
export * from './activity/index.js';
export { jsonSchemaOf, jsonSchemaText, JSON_SCHEMA_NAMES, type JsonSchemaName } from './schemas/jsonSchemaOf.js';
export { footprintResultSchema, resultJsonSchema, RESULT_JSON_SCHEMA_ID } from './schemas/resultSchema.js';
export { parseActivityBytes, type ActivityFileOptions } from './io/parseActivityBytes.js';
export { massBalance, type MassBalanceReport, type ProcessMassBalance, type MassBalanceOptions } from './graph/massBalance.js';
export { processContributions, ROUNDING_RESIDUAL } from './graph/contributions.js';
export { autoByProcess, largestLoop, AUTO_BY_PROCESS_MAX_PROCESSES, AUTO_BY_PROCESS_MAX_LOOP } from './compute/byProcessPolicy.js';
export { uncertaintyTable, uncertaintyJsonText } from './report/uncertaintyText.js';
export * from './uncertainty/index.js';
