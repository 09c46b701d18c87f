export type { ActivityTable, ActivityReport, RejectedRow, ActivityError, FilledSeries, PeriodAmount, SeriesTarget } from './types.js';
export { activityFiller, fillActivity, isActivityReference, parseActivityMapping, type FillActivityResult } from './fillActivity.js';
export { activityMappingSchema, mappingJsonSchema, MAPPING_FORMAT_VERSION, MAPPING_JSON_SCHEMA_ID, DEFAULT_DATE_FORMATS, type ActivityMapping, type ActivityMappingInput } from './mappingSchema.js';
export { monthlyFootprints, monthlyFootprintsJsonParts, monthlyFootprintsToJson, type MonthlyFootprints, type MonthlyFootprintsJson, type ProductEmissions } from './monthlyFootprints.js';
export { parseActivityAmount, type NumberStyle, type CellReading } from './parseActivityAmount.js';
export { parseNumericCell } from './parseNumericCell.js';
export { parseRowDate, parseFiscalPeriod, type DayInterval, type FiscalCalendar } from './parseRowPeriod.js';
export { activityPeriodsOf, activityWarnings } from './activityPeriods.js';
