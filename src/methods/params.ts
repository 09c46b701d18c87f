import { MethodParameterError, SmeltprintError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { checkMagnitude, isDecimalText, toDecimal } from '../decimal/decimal.js';
import { toFixedString } from '../decimal/rounding.js';
import { convert, parseQuantity } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import { isConvertible, parseUnit } from '../units/index.js';
import type { Unit } from '../units/types.js';
import type { ParameterSpec, ParameterValue } from './types.js';

/** A parameter that was absent from `with` and took its declared default. */
export interface DefaultUsed {
  /** Parameter name; inside lists `items[1].share`-style names are not produced (lists have no defaults). */
  readonly name: string;
  /** The default as written in the spec, e.g. "100 %". */
  readonly value: string;
  readonly source?: string;
}

/** The outcome of `parseParameters`: converted values and the defaults that were filled in. */
export interface ParsedParameters {
  readonly values: Readonly<Record<string, ParameterValue>>;
  readonly defaults: readonly DefaultUsed[];
}

/**
 * Reads a method's `with` object against its parameter specs: quantity text (`"0.42 t/t"`,
 * `"2 %"`) or bare numbers in the spec's unit, converted to the spec's unit; enum values; lists
 * of objects. Absent parameters take their spec default (recorded in `defaults`). Unknown names,
 * missing required values, unconvertible units, bare numbers in `%`/`fraction` slots and values
 * out of range throw MethodParameterError with `path` + the parameter name.
 *
 * @example
 * const parsed = parseParameters(
 *   { sulfur: { kind: 'quantity', unit: '%', default: '2 %', description: 'S in baked anode' } },
 *   { sulfur: '0.015 fraction' },
 *   ['processes', 0, 'emissions', 1, 'with'],
 * );
 * // parsed.values.sulfur is 1.5 %; parseParameters(spec, { sulfur: 2 }, path) throws
 */
export function parseParameters(
  spec: Readonly<Record<string, ParameterSpec>>,
  raw: unknown,
  path: DocumentPath,
): ParsedParameters {
  const defaults: DefaultUsed[] = [];
  const values = parseObject(spec, raw, path, defaults, '');
  return Object.freeze({ values, defaults: Object.freeze(defaults) });
}

function parseObject(
  spec: Readonly<Record<string, ParameterSpec>>,
  raw: unknown,
  path: DocumentPath,
  defaults: DefaultUsed[],
  prefix: string,
): Readonly<Record<string, ParameterValue>> {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new MethodParameterError('expected an object of named parameters', { path });
  }
  const given = (raw ?? {}) as Readonly<Record<string, unknown>>;
  const known = Object.keys(spec);
  for (const name of Object.keys(given)) {
    if (!Object.hasOwn(spec, name)) {
      throw new MethodParameterError(
        `unknown parameter "${name}"; expected one of: ${known.join(', ') || '(none)'}`,
        { path: [...path, name] },
      );
    }
  }
  const out: Record<string, ParameterValue> = {};
  for (const name of known) {
    const parameter = spec[name] as ParameterSpec;
    const here = [...path, name];
    const value = Object.hasOwn(given, name) ? given[name] : undefined;
    if (value === undefined || value === null) {
      const filled = defaultOf(parameter, here);
      if (filled !== undefined) {
        out[name] = filled;
        const source = parameter.kind === 'quantity' ? parameter.defaultSource : undefined;
        defaults.push(
          Object.freeze({
            name: `${prefix}${name}`,
            value: (parameter as { default?: string }).default ?? '',
            ...(source === undefined ? {} : { source }),
          }),
        );
      } else if (parameter.required === true) {
        throw new MethodParameterError(`required parameter "${name}" is missing (${parameter.description})`, { path: here });
      }
      continue;
    }
    out[name] = parseValue(parameter, value, here, defaults, `${prefix}${name}`);
  }
  return Object.freeze(out);
}

function defaultOf(parameter: ParameterSpec, path: DocumentPath): ParameterValue | undefined {
  if (parameter.kind === 'quantity' && parameter.default !== undefined) {
    return readQuantity(parameter, parameter.default, path);
  }
  if (parameter.kind === 'enum' && parameter.default !== undefined) return parameter.default;
  return undefined;
}

function parseValue(
  parameter: ParameterSpec,
  value: unknown,
  path: DocumentPath,
  defaults: DefaultUsed[],
  name: string,
): ParameterValue {
  switch (parameter.kind) {
    case 'quantity':
      return readQuantity(parameter, value, path);
    case 'enum': {
      if (typeof value !== 'string' || !parameter.values.includes(value)) {
        throw new MethodParameterError(
          `expected one of ${parameter.values.join(' | ')}, got ${describe(value)}`,
          { path },
        );
      }
      return value;
    }
    case 'text': {
      if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
        throw new MethodParameterError(`expected a non-empty text of at most 200 characters, got ${describe(value)}`, { path });
      }
      return value;
    }
    case 'list': {
      if (!Array.isArray(value)) throw new MethodParameterError(`expected a list, got ${describe(value)}`, { path });
      return Object.freeze(
        value.map((item: unknown, index) => parseObject(parameter.item, item, [...path, index], defaults, `${name}[${index}].`)),
      );
    }
  }
}

type QuantitySpec = Extract<ParameterSpec, { kind: 'quantity' }>;

function readQuantity(parameter: QuantitySpec, value: unknown, path: DocumentPath): Quantity {
  const targets = [parameter.unit, ...(parameter.alternativeUnits ?? [])];
  const bare = typeof value === 'number' || (typeof value === 'string' && isDecimalText(value));
  let given: Quantity;
  try {
    if (bare) {
      if (!acceptsBareNumber(parameter)) {
        throw new MethodParameterError(
          `${describe(value)} has no unit, which is ambiguous in a "${parameter.unit}" slot; write the unit, e.g. ` +
            `${examplesFor(parameter, String(value))}`,
          { path },
        );
      }
      given = parseQuantity(typeof value === 'number' ? value : value.trim(), path, parameter.unit);
    } else if (typeof value === 'string') {
      given = parseQuantity(value, path);
    } else {
      throw new MethodParameterError(`expected a quantity such as "1 ${parameter.unit}", got ${describe(value)}`, { path });
    }
  } catch (error) {
    throw asParameterError(error, path);
  }
  checkMagnitude(given.amount, path);
  const target = targets.find((unit) => isConvertible(given.unit, parseUnit(unit)));
  if (target === undefined) {
    throw new MethodParameterError(
      `expected a quantity in ${targets.map((u) => `"${u}"`).join(' or ')}, got "${given.unit.symbol}"`,
      { path },
    );
  }
  const converted = convert(given, target);
  if (target === parameter.unit) checkBounds(parameter, converted, path);
  else if (converted.amount.isNegative()) throw new MethodParameterError(`must not be negative`, { path });
  return converted;
}

function examplesFor(parameter: QuantitySpec, value: string): string {
  const units = [parameter.unit, ...(parameter.alternativeUnits ?? [])];
  if (units.includes('%') || units.includes('fraction')) return `"${value} %" or "${value} fraction"`;
  return units.map((u) => `"${value} ${u}"`).join(' or ');
}

function acceptsBareNumber(parameter: QuantitySpec): boolean {
  if (parameter.allowBareNumber === false) return false;
  if ((parameter.alternativeUnits?.length ?? 0) > 0) return false;
  const unit: Unit = parseUnit(parameter.unit);
  // A named dimensionless unit (%, fraction, ppm) never takes a bare number; a ratio written with a
  // slash (t/t, t C/t) is unambiguous and does.
  return !(unit.dimensionKey === '' && !parameter.unit.includes('/'));
}

function checkBounds(parameter: QuantitySpec, q: Quantity, path: DocumentPath): void {
  const min = toDecimal(parameter.min ?? '0');
  if (q.amount.lt(min)) {
    throw new MethodParameterError(`${toFixedString(q.amount)} ${parameter.unit} is below the minimum ${parameter.min ?? '0'} ${parameter.unit}`, { path });
  }
  if (parameter.max !== undefined && q.amount.gt(toDecimal(parameter.max))) {
    throw new MethodParameterError(`${toFixedString(q.amount)} ${parameter.unit} is above the maximum ${parameter.max} ${parameter.unit}`, { path });
  }
}

function asParameterError(error: unknown, path: DocumentPath): SmeltprintError {
  if (error instanceof MethodParameterError) return error;
  if (error instanceof SmeltprintError) {
    // Keep the original message (without its own path prefix) but report it as a parameter fault.
    const text = error.path === undefined ? error.message : error.message.slice(error.message.indexOf(': ') + 2);
    return new MethodParameterError(text, { path });
  }
  return new MethodParameterError(`cannot read the value: ${String(error)}`, { path });
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === 'number') return String(value);
  return typeof value;
}
