import { ELECTRICITY_INSTRUMENTS } from './types.js';
import { isAfter } from 'date-fns/isAfter';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { modelFactorSchema } from '../factors/schema.js';
import { CATEGORIES } from '../gases/categories.js';
import { GAS_IDS, GWP_SET_IDS, type GwpSetId } from '../gases/types.js';
import { emissionUnitOf } from './emissionUnitOf.js';
import {
  amountSchema,
  documented,
  isIsoDate,
  isoDateSchema,
  nameSchema,
  quantityTextSchema,
  regionSchema,
  shareSchema,
  unitSchema,
  userRecordSchema,
  vintageSchema,
} from './fields.js';
import { toModel } from './toModel.js';

/**
 * The model document format version this library reads (`smeltprint: 1`).
 *
 * @example
 * document.smeltprint === MODEL_FORMAT_VERSION
 */
export const MODEL_FORMAT_VERSION = 1;

/**
 * GWP set used when a document names none. AR6 (IPCC 2021, WG I Ch. 7 Table 7.SM.7) is what
 * PACT v3 requires and the newest assessment; documents for CBAM (AR5) or older Chinese
 * guidelines (SAR) must say so with `gwp:` — see shared/reference/formats.md §5.2.
 *
 * @example
 * parseModel(documentWithoutGwp).gwp === DEFAULT_GWP // 'AR6'
 */
export const DEFAULT_GWP: GwpSetId = 'AR6';

/**
 * An amount left to activity data: `{ activity: "electrolysis.electricity" }` names a series that
 * `fillActivity` (CLI: `smeltprint footprint MODEL --activity ledger.csv`) replaces by its sum over
 * the period. A document with one still unfilled is invalid (`activity_not_filled`).
 */
const activityReferenceSchema = documented(
  z.strictObject({ activity: nameSchema('Series id of the activity mapping, e.g. electrolysis.electricity') }),
  { id: 'ActivityReference', description: 'An amount filled from activity data (ERP export) by smeltprint footprint --activity' },
);

/** An amount as a decimal, or a reference to activity data to be filled in. */
function fillableAmountSchema(description: string) {
  return documented(
    z.union([amountSchema(description), activityReferenceSchema], { error: 'expected a decimal number or { activity: <series> }' }),
    { description: `${description}: a decimal ≥ 0, or { activity: <series> } filled from activity data` },
  );
}

const outputSchema = documented(
  z.strictObject({
    flow: nameSchema('Flow produced, e.g. aluminium-liquid; a product flow is produced by one process only'),
    amount: fillableAmountSchema('Amount produced in the period'),
    unit: unitSchema('Unit of the amount'),
    waste: documented(z.boolean().optional(), { description: 'A waste carries no burden (default false)' }),
    to: documented(nameSchema('Treatment process').optional(), { description: 'Process that treats this waste; its burden is added' }),
    substitutes: documented(
      z
        .union([nameSchema('Factor id of the avoided production'), z.strictObject({ from: nameSchema('Process whose production is avoided') })], {
          error: 'substitutes is a factor id or { from: <process id> }',
        })
        .optional(),
      { description: 'System expansion: the production this co-product avoids, a factor id or { from: processId }' },
    ),
    price: documented(quantityTextSchema('Price per unit of output, for economic allocation').optional(), {
      description: 'Price per unit of output, for economic allocation, e.g. "18000 CNY/t"',
    }),
    properties: userRecordSchema(
      quantityTextSchema('Property per unit of output'),
      'Physical properties per unit of output for physical allocation, e.g. { zinc-content: "0.52 t/t" }',
    ).optional(),
  }),
  { id: 'Output', description: 'A flow the process produces; the first output is the reference output' },
);

const inputSchema = documented(
  z.strictObject({
    flow: nameSchema('Flow consumed, e.g. alumina'),
    amount: fillableAmountSchema('Amount consumed in the period'),
    unit: unitSchema('Unit of the amount'),
    from: documented(nameSchema('Supplying process').optional(), { description: 'Process of the model that supplies this flow' }),
    factor: documented(nameSchema('Factor id').optional(), {
      description: 'Emission factor id or family pricing this input, e.g. cn-mee/grid/national/2023',
    }),
    vintage: vintageSchema().optional(),
    recycled: documented(z.union([z.boolean(), z.enum(['pre-consumer', 'post-consumer'])]).optional(), {
      description: 'Recycled (scrap) input; without from/factor it enters burden-free (cut-off)',
    }),
    category: documented(z.enum(CATEGORIES).optional(), { description: 'Overrides the category derived from flow and factor' }),
    instrument: documented(z.enum(ELECTRICITY_INSTRUMENTS).optional(), {
      description: 'Market instrument backing purchased electricity (green electricity trading, green certificates, a direct PPA, on-site renewables); the factor is then the contract factor',
    }),
    locationFactor: documented(nameSchema('Factor id').optional(), {
      description: 'Grid factor (id or family) for the location-based figure of an instrument-backed purchase; default cn-mee/grid',
    }),
  }),
  { id: 'Input', description: 'A flow the process consumes: from a process of the model, or priced by a factor' },
);

const declaredEmissionSchema = documented(
  z
    .strictObject({
      gas: documented(z.enum(GAS_IDS), { description: 'Greenhouse gas' }),
      amount: fillableAmountSchema('Mass of gas emitted in the period'),
      unit: unitSchema('Mass unit (t means tonnes of the gas) or a gas mass such as t CO2 that names the same gas'),
      category: documented(z.enum(CATEGORIES), { description: 'Emission category of the guidelines' }),
      label: documented(z.string().optional(), { description: 'Free text shown in reports' }),
    })
    .superRefine((emission, ctx) => {
      const reading = emissionUnitOf(emission.unit, emission.gas);
      if (!reading.ok) ctx.addIssue({ code: 'custom', path: ['unit'], message: reading.message, params: { code: reading.code } });
    }),
  { id: 'DeclaredEmission', description: 'A measured or reported emission of one gas (scope 1)' },
);

const methodEmissionSchema = documented(
  z.strictObject({
    method: nameSchema('Method id, publisher-edition/metal/name, e.g. ipcc-2006/aluminium/prebake-anode-co2'),
    with: userRecordSchema(z.unknown(), 'Parameters of the method; values are quantity text or numbers', {}).optional(),
  }),
  { id: 'MethodEmission', description: "Emissions computed by a standard's method from activity data" },
);

const emissionSchema = documented(
  z.union([declaredEmissionSchema, methodEmissionSchema], {
    error: 'an emission is { gas, amount, unit, category } or { method, with }',
  }),
  { id: 'Emission' },
);

const allocationSchema = documented(
  z.union(
    [
      documented(z.enum(['mass', 'economic']), { description: 'Shorthand for { method: mass } and { method: economic }' }),
      z.discriminatedUnion('method', [
        z.strictObject({ method: z.literal('mass') }),
        z.strictObject({ method: z.literal('economic') }),
        z.strictObject({ method: z.literal('physical'), property: nameSchema('Property named on every allocated output') }),
        z.strictObject({
          method: z.literal('manual'),
          shares: userRecordSchema(shareSchema(), 'Share per allocated output flow; the shares sum to exactly 1'),
        }),
      ]),
      documented(z.strictObject({ physical: nameSchema('Property named on every allocated output') }), {
        description: 'Shorthand for { method: physical, property: ... }',
      }),
      documented(z.strictObject({ manual: userRecordSchema(shareSchema(), 'Share per allocated output flow') }), {
        description: 'Shorthand for { method: manual, shares: ... }',
      }),
    ],
    {
      error:
        'allocation is mass, economic, { method: physical, property: <name> }, { method: manual, shares: { <flow>: <share> } } ' +
        'or the shorthands { physical: <name> } and { manual: { <flow>: <share> } }',
    },
  ),
  {
    id: 'Allocation',
    description:
      'How a multi-output process shares its burden. Canonical form { method: mass | economic | physical | manual, ... }; ' +
      'the strings mass and economic and the objects { physical: <name> } and { manual: <shares> } are accepted as shorthands.',
  },
);

const processSchema = documented(
  z.strictObject({
    id: nameSchema('Process id, unique in the model'),
    name: documented(z.string().optional(), { description: 'Name shown in reports' }),
    outputs: documented(z.array(outputSchema).min(1, 'a process has at least one output'), {
      description: 'Flows produced; the first is the reference output',
    }),
    inputs: z.array(inputSchema).optional(),
    emissions: z.array(emissionSchema).optional(),
    allocation: allocationSchema.optional(),
  }),
  { id: 'Process', description: 'A unit process of the plant over the period' },
);

const periodSchema = documented(
  z
    .strictObject({
      start: isoDateSchema('First day of the period (inclusive)'),
      end: isoDateSchema('Last day of the period (inclusive)'),
    })
    .superRefine((period, ctx) => {
      if (isIsoDate(period.start) && isIsoDate(period.end) && isAfter(parseISO(period.start), parseISO(period.end))) {
        ctx.addIssue({
          code: 'custom',
          path: ['end'],
          message: `the period ends (${period.end}) before it starts (${period.start})`,
          params: { code: 'invalid_period' },
        });
      }
    }),
  { description: 'Reporting period, inclusive ISO dates' },
);

const companySchema = documented(
  z.strictObject({
    name: nameSchema('Company name'),
    ids: documented(z.array(nameSchema('Company identifier')).optional(), { description: 'Company identifiers (URNs)' }),
  }),
  { description: 'The reporting company' },
);

/**
 * The model document, format version 1 (DESIGN.md, "The model document"), as a validating zod
 * schema. It checks shape, types, amounts, units, dates and codes, and reports unknown fields;
 * it does not check references between processes (see `validateModel`). Its output is the
 * document as written (with `gwp` defaulted); `modelSchema` turns it into a `Model`.
 * `readPlainDocument` (plainDocument.ts) reads plain valid documents without zod, checking the
 * same shapes: a field or check added here must be added there too (a check it misses would let
 * a document through that this schema refuses; src/model/plainDocument.test.ts compares the two).
 *
 * @example
 * modelDocumentSchema.safeParse({ smeltprint: 1, id: 'x', period: { start: '2025-01-01', end: '2025-12-31' },
 *   processes: [{ id: 'p', outputs: [{ flow: 'f', amount: '1', unit: 't' }] }] }).success // true
 */
export const modelDocumentSchema = documented(
  z.strictObject({
    $schema: documented(z.string().optional(), { description: 'JSON Schema of the document, for editors' }),
    smeltprint: documented(z.literal(MODEL_FORMAT_VERSION), { description: 'Format version of the document' }),
    id: nameSchema('Model id'),
    name: documented(z.string().optional(), { description: 'Model name' }),
    description: documented(z.string().optional(), { description: 'Free text' }),
    company: companySchema.optional(),
    period: periodSchema,
    region: regionSchema().optional(),
    gwp: documented(z.enum(GWP_SET_IDS).default(DEFAULT_GWP), {
      description: `GWP100 set used for CO2e (default ${DEFAULT_GWP}); CBAM uses AR5, PACT v3 AR6`,
    }),
    factors: documented(z.array(modelFactorSchema).optional(), {
      description: 'Model-specific factors, each with its source; built-in datasets are always available',
    }),
    declaredUnits: userRecordSchema(
      quantityTextSchema('Declared unit'),
      'Declared unit per product flow, e.g. { aluminium-ingot: "1 kg" }; default 1 of the reference output unit',
    ).optional(),
    processes: documented(z.array(processSchema).min(1, 'a model has at least one process'), { description: 'The processes of the plant' }),
  }),
  { id: 'ModelDocument' },
);

/** The document as written, after validation (`gwp` defaulted). */
export type ModelDocument = z.output<typeof modelDocumentSchema>;
/** What an integration may write (`z.input`). */
export type ModelDocumentInput = z.input<typeof modelDocumentSchema>;

/**
 * The model document schema with its transform: validated input in, frozen `Model` out.
 *
 * @example
 * const model = modelSchema.parse(document);
 * model.processes[0]?.outputs[0]?.quantity.amount.toFixed()
 */
export const modelSchema = modelDocumentSchema.transform(toModel);
