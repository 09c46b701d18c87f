import { isAfter } from 'date-fns/isAfter';
import { parseISO } from 'date-fns/parseISO';
import { z } from 'zod';
import { modelFactorSchema } from '../factors/schema.js';
import { CATEGORIES } from '../gases/categories.js';
import { GAS_IDS, GWP_SET_IDS } from '../gases/types.js';
import { isIsoDate, isPlainRecord, REGION_PATTERN } from './fields.js';
import { DEFAULT_GWP, MODEL_FORMAT_VERSION, type ModelDocument } from './schema.js';
import { convertCheckedDocument } from './toModel.js';
import { ELECTRICITY_INSTRUMENTS, type Model } from './types.js';

// A second reading of the model document, for speed: zod's validation copies the whole document
// and keeps bookkeeping for every field (about half of parsing a large model). A plain document
// (what JSON and YAML give) that this reading accepts is one `modelSchema` accepts, and its Model
// is the one `modelSchema` makes: the shapes are checked here as the schema checks them, and the
// contents (amounts, units, quantity texts, shares, gas units) by the very functions the schema's
// refinements use, when `toModel` reads them. Anything else (an invalid document, an unfilled
// activity amount, an object that is not a plain mapping or list) answers undefined, and the
// caller validates with zod, which reports the issues. src/model/plainDocument.test.ts holds the
// two readings to the same answers. Some fields are read twice (checked here, taken by toModel):
// safeParseModel uses this reading only for documents the library's own readers made
// (core/readAsData.ts), where every property is a plain value.

const GWP_SETS: ReadonlySet<unknown> = new Set(GWP_SET_IDS);
const GASES: ReadonlySet<unknown> = new Set(GAS_IDS);
const CATEGORY_SET: ReadonlySet<unknown> = new Set(CATEGORIES);
const INSTRUMENTS: ReadonlySet<unknown> = new Set(ELECTRICITY_INSTRUMENTS);
const factorsSchema = z.array(modelFactorSchema);

/**
 * The Model of `input` when it is a plain, valid model document, read without zod's copy;
 * undefined otherwise (then `modelSchema` decides, and says why).
 *
 * @example
 * readPlainDocument(JSON.parse(text)) ?? modelSchema.parse(JSON.parse(text))
 */
export function readPlainDocument(input: unknown): Model | undefined {
  if (!isPlainRecord(input) || !hasOnlyKeys(input, DOCUMENT_KEYS)) return undefined;
  const { $schema, smeltprint, id, name, description, company, period, region, gwp, factors, declaredUnits, processes } = input;
  if (smeltprint !== MODEL_FORMAT_VERSION || !isName(id) || !optionalText($schema) || !optionalText(name) || !optionalText(description)) return undefined;
  if (!(company === undefined || isCompany(company)) || !isPeriod(period) || !(region === undefined || isRegion(region))) return undefined;
  if (!(gwp === undefined || GWP_SETS.has(gwp)) || !(declaredUnits === undefined || isRecordOf(declaredUnits, isQuantityText))) return undefined;
  if (!isListOf(processes, isProcess, 1)) return undefined;
  let checkedFactors: unknown;
  if (factors !== undefined) {
    // Few and varied: zod's own reading of them is the one used.
    const parsed = factorsSchema.safeParse(factors);
    if (!parsed.success) return undefined;
    checkedFactors = parsed.data;
  }
  const document = {
    smeltprint,
    id,
    name,
    description,
    company,
    period,
    region,
    gwp: gwp ?? DEFAULT_GWP,
    factors: checkedFactors,
    declaredUnits,
    processes,
  } as unknown as ModelDocument;
  return convertCheckedDocument(document);
}

// The keys each strict object of the schema allows.
const DOCUMENT_KEYS = keySet('$schema', 'smeltprint', 'id', 'name', 'description', 'company', 'period', 'region', 'gwp', 'factors', 'declaredUnits', 'processes');
const PROCESS_KEYS = keySet('id', 'name', 'outputs', 'inputs', 'emissions', 'allocation');
const OUTPUT_KEYS = keySet('flow', 'amount', 'unit', 'waste', 'to', 'substitutes', 'price', 'properties');
const INPUT_KEYS = keySet('flow', 'amount', 'unit', 'from', 'factor', 'vintage', 'recycled', 'category', 'instrument', 'locationFactor');
const DECLARED_EMISSION_KEYS = keySet('gas', 'amount', 'unit', 'category', 'label');
const METHOD_EMISSION_KEYS = keySet('method', 'with');
const COMPANY_KEYS = keySet('name', 'ids');
const PERIOD_KEYS = keySet('start', 'end');
const SUBSTITUTION_KEYS = keySet('from');
const METHOD_ONLY = keySet('method');
const PHYSICAL_RULE_KEYS = keySet('method', 'property');
const MANUAL_RULE_KEYS = keySet('method', 'shares');
const PHYSICAL_SHORTHAND_KEYS = keySet('physical');
const MANUAL_SHORTHAND_KEYS = keySet('manual');

function keySet(...keys: string[]): ReadonlySet<string> {
  return new Set(keys);
}

/**
 * Every own key is one of `known` (a strict object). for…in also walks inherited enumerable keys:
 * a polluted Object.prototype only makes this reading give up, never accept more.
 */
function hasOnlyKeys(record: Record<string, unknown>, known: ReadonlySet<string>): boolean {
  for (const key in record) if (!known.has(key)) return false;
  return true;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function optionalName(value: unknown): boolean {
  return value === undefined || isName(value);
}

function optionalText(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

/** What zod's `union([string, number])` lets through (its numbers are finite). */
function isTextOrNumber(value: unknown): value is string | number {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));
}

/** Amounts: the value itself is read by `toModel` with the schema's own reader. */
function isAmount(value: unknown): boolean {
  return isTextOrNumber(value);
}

function isQuantityText(value: unknown): boolean {
  return isTextOrNumber(value);
}

function isPlainList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

function isListOf(value: unknown, isElement: (element: unknown) => boolean, minimum = 0): boolean {
  if (!isPlainList(value) || value.length < minimum) return false;
  for (let i = 0; i < value.length; i++) if (!isElement(value[i])) return false;
  return true;
}

/** A user-keyed mapping (`userRecordSchema`): plain, no empty names, every value passing `isValue`. */
function isRecordOf(value: unknown, isValue: (element: unknown) => boolean): boolean {
  if (!isPlainRecord(value)) return false;
  for (const key of Object.keys(value)) if (key === '' || !isValue(value[key])) return false;
  return true;
}

function isCompany(value: unknown): boolean {
  if (!isPlainRecord(value) || !hasOnlyKeys(value, COMPANY_KEYS)) return false;
  return isName(value.name) && (value.ids === undefined || isListOf(value.ids, isName));
}

function isPeriod(value: unknown): boolean {
  if (!isPlainRecord(value) || !hasOnlyKeys(value, PERIOD_KEYS)) return false;
  const { start, end } = value;
  return typeof start === 'string' && typeof end === 'string' && isIsoDate(start) && isIsoDate(end) && !isAfter(parseISO(start), parseISO(end));
}

function isRegion(value: unknown): boolean {
  return typeof value === 'string' && REGION_PATTERN.test(value);
}

function isProcess(value: unknown): boolean {
  if (!isPlainRecord(value) || !hasOnlyKeys(value, PROCESS_KEYS)) return false;
  return (
    isName(value.id) &&
    optionalText(value.name) &&
    isListOf(value.outputs, isOutput, 1) &&
    (value.inputs === undefined || isListOf(value.inputs, isInput)) &&
    (value.emissions === undefined || isListOf(value.emissions, isEmission)) &&
    (value.allocation === undefined || isAllocation(value.allocation))
  );
}

/** A strict object of `keys` with the flow, amount and unit that every output and input has. */
function isFlowEntry(value: unknown, keys: ReadonlySet<string>): value is Record<string, unknown> {
  return isPlainRecord(value) && hasOnlyKeys(value, keys) && isName(value.flow) && isAmount(value.amount) && typeof value.unit === 'string';
}

function isOutput(value: unknown): boolean {
  if (!isFlowEntry(value, OUTPUT_KEYS)) return false;
  const { substitutes } = value;
  return (
    (value.waste === undefined || typeof value.waste === 'boolean') &&
    optionalName(value.to) &&
    (substitutes === undefined || isName(substitutes) || (isPlainRecord(substitutes) && hasOnlyKeys(substitutes, SUBSTITUTION_KEYS) && isName(substitutes.from))) &&
    (value.price === undefined || isQuantityText(value.price)) &&
    (value.properties === undefined || isRecordOf(value.properties, isQuantityText))
  );
}

function isInput(value: unknown): boolean {
  if (!isFlowEntry(value, INPUT_KEYS)) return false;
  const { recycled } = value;
  return (
    optionalName(value.from) &&
    optionalName(value.factor) &&
    (value.vintage === undefined || isVintage(value.vintage)) &&
    (recycled === undefined || typeof recycled === 'boolean' || recycled === 'pre-consumer' || recycled === 'post-consumer') &&
    (value.category === undefined || CATEGORY_SET.has(value.category)) &&
    (value.instrument === undefined || INSTRUMENTS.has(value.instrument)) &&
    optionalName(value.locationFactor)
  );
}

function isVintage(value: unknown): boolean {
  if (!isTextOrNumber(value)) return false;
  const text = String(value);
  return /^\d{4}$/.test(text) || isIsoDate(text);
}

/** Declared emissions' gas units are read by `toModel` with the schema's own check. */
function isEmission(value: unknown): boolean {
  if (!isPlainRecord(value)) return false;
  if ('method' in value) {
    return hasOnlyKeys(value, METHOD_EMISSION_KEYS) && isName(value.method) && (value.with === undefined || isRecordOf(value.with, () => true));
  }
  return (
    hasOnlyKeys(value, DECLARED_EMISSION_KEYS) &&
    GASES.has(value.gas) &&
    isAmount(value.amount) &&
    typeof value.unit === 'string' &&
    CATEGORY_SET.has(value.category) &&
    optionalText(value.label)
  );
}

/** Every spelling `allocationSchema` accepts; manual shares are read by `toModel` with `readShare`. */
function isAllocation(value: unknown): boolean {
  if (value === 'mass' || value === 'economic') return true;
  if (!isPlainRecord(value)) return false;
  if ('method' in value) {
    switch (value.method) {
      case 'mass':
      case 'economic':
        return hasOnlyKeys(value, METHOD_ONLY);
      case 'physical':
        return hasOnlyKeys(value, PHYSICAL_RULE_KEYS) && isName(value.property);
      case 'manual':
        return hasOnlyKeys(value, MANUAL_RULE_KEYS) && isRecordOf(value.shares, isQuantityText);
      default:
        return false;
    }
  }
  if ('physical' in value) return hasOnlyKeys(value, PHYSICAL_SHORTHAND_KEYS) && isName(value.physical);
  return hasOnlyKeys(value, MANUAL_SHORTHAND_KEYS) && isRecordOf(value.manual, isQuantityText);
}
