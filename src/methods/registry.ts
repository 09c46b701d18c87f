import { DuplicateMethodError, UnknownMethodError } from '../core/errors.js';
import type { DocumentPath } from '../core/issues.js';
import { parseParameters } from './params.js';
import type { ExplainedValue, MethodContext, MethodDefinition, MethodResult } from './types.js';

/** An immutable set of methods by id. Registering returns a new registry. */
export interface MethodRegistry {
  readonly get: (id: string) => MethodDefinition | undefined;
  readonly has: (id: string) => boolean;
  /** Registered ids, sorted. */
  readonly ids: () => readonly string[];
}

/**
 * Builds a registry from method definitions; two methods with one id throw DuplicateMethodError.
 *
 * @example
 * const registry = createMethodRegistry([genericFuelCombustion]);
 * registry.has('generic/fuel-combustion'); // true
 */
export function createMethodRegistry(methods: readonly MethodDefinition[]): MethodRegistry {
  const byId = new Map<string, MethodDefinition>();
  for (const method of methods) {
    if (byId.has(method.id)) throw new DuplicateMethodError(`method "${method.id}" is registered twice`);
    byId.set(method.id, method);
  }
  const ids = Object.freeze([...byId.keys()].sort());
  return Object.freeze({
    get: (id: string) => byId.get(id),
    has: (id: string) => byId.has(id),
    ids: () => ids,
  });
}

/**
 * A new registry with `method` added; the given registry is unchanged.
 *
 * @example
 * const extended = registerMethod(defaultMethodRegistry(), myMethod);
 */
export function registerMethod(registry: MethodRegistry, method: MethodDefinition): MethodRegistry {
  const methods = registry.ids().map((id) => registry.get(id) as MethodDefinition);
  return createMethodRegistry([...methods, method]);
}

/**
 * Parses `rawWith` against the method's parameters and evaluates it. Parameters that took a spec
 * default are marked as defaults (with their source) in the explanation.
 *
 * @example
 * const result = evaluateMethod(defaultMethodRegistry(), 'ipcc-2006/aluminium/pfc-tier1',
 *   { technology: 'CWPB' }, context);
 * // result.emissions: CF4 and C2F6 in tonnes
 */
export function evaluateMethod(
  registry: MethodRegistry,
  id: string,
  rawWith: unknown,
  context: MethodContext,
): MethodResult {
  const method = registry.get(id);
  if (method === undefined) {
    throw new UnknownMethodError(`no method "${id}"; known methods: ${registry.ids().join(', ')}`, {
      path: methodPath(context.path),
    });
  }
  const parsed = parseParameters(method.parameters, rawWith, context.path);
  const result = method.evaluate(parsed.values, context);
  if (parsed.defaults.length === 0) return result;
  const values = result.values.map((value): ExplainedValue => {
    const used = parsed.defaults.find((d) => d.name === value.name);
    if (used === undefined || value.origin !== 'parameter') return value;
    return Object.freeze({
      ...value,
      origin: 'default',
      source: used.source ?? `default of ${id}: ${used.value}`,
    });
  });
  return Object.freeze({ ...result, values: Object.freeze(values) });
}

// The method id sits next to `with` in an emission entry.
function methodPath(withPath: DocumentPath): DocumentPath {
  return withPath.length > 0 && withPath[withPath.length - 1] === 'with' ? [...withPath.slice(0, -1), 'method'] : withPath;
}
