import { InvalidOptionError } from '../core/errors.js';
import { GWP_SET_IDS } from '../gases/types.js';

/** The option names of computeFootprints (ComputeOptions). */
export const COMPUTE_OPTION_NAMES = ['gwp', 'per', 'factors', 'methods', 'byProcess', 'scope2', 'activityPeriods'] as const;

/**
 * Checks the values of ComputeOptions that TypeScript would have checked: a GWP set, a declared
 * unit as text or a parsed quantity, registries, byProcess and the scope 2 method.
 */
export function checkComputeValues(options: Readonly<Record<string, unknown>>): void {
  const { gwp, per, factors, methods, byProcess, scope2, activityPeriods } = options;
  if (activityPeriods !== undefined && !(activityPeriods instanceof Map)) throw new InvalidOptionError('activityPeriods is what activityPeriodsOf(report) returns (a Map of sub-period amounts)');
  if (gwp !== undefined && !(GWP_SET_IDS as readonly unknown[]).includes(gwp)) {
    throw new InvalidOptionError(`gwp is one of ${GWP_SET_IDS.join(', ')}, not ${JSON.stringify(gwp)}`);
  }
  if (per !== undefined && typeof per !== 'string' && !isQuantityLike(per)) {
    throw new InvalidOptionError(`per is a declared unit as text, such as "1 kg", or a quantity from parseQuantity; got ${JSON.stringify(per) ?? typeof per}`);
  }
  if (factors !== undefined && !hasMethods(factors, ['get', 'has'])) throw new InvalidOptionError('factors is a factor registry (createFactorRegistry, builtinFactorRegistry)');
  if (methods !== undefined && !hasMethods(methods, ['get', 'has'])) throw new InvalidOptionError('methods is a method registry (defaultMethodRegistry)');
  if (byProcess !== undefined && byProcess !== true && byProcess !== false && byProcess !== 'auto') {
    throw new InvalidOptionError(`byProcess is true, false or "auto", not ${JSON.stringify(byProcess)}`);
  }
  if (scope2 !== undefined && scope2 !== 'market' && scope2 !== 'location') {
    throw new InvalidOptionError(`scope2 is "market" or "location", not ${JSON.stringify(scope2)}`);
  }
}

function isQuantityLike(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { amount, unit } = value as { amount?: unknown; unit?: unknown };
  return hasMethods(amount, ['gt', 'times']) && typeof unit === 'object' && unit !== null;
}

function hasMethods(value: unknown, names: readonly string[]): boolean {
  return typeof value === 'object' && value !== null && names.every((name) => typeof (value as Record<string, unknown>)[name] === 'function');
}
