import { format } from 'date-fns/format';
import { parse } from 'date-fns/parse';
import { z } from 'zod';
import { parseUnit } from '../units/index.js';
import { TEXT_ENCODINGS } from '../io/decodeText.js';
import { isIsoDate } from '../model/fields.js';

/** Format version of the activity mapping (`smeltprintMapping: 1`). */
export const MAPPING_FORMAT_VERSION = 1;

/** Date formats tried when a mapping names none (date-fns tokens; see `parseRowDate`). */
export const DEFAULT_DATE_FORMATS = ['yyyy-MM-dd', 'yyyy/M/d', 'yyyy-MM', 'yyyy/M', "yyyy'年'M'月'd'日'", "yyyy'年'M'月'"] as const;

/**
 * A date-fns pattern date-fns accepts: YYYY and D (week-numbering year, day of the year) are
 * refused by date-fns itself, and reached the ledger's first row as an internal error.
 */
function isDatePattern(pattern: string): boolean {
  // date-fns warns on the console before it throws for these: checked here, quietly.
  if (/[YD]/.test(pattern.replace(/'[^']*'/g, ''))) return false;
  try {
    // Both ways: date-fns refuses some token pairs (RRRR with MM) only when it parses.
    const sample = format(new Date(2020, 0, 15), pattern);
    parse(sample, pattern, new Date(2020, 0, 1));
    return true;
  } catch {
    return false;
  }
}

/** A unit the library reads (an alias must name one). */
function isUnitText(text: string): boolean {
  try {
    parseUnit(text);
    return true;
  } catch {
    return false;
  }
}

const isoDate = (description: string) =>
  z.string().refine(isIsoDate, { message: 'expected an ISO calendar date YYYY-MM-DD' }).meta({ description, format: 'date' });
const columnName = (description: string) => z.string().min(1, 'must not be empty').meta({ description });

const seriesSchema = z
  .strictObject({
    match: z.string().min(1).optional().meta({ description: 'Value of the series column that selects this series (default: the series id)' }),
    plant: z.string().min(1).optional().meta({ description: 'Only rows of this plant (value of the plant column)' }),
    unit: z.string().min(1).optional().meta({ description: 'Unit of the amounts when the file has no unit column or the cell is empty' }),
    from: isoDate('First day the series runs (e.g. a plant commissioned mid-year): earlier days are not gaps and the period is reported as partial').optional(),
    to: isoDate('Last day the series runs (e.g. a plant shut down): later days are not gaps').optional(),
  })
  .meta({ description: 'One series of activity data and how to find its rows' });

const fillSchema = z
  .strictObject({
    process: columnName('Process id in the model document'),
    input: z.string().min(1).optional().meta({ description: 'Flow of the input whose amount the series fills' }),
    output: z.string().min(1).optional().meta({ description: 'Flow of the output whose amount the series fills' }),
    series: columnName('Series id'),
  })
  .refine((entry) => (entry.input === undefined) !== (entry.output === undefined), { message: 'name either input or output' })
  .meta({ description: 'An amount of the model filled from a series (instead of { activity: <series> } in the document)' });

/**
 * The activity mapping (format version 1): how to read an ERP export (CSV or XLSX) into activity
 * series, and which amounts of a model document the series fill. YAML or JSON.
 *
 * @example
 * activityMappingSchema.parse({ smeltprintMapping: 1, columns: { date: 'Date', series: 'Item', amount: 'Qty', unit: 'Unit' } })
 */
export const activityMappingSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: 'JSON Schema of the mapping, for editors' }),
    smeltprintMapping: z.literal(MAPPING_FORMAT_VERSION).meta({ description: 'Format version of the mapping' }),
    format: z.enum(['csv', 'xlsx']).optional().meta({ description: 'File format; by default from the file extension' }),
    encoding: z.enum(TEXT_ENCODINGS).default('utf-8').meta({ description: 'Text encoding of CSV files (a UTF-8 byte order mark is always accepted)' }),
    delimiter: z.string().length(1).optional().meta({ description: 'CSV field delimiter; guessed from the first lines when absent' }),
    sheet: z.string().min(1).optional().meta({ description: 'XLSX sheet name; the first sheet when absent' }),
    headerRow: z.int().min(1).default(1).meta({ description: 'Line (CSV) or row (XLSX) holding the column names; rows above it are ignored' }),
    columns: z
      .strictObject({
        date: columnName('Column with the date of the row (a day, or a month/year when the date format has no day)').optional(),
        period: columnName('Column with a fiscal period such as 2025-03 or 2025/003 (see fiscalYear)').optional(),
        plant: columnName('Column with the plant or cost centre').optional(),
        series: columnName('Column naming the series (material or energy item)'),
        amount: columnName('Column with the amount'),
        unit: columnName('Column with the unit of the amount').optional(),
      })
      .refine((columns) => (columns.date === undefined) !== (columns.period === undefined), { message: 'name exactly one of date and period' })
      .meta({ description: 'Which columns (by header text) hold what' }),
    numbers: z
      .strictObject({
        decimal: z.enum(['.', ',']).default('.').meta({ description: 'Decimal separator' }),
        thousands: z.enum(['', ',', '.', ' ', "'", '\u00a0', '\u202f']).default('').meta({ description: 'Thousands separator (empty: none allowed)' }),
      })
      .refine((numbers) => numbers.decimal !== numbers.thousands, { message: 'the decimal and thousands separators must differ' })
      .default({ decimal: '.', thousands: '' })
      .meta({ description: 'How amounts are written' }),
    dates: z
      .strictObject({
        formats: z
          .array(
            z.string().min(1).refine(isDatePattern, {
              message: 'not a date-fns pattern: years are yyyy and days d (YYYY and D are week-numbering years and days of the year), e.g. "yyyy/M/d"',
            }),
          )
          .min(1)
          .default([...DEFAULT_DATE_FORMATS])
          .meta({ description: 'date-fns formats tried in order' }),
        granularity: z
          .enum(['day', 'month'])
          .default('day')
          .meta({ description: 'What a date with a day stands for: that day (day), or its whole calendar month (month), for monthly ledgers dated by a day such as Excel date cells 2025-01-01 or 2025-01-31' }),
      })
      .default({ formats: [...DEFAULT_DATE_FORMATS], granularity: 'day' }),
    fiscalYear: z
      .strictObject({
        startMonth: z.int().min(1).max(12).default(1).meta({ description: 'Month the fiscal year starts in (4 for April)' }),
        label: z.enum(['start', 'end']).default('start').meta({ description: 'Whether fiscal year N starts in calendar year N (start) or ends in it (end)' }),
      })
      .default({ startMonth: 1, label: 'start' })
      .meta({ description: 'Fiscal calendar of the period column' }),
    plant: z.string().min(1).optional().meta({ description: 'Use only rows of this plant; the others are counted as skipped' }),
    allowGaps: z.boolean().default(false).meta({ description: 'Accept series with days of the period not covered by any row' }),
    units: z.record(z.string(), z.string().refine(isUnitText, { message: 'not a unit smeltprint knows (units are case-sensitive: kWh, MWh, t, 10^4 kWh)' })).optional().meta({ description: 'Unit aliases of the export, e.g. { 万千瓦时: "10^4 kWh", 吨: t }' }),
    ignore: z.array(z.string()).optional().meta({ description: 'Values of the series column to skip on purpose (counted as skipped, not rejected)' }),
    series: z.record(z.string(), seriesSchema).optional().meta({ description: 'Series by id' }),
    fill: z.array(fillSchema).optional().meta({ description: 'Amounts of the model filled from series' }),
  })
  .meta({ title: 'smeltprint activity mapping, format version 1' });

/** A validated activity mapping (defaults applied). */
export type ActivityMapping = z.output<typeof activityMappingSchema>;
/** What an integration writes. */
export type ActivityMappingInput = z.input<typeof activityMappingSchema>;

/** `$id` of the mapping's JSON Schema. */
export const MAPPING_JSON_SCHEMA_ID = 'https://smeltprint.dev/schema/mapping-v1.json';

/**
 * JSON Schema (draft 2020-12) of the activity mapping, from the same zod schema. The schemas carry
 * no `id` in zod's global registry, so loading the library twice cannot clash.
 *
 * @example
 * mappingJsonSchema().$id // 'https://smeltprint.dev/schema/mapping-v1.json'
 */
export function mappingJsonSchema(): Record<string, unknown> {
  const { $schema, ...body } = z.toJSONSchema(activityMappingSchema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, $id: MAPPING_JSON_SCHEMA_ID, ...body };
}
