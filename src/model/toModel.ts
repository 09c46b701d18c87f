import { unfilledActivityMessage } from './activityReferences.js';
import { z } from 'zod';
import { SmeltprintError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { modelFactorToRecord } from '../factors/toFactorRecord.js';
import type { FactorRecord } from '../factors/types.js';
import { makeQuantity } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import { emissionUnitOf } from './emissionUnitOf.js';
import { readAmount, readQuantityText, readShare, readUnit, type FieldReading } from './fields.js';
import type { ModelDocument } from './schema.js';
import type { Allocation, EmissionEntry, Input, Model, Output, Process, ScrapType, Substitution } from './types.js';

type Doc = ModelDocument;
type DocProcess = Doc['processes'][number];
type DocOutput = DocProcess['outputs'][number];
type DocInput = NonNullable<DocProcess['inputs']>[number];
type DocEmission = NonNullable<DocProcess['emissions']>[number];
type DocAllocation = NonNullable<DocProcess['allocation']>;

/** Raised inside the conversion and turned into an issue at the path where it happened. */
class ConversionIssue extends Error {
  constructor(
    readonly code: string,
    readonly path: DocumentPath,
    message: string,
  ) {
    super(message);
  }
}

/** The value read, or the issue at `path` (with `field` appended: paths are built only on failure). */
function take<T>(reading: FieldReading<T>, path: DocumentPath, field?: string): T {
  if (!reading.ok) throw new ConversionIssue(reading.code, field === undefined ? path : [...path, field], reading.message);
  return reading.value;
}

/**
 * A mapping keyed by user data: no prototype, so `__proto__`, `constructor` or `toString` are
 * ordinary keys and nothing can reach Object.prototype through it.
 */
function userRecord<T>(entries: Iterable<readonly [string, T]>): Readonly<Record<string, T>> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return Object.freeze(record);
}

function entriesOf(value: unknown): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]]);
}

function quantityAt(amount: unknown, unitText: string, path: DocumentPath): Quantity {
  notAnActivityReference(amount, path);
  return makeQuantity(take(readAmount(amount), path, 'amount'), take(readUnit(unitText), path, 'unit'));
}

/** An `{ activity: <series> }` amount (at `path`.amount) must be filled (fillActivity) before the model is read. */
function notAnActivityReference<T>(amount: T, path: DocumentPath): T {
  if (typeof amount === 'object' && amount !== null && 'activity' in amount) {
    const series = String((amount as { activity: unknown }).activity);
    throw new ConversionIssue('activity_not_filled', [...path, 'amount'], unfilledActivityMessage(series));
  }
  return amount;
}

/** Frozen and prototype-free, so one can stand for every absent record. */
const NO_QUANTITIES: Readonly<Record<string, Quantity>> = userRecord([]);

/** The record at `path`.`field`, each value read with `read`. */
function quantityRecord(value: unknown, path: DocumentPath, field: string, read: (v: unknown) => FieldReading<Quantity>): Readonly<Record<string, Quantity>> {
  if (value === undefined) return NO_QUANTITIES;
  const recordPath = [...path, field];
  return userRecord(entriesOf(value).map(([key, text]) => [key, take(read(text), recordPath, key)] as const));
}

function toOutput(output: DocOutput, path: DocumentPath): Output {
  const result: { -readonly [K in keyof Output]: Output[K] } = {
    flow: output.flow,
    quantity: quantityAt(output.amount, output.unit, path),
    path,
    waste: output.waste ?? false,
    properties: quantityRecord(output.properties, path, 'properties', readQuantityText),
  };
  if (output.to !== undefined) result.to = output.to;
  if (output.substitutes !== undefined) {
    const substitution: Substitution =
      typeof output.substitutes === 'string' ? { factor: output.substitutes } : { from: output.substitutes.from };
    result.substitutes = Object.freeze(substitution);
  }
  if (output.price !== undefined) result.price = take(readQuantityText(output.price), path, 'price');
  return Object.freeze(result);
}

function scrapTypeOf(recycled: DocInput['recycled']): ScrapType | undefined {
  if (recycled === undefined || recycled === false) return undefined;
  return recycled === true ? 'unspecified' : recycled;
}

function toInput(input: DocInput, path: DocumentPath): Input {
  const result: { -readonly [K in keyof Input]: Input[K] } = {
    flow: input.flow,
    quantity: quantityAt(input.amount, input.unit, path),
    path,
  };
  if (input.from !== undefined) result.from = input.from;
  if (input.factor !== undefined) result.factor = input.factor;
  if (input.vintage !== undefined) result.vintage = String(input.vintage);
  const recycled = scrapTypeOf(input.recycled);
  if (recycled !== undefined) result.recycled = recycled;
  if (input.category !== undefined) result.category = input.category;
  if (input.instrument !== undefined) result.instrument = input.instrument;
  if (input.locationFactor !== undefined) result.locationFactor = input.locationFactor;
  return Object.freeze(result);
}

function toEmission(emission: DocEmission, path: DocumentPath): EmissionEntry {
  const frozenPath = path;
  if ('method' in emission) {
    return Object.freeze({
      kind: 'method',
      method: emission.method,
      // The method layer parses its own parameters; keep them as written, on a prototype-free copy.
      with: userRecord(entriesOf(emission.with)),
      path: frozenPath,
    });
  }
  const unit = take(emissionUnitOf(emission.unit, emission.gas), path, 'unit');
  const entry: EmissionEntry = {
    kind: 'declared',
    gas: emission.gas,
    quantity: makeQuantity(take(readAmount(notAnActivityReference(emission.amount, path)), path, 'amount'), unit),
    category: emission.category,
    path: frozenPath,
    ...(emission.label === undefined ? {} : { label: emission.label }),
  };
  return Object.freeze(entry);
}

/** The canonical `{ method, ... }` form of every accepted spelling of an allocation rule. */
function toAllocation(allocation: DocAllocation, path: DocumentPath): Allocation {
  if (typeof allocation === 'string') return Object.freeze({ method: allocation });
  if ('method' in allocation) {
    switch (allocation.method) {
      case 'mass':
      case 'economic':
        return Object.freeze({ method: allocation.method });
      case 'physical':
        return Object.freeze({ method: 'physical', property: allocation.property });
      case 'manual':
        return manualAllocation(allocation.shares, path, 'shares');
    }
  }
  if ('physical' in allocation) return Object.freeze({ method: 'physical', property: allocation.physical });
  return manualAllocation(allocation.manual, path, 'manual');
}

function manualAllocation(shares: unknown, path: DocumentPath, field: string): Allocation {
  return Object.freeze({ method: 'manual', shares: quantityRecord(shares, path, field, readShare), sharesPath: Object.freeze([...path, field]) });
}

/** The frozen path of an element of a list (kept by the model; each is made once). */
function elementPath(path: DocumentPath, list: string, index: number): DocumentPath {
  // Elements sit under a process (['processes', i]): made as a literal, as V8 spreads a frozen
  // array (the process's path) through the iterator protocol — several times slower, for every
  // element of a large model.
  return Object.freeze(path.length === 2 ? [path[0]!, path[1]!, list, index] : [...path, list, index]);
}

function toProcess(process: DocProcess, path: DocumentPath): Process {
  const result: { -readonly [K in keyof Process]: Process[K] } = {
    id: process.id,
    path,
    outputs: Object.freeze(process.outputs.map((output, index) => toOutput(output, elementPath(path, 'outputs', index)))),
    inputs: Object.freeze((process.inputs ?? []).map((input, index) => toInput(input, elementPath(path, 'inputs', index)))),
    emissions: Object.freeze((process.emissions ?? []).map((emission, index) => toEmission(emission, elementPath(path, 'emissions', index)))),
  };
  if (process.name !== undefined) result.name = process.name;
  if (process.allocation !== undefined) result.allocation = toAllocation(process.allocation, [...path, 'allocation']);
  return Object.freeze(result);
}

function toFactor(factor: NonNullable<Doc['factors']>[number], path: DocumentPath): FactorRecord {
  try {
    return modelFactorToRecord(factor, path);
  } catch (error) {
    if (error instanceof SmeltprintError) throw new ConversionIssue(error.code, error.path ?? path, error.message);
    throw error;
  }
}

function buildModel(doc: Doc): Model {
  const model: { -readonly [K in keyof Model]: Model[K] } = {
    smeltprint: 1,
    id: doc.id,
    period: Object.freeze({ start: doc.period.start, end: doc.period.end }),
    gwp: doc.gwp,
    factors: Object.freeze((doc.factors ?? []).map((factor, index) => toFactor(factor, ['factors', index]))),
    processes: Object.freeze(doc.processes.map((process, index) => toProcess(process, Object.freeze(['processes', index])))),
    declaredUnits: quantityRecord(doc.declaredUnits, [], 'declaredUnits', readQuantityText),
  };
  if (doc.name !== undefined) model.name = doc.name;
  if (doc.description !== undefined) model.description = doc.description;
  if (doc.company !== undefined) {
    model.company = Object.freeze({ name: doc.company.name, ids: Object.freeze([...(doc.company.ids ?? [])]) });
  }
  if (doc.region !== undefined) model.region = doc.region;
  return Object.freeze(brandModel(model));
}

/**
 * Converts a validated model document into a frozen `Model`: exact quantities in the units
 * written, canonical allocation rules, factor records, and each element's path in the document.
 * Used as the transform of `modelSchema`; a value the validation let through but that still cannot
 * be converted becomes an issue at its path rather than an exception.
 *
 * @example
 * const model = modelSchema.parse(document); // runs toModel after validation
 */
export function toModel(doc: Doc, ctx: z.RefinementCtx): Model {
  try {
    return buildModel(doc);
  } catch (error) {
    if (!(error instanceof ConversionIssue)) throw error;
    ctx.addIssue({ code: 'custom', path: [...error.path], message: error.message, params: { code: error.code } });
    return z.NEVER;
  }
}

/**
 * The Model of a document already known to have the shape `modelDocumentSchema` accepts (`gwp`
 * given), or undefined when a value still cannot be converted (the caller then validates the
 * document the careful way, which reports the issue).
 */
export function convertCheckedDocument(doc: Doc): Model | undefined {
  try {
    return buildModel(doc);
  } catch (error) {
    if (error instanceof ConversionIssue) return undefined;
    throw error;
  }
}

/**
 * Marks a Model as produced by the parser, so functions that take "a Model or a raw document"
 * can tell them apart without guessing from their shape (a symbol key: invisible to JSON).
 */
export const PARSED_MODEL: unique symbol = Symbol.for('smeltprint.parsedModel');

function brandModel(model: Model): Model {
  Object.defineProperty(model, PARSED_MODEL, { value: true, enumerable: false });
  return model;
}

/** True for a Model returned by parseModel (or derived from one by the library itself, e.g. toLocationBased). */
export function isParsedModel(value: unknown): value is Model {
  return typeof value === 'object' && value !== null && (value as { [PARSED_MODEL]?: unknown })[PARSED_MODEL] === true;
}

/** Carries the parser's mark over to a model derived from a parsed one (e.g. location-based). */
export function markDerivedModel(model: Model): Model {
  return Object.freeze(brandModel({ ...model }));
}
