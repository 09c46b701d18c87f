export type {
  CbamPeriod,
  CbamGoodsCategory,
  CbamRoute,
  CbamGoodSpec,
  CbamPrecursorSpec,
  CbamOptions,
  CbamGasAmount,
  CbamElectricityFactor,
  CbamPrecursor,
  CbamGood,
  CbamReport,
} from './types.js';
export { cbamEmbeddedEmissions } from './cbamEmbeddedEmissions.js';
export { cbamPeriodRules, cbamCategoryOfCn, CBAM_PERIODS, CATEGORY_NAMES, ROUTE_NAMES, type CbamPeriodRules } from './regulation.js';
export { cbamToJson, type CbamJson, type Jsonified } from './cbamToJson.js';
export { cbamToCsv, cbamPrecursorsToCsv, PRECURSOR_HEADINGS } from './cbamToCsv.js';
export { cbamToXlsx, CBAM_SHEETS } from './cbamToXlsx.js';
export { GOODS_SUMMARY_HEADINGS, goodsSummaryRows, effectiveElectricityFactor, type SummaryValue } from './summaryTable.js';
export { csvText, csvField } from './csvText.js';
export { xlsxWorkbook, cellReference, type XlsxCell, type XlsxSheet } from './xlsxWorkbook.js';
export { solveBoundary, type BoundarySelection, type BoundaryFigures, type BoundarySolution } from './boundaryFigures.js';
export { cbamOptionsFileSchema, type CbamOptionsFile } from './optionsSchema.js';
