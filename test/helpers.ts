import { computeFootprints, type ComputeOptions } from '../src/compute/computeFootprints.js';
import { Decimal } from '../src/decimal/decimal.js';
import type { FootprintResult, ProductFootprint } from '../src/graph/results.js';

/** A model document with the boilerplate filled in. */
export function doc(processes: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { smeltprint: 1, id: 'test', period: { start: '2025-01-01', end: '2025-12-31' }, gwp: 'AR5', processes, ...extra };
}

export function compute(document: unknown, options: ComputeOptions = {}): FootprintResult {
  return computeFootprints(document, options);
}

export function product(result: FootprintResult, flow: string): ProductFootprint {
  const found = result.products.find((p) => p.flow === flow);
  if (found === undefined) throw new Error(`no product ${flow}`);
  return found;
}

/** Total t CO2e per declared unit as exact text. */
export function total(result: FootprintResult, flow: string): string {
  return product(result, flow).total.toFixed();
}

export const D = (value: string | number) => new Decimal(value);

/** A process with one output, declared CO2 and inputs. */
export function proc(
  id: string,
  output: [flow: string, amount: string, unit?: string],
  co2: string | undefined,
  inputs: Record<string, unknown>[] = [],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    outputs: [{ flow: output[0], amount: output[1], unit: output[2] ?? 't' }],
    inputs,
    emissions: co2 === undefined ? [] : [{ gas: 'CO2', amount: co2, unit: 't', category: 'process' }],
    ...extra,
  };
}

/**
 * Where two values differ: prototypes, own keys (symbols too), frozenness, primitives. Not
 * toStrictEqual: a user key named `constructor` (allowed in records) makes it compare the
 * values' identity.
 */
export function structuralDifference(a: unknown, b: unknown, path: string): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return `${path}: ${String(a)} / ${String(b)}`;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes`;
  if (Object.isFrozen(a) !== Object.isFrozen(b)) return `${path}: frozen`;
  const keys = Reflect.ownKeys(a);
  if (keys.map(String).join('|') !== Reflect.ownKeys(b).map(String).join('|')) return `${path}: keys`;
  for (const key of keys) {
    const found = structuralDifference((a as Record<PropertyKey, unknown>)[key], (b as Record<PropertyKey, unknown>)[key], `${path}.${String(key)}`);
    if (found !== undefined) return found;
  }
  return undefined;
}
