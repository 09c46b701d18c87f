import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { SmeltprintError } from '../core/errors.js';
import { checkMagnitude, toDecimal } from '../decimal/decimal.js';
import { CATEGORIES } from '../gases/categories.js';
import { GWP_SET_IDS } from '../gases/types.js';
import { parseUnit } from '../units/index.js';
import { gasOfFactorUnit } from './gasOfFactorUnit.js';
import { CONFIDENCE_TAGS } from './types.js';

// Validation only: the schemas check shape and content and never transform, so the same schema
// yields a JSON Schema for integrators (z.toJSONSchema) and `toFactorRecord` does the conversion.
// Content checks attach a stable `code` in `params` so issues can be branched on.

/** `YYYY-MM-DD`, a real calendar date (date-fns rejects 2023-02-30). */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD')
  .superRefine((text, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text) && !isValid(parseISO(text))) {
      ctx.addIssue({ code: 'custom', message: `${text} is not a calendar date`, params: { code: 'invalid_date' } });
    }
  });

/**
 * A decimal amount as a string (`"0.5568"`) or a JSON number (read through its decimal text,
 * never float arithmetic). Must be finite, non-negative and within 1e-30..1e24.
 */
export const decimalInputSchema = z.union([z.string(), z.number()]).superRefine((value, ctx) => {
  try {
    const decimal = checkMagnitude(toDecimal(value));
    // A factor or parameter below zero has no meaning in the guidelines; credits are modelled by
    // system expansion (DESIGN.md), never by a negative factor.
    if (decimal.isNegative()) {
      ctx.addIssue({ code: 'custom', message: 'must not be negative', params: { code: 'negative_value' } });
    }
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: messageOf(error), params: { code: codeOf(error, 'invalid_number') } });
  }
});

/** ISO 3166-1 alpha-2 (`CN`) or ISO 3166-2 (`CN-NM`). */
export const regionCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/, 'expected an ISO 3166-1 alpha-2 or ISO 3166-2 code such as CN or CN-NM');

/** Factor ids and family names: lower-case path segments such as `cn-mee/grid/national/2023`. */
export const factorIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/, 'expected an id of path segments such as ipcc-2006/aluminium/tier1-co2/prebake');

const nonEmptyText = z.string().trim().min(1, 'must not be empty');

/** Inclusive validity interval: both ISO dates, `from` not after `to`. */
export const validitySchema = z
  .strictObject({ from: isoDateSchema, to: isoDateSchema })
  .superRefine((valid, ctx) => {
    // Same-format ISO dates order as strings; only compare real dates (bad ones are reported above).
    if (isValid(parseISO(valid.from)) && isValid(parseISO(valid.to)) && valid.from > valid.to) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `validity ends (${valid.to}) before it starts (${valid.from})`,
        params: { code: 'invalid_interval' },
      });
    }
  });

/** Uncertainty of a factor; amounts as decimal strings or numbers. */
export const uncertaintySchema = z.discriminatedUnion('distribution', [
  z.strictObject({ distribution: z.literal('normal'), sd: decimalInputSchema }),
  z.strictObject({ distribution: z.literal('lognormal'), gsd: decimalInputSchema }),
  z.strictObject({ distribution: z.literal('triangular'), min: decimalInputSchema, mode: decimalInputSchema, max: decimalInputSchema }),
  z.strictObject({ distribution: z.literal('uniform'), min: decimalInputSchema, max: decimalInputSchema }),
  z.strictObject({ distribution: z.literal('range'), percent: decimalInputSchema }),
]);

/** Provenance a model document states for its own factors. */
export const sourceSchema = z.strictObject({
  title: nonEmptyText,
  publisher: nonEmptyText.optional(),
  edition: nonEmptyText.optional(),
  table: nonEmptyText.optional(),
  equation: nonEmptyText.optional(),
  year: z.number().int().min(1800).max(2200).optional(),
  url: nonEmptyText.optional(),
  efdbId: nonEmptyText.optional(),
});

const unitTextSchema = z.string().superRefine((text, ctx) => {
  try {
    parseUnit(text);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: messageOf(error), params: { code: codeOf(error, 'unit_parse') } });
  }
});

const rowShape = {
  id: factorIdSchema,
  value: decimalInputSchema,
  unit: unitTextSchema,
  category: z.enum(CATEGORIES).optional(),
  /** Table, equation, EFDB id and url refine the source inherited from the dataset header. */
  table: nonEmptyText.optional(),
  equation: nonEmptyText.optional(),
  efdbId: nonEmptyText.optional(),
  url: nonEmptyText.optional(),
  confidence: z.enum(CONFIDENCE_TAGS).optional(),
  notes: z.string().optional(),
  region: regionCodeSchema.optional(),
  covers: z.array(regionCodeSchema).min(1).optional(),
  families: z.array(factorIdSchema).optional(),
  valid: validitySchema.optional(),
  gwp: z.enum(GWP_SET_IDS).optional(),
  uncertainty: uncertaintySchema.optional(),
};

/**
 * The GWP basis must be stated exactly when the factor is already characterized (CO2e): a
 * per-gas factor is characterized later, per output, so a `gwp` on it would be misleading.
 */
function checkGwpBasis(row: { unit: string; gwp?: string | undefined }, ctx: z.RefinementCtx): void {
  let gas;
  try {
    gas = gasOfFactorUnit(parseUnit(row.unit));
  } catch {
    return; // the unit itself is reported by its own check
  }
  if (gas === 'CO2e' && row.gwp === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['gwp'],
      message: `a CO2e factor (${row.unit}) must state the GWP set it was characterized with (gwp: ${GWP_SET_IDS.join(' | ')})`,
      params: { code: 'gwp_required' },
    });
  } else if (gas !== 'CO2e' && row.gwp !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['gwp'],
      message: `gwp applies only to CO2e factors; ${row.unit} is ${gas === undefined ? 'not a gas mass' : `a mass of ${gas}`}, characterized per output`,
      params: { code: 'gwp_not_applicable' },
    });
  }
}

/**
 * One row of a built-in dataset file. Title, publisher, edition, year, url and confidence come
 * from the dataset header; the row's table / equation / efdbId / url refine that source.
 *
 * @example
 * factorRowSchema.safeParse({ id: 'ipcc-2006/aluminium/tier1-co2/prebake', value: '1.6', unit: 't CO2/t',
 *   table: 'Table 4.10' }).success // true
 */
export const factorRowSchema = z.strictObject(rowShape).superRefine(checkGwpBasis);
export type FactorRowInput = z.input<typeof factorRowSchema>;

/**
 * A factor declared in a model document's `factors:` list: the dataset row fields plus its own
 * `source` (a factor without a source does not exist). Confidence defaults to `declared`.
 *
 * @example
 * modelFactorSchema.safeParse({ id: 'supplier-x/aluminium-fluoride', value: '2.1', unit: 't CO2e/t', gwp: 'AR5',
 *   source: { title: 'Supplier X declaration 2025' } }).success // true
 */
export const modelFactorSchema = z.strictObject({ ...rowShape, source: sourceSchema }).superRefine(checkGwpBasis);
export type ModelFactorInput = z.input<typeof modelFactorSchema>;

/**
 * A dataset file: a provenance header and its factor rows. Ids are unique within the file, and
 * no family is named like a factor of the file.
 *
 * @example
 * datasetFileSchema.safeParse({ dataset: 'cn-mee/grid', title: 'MEE/NBS announcement 2024 No. 12',
 *   confidence: 'V-doc', factors: [] }).success // false: a dataset has at least one factor
 */
export const datasetFileSchema = z
  .strictObject({
    dataset: factorIdSchema,
    title: nonEmptyText,
    publisher: nonEmptyText.optional(),
    edition: nonEmptyText.optional(),
    year: z.number().int().min(1800).max(2200).optional(),
    confidence: z.enum(CONFIDENCE_TAGS),
    url: nonEmptyText.optional(),
    notes: z.string().optional(),
    factors: z.array(factorRowSchema).min(1, 'a dataset has at least one factor'),
  })
  .superRefine((file, ctx) => {
    const firstIndex = new Map<string, number>();
    file.factors.forEach((row, index) => {
      const earlier = firstIndex.get(row.id);
      if (earlier === undefined) firstIndex.set(row.id, index);
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['factors', index, 'id'],
          message: `duplicate factor id "${row.id}" (also factors[${earlier}])`,
          params: { code: 'duplicate_id' },
        });
      }
    });
    file.factors.forEach((row, index) => {
      (row.families ?? []).forEach((family, familyIndex) => {
        const clash = firstIndex.get(family);
        if (clash !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['factors', index, 'families', familyIndex],
            message: `family "${family}" has the same name as the factor at factors[${clash}]`,
            params: { code: 'family_id_clash' },
          });
        }
      });
    });
  });
export type DatasetFileInput = z.input<typeof datasetFileSchema>;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown, fallback: string): string {
  return error instanceof SmeltprintError ? error.code : fallback;
}
