import { InternalError, ModelValidationError, SmeltprintError } from '../core/errors.js';
import { computeFootprints, computeInput, defaultComputeContext } from '../compute/computeFootprints.js';
import { requireResult, type FootprintResult } from '../graph/results.js';
import { checkComputeValues } from '../compute/checkOptions.js';
import { optionsObject } from '../core/options.js';
import type { Model } from '../model/types.js';
import { checkAllocation } from './checks/checkAllocation.js';
import { checkBoundary } from './checks/checkBoundary.js';
import { checkCutOff } from './checks/checkCutOff.js';
import { checkDeclaredUnit } from './checks/checkDeclaredUnit.js';
import { checkGwp } from './checks/checkGwp.js';
import { checkReportingRounding } from './checks/checkReportingRounding.js';
import { checkRequiredSources } from './checks/checkRequiredSources.js';
import { finding } from './finding.js';
import { getRulebook } from './listRulebooks.js';
import { primaryAluminiumProcesses } from './primaryAluminium.js';
import type { CheckOptions, Finding } from './types.js';

/**
 * Compliance findings of a model under a rulebook: declared unit, boundary, required emission
 * sources, cut-off, allocation hierarchy, GWP set and reporting rounding. A document that does
 * not validate, or a model that cannot be computed, gives its issues as `document` / `compute`
 * findings. Throws UnknownRulebookError for an id not in `listRulebooks()`.
 *
 * @example
 * const findings = checkModel(document, 'gb-t-44905-aluminium');
 * const failed = findings.some((f) => f.severity === 'error'); // the CLI exits 1
 */
export function checkModel(input: Model | unknown, rulebookId: string, given: CheckOptions = {}): readonly Finding[] {
  const options: CheckOptions = optionsObject(given, 'checkModel', ['gwp', 'factors', 'methods', 'result']);
  if (options.result !== undefined) requireResult(options.result, 'checkModel (options.result)');
  checkComputeValues(options as Readonly<Record<string, unknown>>);
  const rulebook = getRulebook(rulebookId);
  const context = defaultComputeContext(options);
  let model: Model;
  try {
    model = computeInput(input, context);
  } catch (error) {
    if (error instanceof ModelValidationError) return Object.freeze(error.issues.map((i) => finding('document', i.code, i.path, i.message, i.severity)));
    throw error;
  }
  let result: FootprintResult;
  try {
    result = options.result ?? computeFootprints(model, { ...context, ...(options.gwp === undefined ? {} : { gwp: options.gwp }) });
  } catch (error) {
    if (error instanceof SmeltprintError) return Object.freeze([finding('compute', error.code, error.path ?? [], error.message, 'error')]);
    throw new InternalError('computing the model for a compliance check failed unexpectedly', error);
  }
  const smelters = primaryAluminiumProcesses(model, result);
  return Object.freeze([
    ...checkDeclaredUnit(rulebook, model, result, smelters),
    ...checkBoundary(rulebook, model, result),
    ...checkRequiredSources(rulebook, model, result, smelters),
    ...checkCutOff(rulebook, model, result),
    ...checkAllocation(rulebook, model),
    ...checkGwp(rulebook, result),
    ...checkReportingRounding(rulebook, result),
  ]);
}

