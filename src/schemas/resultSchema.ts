import { z } from 'zod';

const decimalText = (description: string) =>
  z.string().regex(/^-?\d+(?:\.\d+)?$/, 'a fixed-point decimal string').meta({ description: `${description} (fixed-point decimal string, no exponent)` });
const decimalRecord = (description: string) => z.record(z.string(), decimalText('t CO2e per declared unit')).meta({ description });

const productSchema = z.strictObject({
  flow: z.string().meta({ description: 'Product flow' }),
  process: z.string().meta({ description: 'Process producing it' }),
  declaredUnit: z.string().meta({ description: 'Declared unit, e.g. "1 t"' }),
  total: decimalText('Footprint, t CO2e per declared unit'),
  unit: z.literal('t CO2e'),
  byGas: decimalRecord('t CO2e per declared unit by gas'),
  gasMass: z.record(z.string(), decimalText('t of the gas per declared unit')).meta({ description: 'Mass of each gas per declared unit (not CO2e)' }),
  byScope: z.strictObject({ '1': decimalText('Scope 1'), '2': decimalText('Scope 2'), '3': decimalText('Scope 3') }),
  byCategory: decimalRecord('t CO2e per declared unit by emission category'),
  byProcess: decimalRecord('t CO2e per declared unit by the process where it arises').optional(),
  recycledContent: z.strictObject({
    total: decimalText('Recycled input, t per declared unit'),
    preConsumer: decimalText('Pre-consumer scrap'),
    postConsumer: decimalText('Post-consumer scrap'),
    unspecified: decimalText('Scrap of unstated origin'),
    unit: z.literal('t'),
  }),
  allocationShare: decimalText("Share of its process's burden"),
});

/** A warning or note of a result: stable code, document path, message, severity. */
const issueSchema = z.strictObject({
  code: z.string(),
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
});

/**
 * The `--format json` result of `smeltprint footprint` (`footprintToJson` in src/report/json.ts)
 * as a zod schema, for the JSON Schema shipped as `smeltprint/schemas/result.json`. Every number
 * is a fixed-point decimal string; breakdowns add up to `total` exactly when `decimals.rounding`
 * is `exact`.
 *
 * @example
 * footprintResultSchema.parse(footprintToJson(computeFootprints(model)))
 */
export const footprintResultSchema = z
  .strictObject({
    model: z.strictObject({ id: z.string(), name: z.string().optional() }),
    period: z.strictObject({ start: z.string().meta({ format: 'date' }), end: z.string().meta({ format: 'date' }) }),
    region: z.string().optional(),
    gwp: z.enum(['SAR', 'AR4', 'AR5', 'AR6']).meta({ description: 'GWP100 set of the CO2e values' }),
    scope2: z.enum(['market', 'location']).meta({ description: 'Scope 2 method of the figures' }),
    decimals: z.strictObject({ precision: z.literal(34), rounding: z.string().meta({ description: '"exact", or e.g. "HALF_EVEN to 4 places"' }) }),
    products: z.array(productSchema),
    warnings: z.array(issueSchema),
  })
  .meta({ title: 'smeltprint footprint result (--format json)' });

/** `$id` of the result's JSON Schema. */
export const RESULT_JSON_SCHEMA_ID = 'https://smeltprint.dev/schema/result-v1.json';

/**
 * JSON Schema (draft 2020-12) of the `--format json` result.
 *
 * @example
 * resultJsonSchema().$id // 'https://smeltprint.dev/schema/result-v1.json'
 */
export function resultJsonSchema(): Record<string, unknown> {
  return withId(footprintResultSchema, RESULT_JSON_SCHEMA_ID);
}

const periodSchema = z.strictObject({ start: z.string().meta({ format: 'date' }), end: z.string().meta({ format: 'date' }) });

/**
 * `smeltprint footprint --scope2 both --format json`: the location-based and the market-based
 * result side by side, each a `--format json` result.
 *
 * @example
 * scope2ComparisonSchema.parse(JSON.parse(text)).market.scope2 // 'market'
 */
export const scope2ComparisonSchema = z
  .strictObject({ location: footprintResultSchema, market: footprintResultSchema })
  .meta({ title: 'smeltprint footprint result, location- and market-based (--scope2 both --format json)' });

const productEmissionsSchema = z.strictObject({
  flow: z.string().meta({ description: 'Product flow' }),
  production: decimalText('Production in declared units'),
  emissions: decimalText('Absolute emissions attributed to the production, t CO2e'),
  emissionsUnit: z.literal('t CO2e'),
  perUnit: decimalText('t CO2e per declared unit; absent without production').optional(),
  status: z.enum(['operating', 'not-operating']).optional(),
  note: z.string().meta({ description: 'What the emissions of a month without production are' }).optional(),
});

/**
 * `smeltprint footprint --activity … --by month --format json` (`monthlyFootprintsToJson` in
 * src/activity/monthlyFootprints.ts): each month's products and full result, the period total
 * (emissions: the months' exact sum) and how each amount was divided among the months.
 *
 * @example
 * monthlyResultSchema.parse(JSON.parse(text)).months.length // 12
 */
export const monthlyResultSchema = z
  .strictObject({
    period: periodSchema,
    months: z.array(z.strictObject({ period: periodSchema, products: z.array(productEmissionsSchema), result: footprintResultSchema })),
    total: z.strictObject({ period: periodSchema, products: z.array(productEmissionsSchema), method: z.string() }),
    split: z.strictObject({
      byActivityRows: z.array(z.string()).meta({ description: 'Document paths of amounts taken from each month\'s ledger rows' }),
      proRataByDays: z.array(z.string()).meta({ description: 'Document paths of amounts divided pro rata by days' }),
    }),
    warnings: z.array(issueSchema).meta({ description: 'What the activity data lack over the whole period: gaps the mapping allowed (activity_gap), rejected rows (activity_rows_rejected)' }),
  })
  .meta({ title: 'smeltprint monthly footprints (--by month --format json)' });

/** `$id` of each further output schema. */
export const SCOPE2_JSON_SCHEMA_ID = 'https://smeltprint.dev/schema/scope2-comparison-v1.json';
export const MONTHLY_JSON_SCHEMA_ID = 'https://smeltprint.dev/schema/monthly-v1.json';

/**
 * JSON Schema (draft 2020-12) of the `--scope2 both --format json` output.
 *
 * @example
 * scope2ComparisonJsonSchema().$id // 'https://smeltprint.dev/schema/scope2-comparison-v1.json'
 */
export function scope2ComparisonJsonSchema(): Record<string, unknown> {
  return withId(scope2ComparisonSchema, SCOPE2_JSON_SCHEMA_ID);
}

/**
 * JSON Schema (draft 2020-12) of the `--by month --format json` output.
 *
 * @example
 * monthlyJsonSchema().$id // 'https://smeltprint.dev/schema/monthly-v1.json'
 */
export function monthlyJsonSchema(): Record<string, unknown> {
  return withId(monthlyResultSchema, MONTHLY_JSON_SCHEMA_ID);
}

function withId(schema: z.ZodType, id: string): Record<string, unknown> {
  const { $schema, ...body } = z.toJSONSchema(schema, { io: 'output', target: 'draft-2020-12' }) as Record<string, unknown>;
  return { $schema, $id: id, ...body };
}
