import { DatasetError, MethodParameterError, UnitMismatchError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { Decimal } from '../decimal/decimal.js';
import { toFixedString } from '../decimal/rounding.js';
import type { FactorRecord, Source } from '../factors/types.js';
import { amountIn } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import { convertFactor, isConvertible, parseUnit } from '../units/index.js';
import type { ExplainedValue, MethodContext, MethodEmission, MethodResult, ParameterValue } from './types.js';

/**
 * One number that enters a method's formula, in a stated unit, with where it came from.
 * Methods compute with `value` and hand their terms to `methodResult`, which turns them into the
 * explanation (`values`) and the provenance list (`factors`).
 */
export interface Term {
  readonly value: Decimal;
  readonly unit: string;
  readonly explained: ExplainedValue;
  readonly factor?: FactorRecord;
}

/** 100, for the guidelines' `(100 − S − Ash)/100` percent forms. */
export const HUNDRED: Decimal = new Decimal(100);

/** The CO2/C mass ratio 44/12 every carbon-balance equation uses (IPCC 2006 Vol. 3 Ch. 4; NDRC 2013). */
export const CO2_PER_CARBON: Decimal = new Decimal(44).div(12);

/**
 * Carbon mass to CO2 mass, × 44 then ÷ 12, so whole results stay whole (2475 t C → 9075 t CO2
 * exactly, where × 3.666…7 would leave a residue in the 34th digit).
 *
 * @example
 * carbonToCo2(new Decimal(2475)).toFixed() // '9075'
 */
export function carbonToCo2(carbon: Decimal): Decimal {
  return carbon.times(44).div(12);
}

/**
 * A quantity parameter in `unit`, or undefined when absent.
 *
 * @example
 * const sulfur = parameterTerm(params, 'sulfur', '%'); // { value: 2, unit: '%', ... }
 */
export function parameterTerm(
  params: Readonly<Record<string, ParameterValue>>,
  name: string,
  unit: string,
): Term | undefined {
  const given = params[name];
  if (given === undefined) return undefined;
  if (!isQuantity(given)) throw new DatasetError(`parameter "${name}" is not a quantity`);
  const value = amountIn(given, unit);
  return term(name, value, unit, 'parameter');
}

/**
 * A factor resolved through the context (so its provenance is recorded), in `unit`.
 *
 * @example
 * const slope = factorTerm(context, 'slope', 'ipcc-2006/aluminium/pfc-slope/CWPB', '(kg CF4/t)/(AE-min/cell-day)');
 */
export function factorTerm(
  context: MethodContext,
  name: string,
  factorId: string,
  unit: string,
  origin: 'factor' | 'default' = 'factor',
): Term {
  const resolved = context.resolveFactor({ id: factorId });
  const record = resolved.record;
  if (unit === AS_RECORDED) return recordTerm(name, record, record.unit.symbol, record.value, origin);
  let value: Decimal;
  try {
    value = record.value.times(convertFactor(record.unit, parseUnit(unit)));
  } catch (error) {
    if (error instanceof UnitMismatchError) {
      throw new DatasetError(`factor ${record.id} is in ${record.unit.symbol}, which cannot be read as ${unit}`);
    }
    throw error;
  }
  return recordTerm(name, record, unit, value, origin);
}

/** Pass as `unit` to `factorTerm` to keep a factor in the unit its dataset states (e.g. GJ/10^4 Nm3). */
export const AS_RECORDED = 'as-recorded';

function recordTerm(name: string, record: FactorRecord, unit: string, value: Decimal, origin: 'factor' | 'default'): Term {
  return Object.freeze({
    value,
    unit,
    factor: record,
    explained: Object.freeze({
      name,
      value: toFixedString(value),
      unit,
      origin,
      source: describeSource(record.source, record.confidence, record.notes),
      factorId: record.id,
    }),
  });
}

/**
 * The parameter if given, else the dataset default (recorded with its provenance).
 *
 * @example
 * const ash = parameterOrDefault(params, context, 'ash', 'ipcc-2006/aluminium/prebake/anode-ash', '%');
 */
export function parameterOrDefault(
  params: Readonly<Record<string, ParameterValue>>,
  context: MethodContext,
  name: string,
  factorId: string,
  unit: string,
): Term {
  return parameterTerm(params, name, unit) ?? factorTerm(context, name, factorId, unit, 'default');
}

/**
 * Production in tonnes: the `production` parameter if given, else the process's reference output
 * (which must be a mass).
 *
 * @example
 * const production = productionTerm(params, context); // e.g. 100000 t from the reference output
 */
export function productionTerm(params: Readonly<Record<string, ParameterValue>>, context: MethodContext, name = 'production'): Term {
  const given = parameterTerm(params, name, 't');
  if (given !== undefined) return given;
  const reference = context.production;
  if (!isConvertible(reference.unit, parseUnit('t'))) {
    throw new MethodParameterError(
      `the reference output of process "${context.processId}" is in ${reference.unit.symbol}, not a mass; give "${name}" in t`,
      { path: [...context.path, name] },
    );
  }
  return term(name, amountIn(reference, 't'), 't', 'default', `reference output of process "${context.processId}"`);
}

/**
 * A value computed inside the method (shown in the explanation as derived).
 *
 * @example
 * const netCarbon = derivedTerm('net carbon', new Decimal('0.4099'), 't C/t');
 */
export function derivedTerm(name: string, value: Decimal, unit: string, source?: string): Term {
  return term(name, value, unit, 'derived', source);
}

/**
 * A quantity kept in its own unit (e.g. a fuel amount in t or in 10^4 Nm3).
 *
 * @example
 * const amount = quantityTerm('amount', params.amount as Quantity);
 */
export function quantityTerm(name: string, q: Quantity, origin: ExplainedValue['origin'] = 'parameter', source?: string): Term {
  return term(name, q.amount, q.unit.symbol, origin, source);
}

/** A term from a fixed number the method states itself (a default the standard writes into the formula). */
export function defaultTerm(name: string, value: Decimal, unit: string, source: string): Term {
  return term(name, value, unit, 'default', source);
}

/** Reads an enum parameter that the spec guarantees (required or defaulted). */
export function enumParameter(params: Readonly<Record<string, ParameterValue>>, name: string): string {
  const value = params[name];
  if (typeof value !== 'string') throw new DatasetError(`parameter "${name}" is not set`);
  return value;
}

/**
 * Assembles a frozen MethodResult from emissions and the terms used; factors are listed once each.
 *
 * @example
 * return methodResult({ emissions: [{ gas: 'CO2', amount, category: 'anode' }], formula, citation, terms: [mp, nac] });
 */
export function methodResult(parts: {
  readonly emissions: readonly MethodEmission[];
  readonly formula: string;
  readonly citation: string;
  readonly terms: readonly (Term | undefined)[];
  readonly notes?: readonly string[];
  /** Where to point a negative-result error (the method's `with`). */
  readonly path?: DocumentPath;
}): MethodResult {
  const used = parts.terms.filter((t): t is Term => t !== undefined);
  const factors: FactorRecord[] = [];
  for (const t of used) {
    if (t.factor !== undefined && !factors.some((f) => f.id === t.factor?.id)) factors.push(t.factor);
  }
  for (const e of parts.emissions) {
    if (e.amount.isNegative()) {
      throw new MethodParameterError(
        `the ${e.gas} emission comes out negative (${toFixedString(e.amount)} t); check the inputs`,
        parts.path === undefined ? {} : { path: parts.path },
      );
    }
  }
  return Object.freeze({
    emissions: Object.freeze(parts.emissions.map((e) => Object.freeze({ ...e }))),
    formula: parts.formula,
    citation: parts.citation,
    values: Object.freeze(used.map((t) => t.explained)),
    factors: Object.freeze(factors),
    ...(parts.notes === undefined || parts.notes.length === 0 ? {} : { notes: Object.freeze([...parts.notes]) }),
  });
}

/** "IPCC 2006 Vol. 3 Ch. 4, Table 4.15, EFDB 214135 [V-EFDB]" for explanations. */
export function describeSource(source: Source, confidence?: string, notes?: string): string {
  const parts = [source.title];
  if (source.edition !== undefined) parts.push(source.edition);
  if (source.table !== undefined) parts.push(source.table);
  if (source.equation !== undefined) parts.push(source.equation);
  if (source.efdbId !== undefined) parts.push(`EFDB ${source.efdbId}`);
  let text = parts.join(', ');
  if (confidence !== undefined) text += ` [${confidence}]`;
  if (notes !== undefined && /unverified/i.test(notes)) text += ' (unverified)';
  return text;
}

function term(name: string, value: Decimal, unit: string, origin: ExplainedValue['origin'], source?: string): Term {
  return Object.freeze({
    value,
    unit,
    explained: Object.freeze({
      name,
      value: toFixedString(value),
      unit,
      origin,
      ...(source === undefined ? {} : { source }),
    }),
  });
}

function isQuantity(value: ParameterValue): value is Quantity {
  return typeof value === 'object' && !Array.isArray(value) && 'amount' in value && 'unit' in value;
}
