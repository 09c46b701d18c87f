import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { SmeltprintError } from '../core/errors.js';
import { checkMagnitude, toDecimal, type Decimal } from '../decimal/decimal.js';
import { parseQuantity } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import { DIMENSIONLESS, isConvertible, parseUnit } from '../units/index.js';
import type { Unit } from '../units/types.js';

// Field schemas of the model document. They validate and never transform, so the same schemas
// give the JSON Schema of the document's input side; `toModel` converts validated values.
// Content checks raise `custom` issues whose `params.code` is the stable issue code.

/**
 * Documentation of the document's schemas for the JSON Schema, kept in a registry of this
 * module's own (not zod's global one), so nothing outside smeltprint is touched and loading the
 * library twice cannot clash on ids.
 *
 * @example
 * z.toJSONSchema(modelDocumentSchema, { io: 'input', metadata: modelSchemaDocs })
 */
export const modelSchemaDocs = z.registry<Record<string, unknown>>();

/**
 * Attaches JSON Schema metadata (description, examples, `id` for `$defs`) to a schema.
 *
 * @example
 * const flow = documented(z.string(), { description: 'A flow name' });
 */
export function documented<T extends z.ZodType>(schema: T, meta: Record<string, unknown>): T {
  modelSchemaDocs.add(schema, meta);
  return schema;
}

/** A result of reading a field: the value, or the issue code and message that say why not. */
export type FieldReading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly code: string; readonly message: string };

function failure(code: string, message: string): { ok: false; code: string; message: string } {
  return { ok: false, code, message };
}

function failureFromError(error: unknown, fallbackCode: string): { ok: false; code: string; message: string } {
  if (error instanceof SmeltprintError) {
    // parseQuantity reports a bad unit as unit_parse; in documents that is an invalid unit.
    const code = error.code === 'unit_parse' ? 'invalid_unit' : error.code;
    return failure(code, error.message);
  }
  return failure(fallbackCode, error instanceof Error ? error.message : String(error));
}

/**
 * Reads a non-negative document amount exactly (decimal text or a JS number read through its
 * text), within the accepted magnitudes.
 *
 * @example
 * readAmount('0.42') // { ok: true, value: 0.42 }
 * readAmount('-1') // { ok: false, code: 'negative_amount', ... }
 */
export function readAmount(value: unknown): FieldReading<Decimal> {
  let amount: Decimal;
  try {
    amount = checkMagnitude(toDecimal(value));
  } catch (error) {
    return failureFromError(error, 'invalid_number');
  }
  if (amount.isNegative()) return failure('negative_amount', `must not be negative (got ${amount.toFixed()})`);
  return { ok: true, value: amount };
}

/**
 * Checks an amount as `readAmount` would, without making the Decimal when the answer is plain:
 * validation only needs to know that `toModel` will read it. A non-negative plain decimal text
 * (`"1350000"`, `"0.42"`) of at most 23 integer digits whose first significant digit is at most
 * 30 places after the point is within 1e-30 … 1e24, and so is a JSON number in that range;
 * anything else is read.
 */
export function checkAmount(value: unknown): FieldReading<unknown> {
  if (typeof value === 'string' ? isPlainAmountInRange(value) : typeof value === 'number' && (value === 0 || (value >= 1e-30 && value < 1e23))) {
    return { ok: true, value };
  }
  return readAmount(value);
}

function isPlainAmountInRange(text: string): boolean {
  const n = text.length;
  if (n === 0 || n > 60) return false;
  let i = 0;
  while (i < n && text.charCodeAt(i) === 0x30) i++;
  const significantStart = i;
  while (i < n && isAsciiDigit(text.charCodeAt(i))) i++;
  const integerDigits = i - significantStart;
  if (i === 0 || integerDigits > 23) return false;
  if (i === n) return true;
  if (text.charCodeAt(i) !== 0x2e || i === n - 1) return false;
  const point = i++;
  let firstNonZero = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (!isAsciiDigit(c)) return false;
    if (firstNonZero === -1 && c !== 0x30) firstNonZero = i;
  }
  return integerDigits > 0 || firstNonZero === -1 || firstNonZero - point <= 30;
}

function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * Reads unit text.
 *
 * @example
 * readUnit('t CO2/MWh') // { ok: true, value: <unit t CO2/MWh> }
 */
export function readUnit(value: string): FieldReading<Unit> {
  try {
    return { ok: true, value: parseUnit(value) };
  } catch (error) {
    return failureFromError(error, 'invalid_unit');
  }
}

/**
 * Reads quantity text such as `"18000 CNY/t"` or `"52 %"`; a bare number is dimensionless.
 * Amounts must be finite, non-negative and within the accepted magnitudes.
 *
 * @example
 * readQuantityText('18000 CNY/t') // { ok: true, value: 18000 CNY/t }
 */
export function readQuantityText(value: unknown): FieldReading<Quantity> {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return failure('invalid_type', 'expected quantity text such as "18000 CNY/t"');
  }
  let parsed: Quantity;
  try {
    parsed = parseQuantity(value);
    checkMagnitude(parsed.amount);
  } catch (error) {
    return failureFromError(error, 'invalid_number');
  }
  if (parsed.amount.isNegative()) return failure('negative_amount', `must not be negative (got ${parsed.amount.toFixed()})`);
  return { ok: true, value: parsed };
}

/**
 * Reads an allocation share: a fraction (`0.6`, `"0.6"`) or a percentage (`"60 %"`).
 *
 * @example
 * readShare('60 %') // { ok: true, value: 60 % }
 */
export function readShare(value: unknown): FieldReading<Quantity> {
  const reading = readQuantityText(value);
  if (reading.ok && !isConvertible(reading.value.unit, DIMENSIONLESS)) {
    return failure('invalid_unit', `a share is a fraction (0.6) or a percentage ("60 %"), not ${reading.value.unit.symbol}`);
  }
  return reading;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `text` is an ISO calendar date `YYYY-MM-DD` (date-fns rejects 2025-02-30).
 *
 * @example
 * isIsoDate('2024-02-29') // true
 * isIsoDate('2025-02-29') // false
 */
export function isIsoDate(text: string): boolean {
  return ISO_DATE.test(text) && isValid(parseISO(text));
}

/**
 * ISO 3166-1 alpha-2 (`CN`) or ISO 3166-2 (`CN-NM`): two letters, optionally a subdivision.
 *
 * @example
 * REGION_PATTERN.test('CN-NM') // true
 */
export const REGION_PATTERN = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/;

function refineWith<T>(read: (value: T) => FieldReading<unknown>) {
  return (value: T, ctx: z.RefinementCtx): void => {
    const reading = read(value);
    if (!reading.ok) ctx.addIssue({ code: 'custom', message: reading.message, params: { code: reading.code } });
  };
}

/**
 * A required, non-empty piece of text (ids, flow names, references).
 *
 * @example
 * nameSchema('Process id, unique in the model').parse('electrolysis')
 */
export function nameSchema(description: string): z.ZodString {
  return documented(z.string().min(1, 'must not be empty'), { description });
}

/**
 * A decimal amount ≥ 0: decimal text or a JSON number.
 *
 * @example
 * amountSchema('Produced amount').safeParse('100000').success // true
 */
export function amountSchema(description: string) {
  return documented(
    z
      .union([z.string(), z.number()], { error: 'expected a decimal number, as text ("1350000") or a JSON number' })
      .superRefine(refineWith(checkAmount)),
    { description: `${description}: a decimal ≥ 0, as text ("1350000", "0.42") or a JSON number`, examples: ['100000', '0.42'] },
  );
}

/**
 * Unit text such as `t`, `MWh`, `10^4 Nm3`, `t CO2`.
 *
 * @example
 * unitSchema('Unit of the amount').safeParse('MWh').success // true
 */
export function unitSchema(description: string) {
  return documented(z.string().superRefine(refineWith(readUnit)), { description, examples: ['t', 'MWh', '10^4 Nm3'] });
}

/**
 * Quantity text (`"18000 CNY/t"`, `"52 %"`) or a bare number (dimensionless), amount ≥ 0.
 *
 * @example
 * quantityTextSchema('Price').safeParse('18000 CNY/t').success // true
 */
export function quantityTextSchema(description: string) {
  return documented(
    z
      .union([z.string(), z.number()], { error: 'expected quantity text such as "18000 CNY/t"' })
      .superRefine(refineWith(readQuantityText)),
    { description, examples: ['18000 CNY/t', '0.52 t/t'] },
  );
}

/**
 * An allocation share: a fraction or a percentage.
 *
 * @example
 * shareSchema().safeParse('60 %').success // true
 */
export function shareSchema() {
  return documented(
    z
      .union([z.string(), z.number()], { error: 'expected a share such as 0.6 or "60 %"' })
      .superRefine(refineWith(readShare)),
    { description: 'Share of the burden: a fraction (0.6) or a percentage ("60 %")', examples: ['0.6', '60 %'] },
  );
}

/**
 * An ISO calendar date `YYYY-MM-DD`.
 *
 * @example
 * isoDateSchema('First day').safeParse('2025-01-01').success // true
 */
export function isoDateSchema(description: string) {
  return documented(
    z.string().superRefine((text, ctx) => {
      if (!isIsoDate(text)) {
        ctx.addIssue({ code: 'custom', message: `"${clip(text)}" is not an ISO calendar date YYYY-MM-DD`, params: { code: 'invalid_date' } });
      }
    }),
    { description, format: 'date', examples: ['2025-01-01'] },
  );
}

/**
 * An ISO 3166-1 alpha-2 or ISO 3166-2 code.
 *
 * @example
 * regionSchema().safeParse('CN-NM').success // true
 */
export function regionSchema() {
  return documented(
    z.string().superRefine((text, ctx) => {
      if (!REGION_PATTERN.test(text)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${clip(text)}" is not an ISO 3166-1 alpha-2 or ISO 3166-2 code such as CN or CN-NM`,
          params: { code: 'invalid_region' },
        });
      }
    }),
    {
      description: 'ISO 3166-1 alpha-2 or ISO 3166-2 code (CN, CN-NM); selects regional factors',
      pattern: REGION_PATTERN.source,
      examples: ['CN', 'CN-NM'],
    },
  );
}

/**
 * A year (`2023`, as text or number) or an ISO date, naming the factor vintage to use.
 *
 * @example
 * vintageSchema().safeParse(2023).success // true
 */
export function vintageSchema() {
  return documented(
    z
      .union([z.string(), z.number()], { error: 'expected a year such as 2023 or an ISO date' })
      .superRefine((value, ctx) => {
        const text = String(value);
        if (!/^\d{4}$/.test(text) && !isIsoDate(text)) {
          ctx.addIssue({ code: 'custom', message: `"${clip(text)}" is neither a year (2023) nor an ISO date`, params: { code: 'invalid_date' } });
        }
      }),
    { description: 'Factor vintage overriding the model period: a year (2023) or an ISO date; reported', examples: ['2023'] },
  );
}

/**
 * True for an object literal (JSON/YAML mapping): not null, not an array, plain prototype.
 *
 * @example
 * isPlainRecord({ a: 1 }) // true
 * isPlainRecord([1]) // false
 */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * A mapping whose keys are user data (flow names, property names, method parameters). zod's
 * own record drops a `__proto__` key; this one reads every own key — `__proto__`, `constructor`
 * and `toString` are ordinary names here — and checks each value with `value`.
 *
 * @example
 * userRecordSchema(quantityTextSchema('Declared unit'), 'Declared units').safeParse({ __proto__: '1 kg' })
 */
export function userRecordSchema(value: z.ZodType, description: string, valueJsonSchema?: Record<string, unknown>) {
  const schema = z.unknown().superRefine((input, ctx) => {
    if (!isPlainRecord(input)) {
      // Fatal, like zod's own type errors, so a union tells this branch does not fit at all.
      ctx.addIssue({ code: 'invalid_type', expected: 'record', input, message: 'expected a mapping of names to values', continue: false });
      return;
    }
    for (const key of Object.keys(input)) {
      if (key === '') {
        ctx.addIssue({ code: 'custom', path: [key], message: 'names must not be empty', params: { code: 'empty_value' } });
        continue;
      }
      const result = value.safeParse(input[key]);
      if (!result.success) {
        for (const issue of result.error.issues) ctx.addIssue({ ...issue, path: [key, ...issue.path] } as never);
      }
    }
  });
  const items = valueJsonSchema ?? withoutDialect(z.toJSONSchema(value, { io: 'input', metadata: modelSchemaDocs }));
  return documented(schema, { description, type: 'object', propertyNames: { minLength: 1 }, additionalProperties: items });
}

function withoutDialect(schema: Record<string, unknown>): Record<string, unknown> {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

/** Shortens user text for messages. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
