import { formatPath, makeIssue, type Issue } from '../core/issues.js';
import { suggestField } from '../core/suggestField.js';
import { isConvertible } from '../units/index.js';
import type { Unit } from '../units/types.js';
import { validateAllocation } from './validateAllocation.js';
import { requireModel } from './modelInput.js';
import type { Model, ModelContext, Output, Process } from './types.js';
import { appendAll } from '../core/lists.js';

/**
 * Checks a parsed model as a graph, after its document passed the schema. Every problem is
 * collected (never first-fail), each with a stable code and the path of the field at fault:
 *
 * - ids and flows: `duplicate_process`, `duplicate_product` (a product flow is produced by one
 *   process), `duplicate_flow` (twice among one process's outputs), `zero_output`,
 *   `no_product_output` (every output is waste or substituted);
 * - inputs: `conflicting_source` (both `from` and `factor`), `missing_source` (neither, and not
 *   recycled), `unknown_process`, `flow_not_produced`, `unit_mismatch`, `unknown_factor`,
 *   `input_from_substituted`;
 * - outputs: `to_without_waste`, `substitutes_on_waste`, unknown `to` / `substitutes` targets,
 *   `reference_not_product` (the target's reference output carries no burden), `unit_mismatch`;
 * - emissions: `unknown_method`;
 * - allocation: see `validateAllocation` (`missing_allocation`, …);
 * - declared units: `unknown_product`, `unit_mismatch`, `zero_amount`.
 *
 * Without `context`, factor and method ids are not looked up (the model's own factors still
 * count). Warnings (severity `warning`) mark what is computable but suspicious:
 * `empty_process`, `unused_allocation`, `unused_vintage`, `input_from_waste`.
 *
 * @example
 * validateModel(model, { hasFactor: (id) => registry.has(id), hasMethod: (id) => methods.has(id) })
 * // [] when every reference resolves
 */
export function validateModel(input: Model, context?: ModelContext): Issue[] {
  const model = requireModel(input, 'validateModel');
  const issues: Issue[] = [];
  const processes = indexProcesses(model.processes, issues);
  const products = indexProducts(model.processes, issues);
  const factorIds = new Set<string>();
  const recordIds = new Set<string>();
  model.factors.forEach((record, index) => {
    // Two factors under one id would have one silently replace the other (the registry refuses it
    // later without a path): say which entry repeats an id.
    if (recordIds.has(record.id) || context?.hasFactor(record.id) === true) {
      const where = recordIds.has(record.id) ? 'earlier in factors' : 'in the built-in datasets';
      issues.push(makeIssue('duplicate_factor', ['factors', index, 'id'], `factor id "${record.id}" is already defined ${where}; give this factor its own id`));
    }
    recordIds.add(record.id);
    factorIds.add(record.id);
    for (const family of record.families) factorIds.add(family);
  });
  const factorKnown = (id: string): boolean => factorIds.has(id) || context === undefined || context.hasFactor(id);

  for (const process of model.processes) {
    if (process.inputs.length === 0 && process.emissions.length === 0) {
      issues.push(makeIssue('empty_process', process.path, `process "${process.id}" has neither inputs nor emissions: its products carry no burden`, 'warning'));
    }
    if (process.outputs.length > 0 && process.outputs.every((output) => output.waste || output.substitutes !== undefined)) {
      issues.push(
        makeIssue('no_product_output', [...process.path, 'outputs'], `every output of process "${process.id}" is waste or substituted: none can carry its burden`),
      );
    }
    for (const output of process.outputs) checkOutput(output, processes, factorKnown, issues);
    for (const input of process.inputs) {
      const path = input.path;
      if (input.from !== undefined && input.factor !== undefined) {
        issues.push(makeIssue('conflicting_source', path, `input "${input.flow}" names both from (${input.from}) and factor (${input.factor}); it is one or the other`));
      } else if (input.from === undefined && input.factor === undefined && input.recycled === undefined) {
        issues.push(
          makeIssue('missing_source', path, `input "${input.flow}" needs from (a process of the model) or factor (an emission factor); only recycled inputs may have neither`),
        );
      }
      if (input.from !== undefined) {
        const provider = processes.get(input.from);
        if (provider === undefined) {
          issues.push(makeIssue('unknown_process', [...path, 'from'], noProcess(input.from, processes)));
        } else {
          const supplied = provider.outputs.find((output) => output.flow === input.flow);
          if (supplied === undefined) {
            const flows = provider.outputs.map((output) => `"${output.flow}"`).join(', ');
            issues.push(makeIssue('flow_not_produced', [...path, 'flow'], `process "${provider.id}" does not produce "${input.flow}" (it produces ${flows})`));
          } else {
            if (!isConvertible(input.quantity.unit, supplied.quantity.unit)) {
              issues.push(unitMismatch([...path, 'unit'], input.quantity.unit, supplied.quantity.unit, `"${input.flow}" of process "${provider.id}"`));
            }
            if (supplied.substitutes !== undefined && !supplied.waste) {
              issues.push(
                makeIssue(
                  'input_from_substituted',
                  [...path, 'from'],
                  `"${input.flow}" of process "${provider.id}" is credited by substitution and cannot also supply other processes; split it into two outputs`,
                ),
              );
            }
            if (supplied.waste) {
              issues.push(
                makeIssue('input_from_waste', [...path, 'from'], `"${input.flow}" is a waste of process "${provider.id}": it enters burden-free`, 'warning'),
              );
            }
          }
        }
      }
      if (input.factor !== undefined && !factorKnown(input.factor)) {
        issues.push(makeIssue('unknown_factor', [...path, 'factor'], `no factor or factor family "${input.factor}" in the built-in datasets or the model's factors`));
      }
      if (input.vintage !== undefined && input.factor === undefined) {
        issues.push(makeIssue('unused_vintage', [...path, 'vintage'], 'vintage selects a factor, and this input has none', 'warning'));
      }
    }
    for (const emission of process.emissions) {
      if (emission.kind === 'method' && context !== undefined && !context.hasMethod(emission.method)) {
        issues.push(makeIssue('unknown_method', [...emission.path, 'method'], `no method "${emission.method}"`));
      }
    }
    appendAll(issues, validateAllocation(process));
  }

  for (const flow of Object.keys(model.declaredUnits)) {
    const declared = model.declaredUnits[flow];
    const path = ['declaredUnits', flow];
    const product = products.get(flow);
    if (declared === undefined) continue;
    if (product === undefined) {
      issues.push(makeIssue('unknown_product', path, `"${flow}" is not a product of the model (an output that is neither waste nor substituted)`));
    } else if (!isConvertible(declared.unit, product.quantity.unit)) {
      issues.push(unitMismatch(path, declared.unit, product.quantity.unit, `product "${flow}"`));
    }
    if (declared.amount.isZero()) issues.push(makeIssue('zero_amount', path, 'a declared unit must be more than zero'));
  }
  return issues;
}

function indexProcesses(processes: readonly Process[], issues: Issue[]): Map<string, Process> {
  const byId = new Map<string, Process>();
  for (const process of processes) {
    const earlier = byId.get(process.id);
    if (earlier === undefined) byId.set(process.id, process);
    else issues.push(makeIssue('duplicate_process', [...process.path, 'id'], `process id "${process.id}" is already used at ${describePath(earlier)}`));
  }
  return byId;
}

// Products are the outputs that carry burden (not waste, not substituted); each product flow has
// one producer, so its footprint is well defined. Within one process no flow may be listed
// twice, whatever its kind.
function indexProducts(processes: readonly Process[], issues: Issue[]): Map<string, Output> {
  const products = new Map<string, Output>();
  for (const process of processes) {
    // A flow listed twice needs two outputs (most processes have one).
    const seen = process.outputs.length > 1 ? new Set<string>() : undefined;
    for (const output of process.outputs) {
      if (seen?.has(output.flow) === true) {
        issues.push(makeIssue('duplicate_flow', [...output.path, 'flow'], `process "${process.id}" lists output "${output.flow}" more than once`));
        continue;
      }
      seen?.add(output.flow);
      // Waste carries no burden and a substituted co-product is credited, not footprinted.
      if (output.waste || output.substitutes !== undefined) continue;
      const earlier = products.get(output.flow);
      if (earlier === undefined) products.set(output.flow, output);
      else {
        issues.push(
          makeIssue('duplicate_product', [...output.path, 'flow'], `product "${output.flow}" is also produced at ${describePath(earlier)}; a product flow has one producing process`),
        );
      }
    }
  }
  return products;
}

/** Adds the issues of one output to `issues`. */
function checkOutput(output: Output, processes: ReadonlyMap<string, Process>, factorKnown: (id: string) => boolean, issues: Issue[]): void {
  const path = output.path;
  if (!output.waste && output.substitutes === undefined && output.quantity.amount.isZero()) {
    issues.push(makeIssue('zero_output', [...path, 'amount'], `product "${output.flow}" has an amount of zero: it has no footprint per unit`));
  }
  if (output.to !== undefined) {
    if (!output.waste) {
      issues.push(makeIssue('to_without_waste', [...path, 'to'], `"${output.flow}" is not marked waste: true, so it is not sent to treatment`));
    }
    const treatment = processes.get(output.to);
    if (treatment === undefined) {
      issues.push(makeIssue('unknown_process', [...path, 'to'], noProcess(output.to, processes)));
    } else {
      const treated = treatment.outputs[0];
      if (treated !== undefined && !isProduct(treated)) issues.push(referenceNotProduct([...path, 'to'], treatment));
      if (treated !== undefined && !isConvertible(output.quantity.unit, treated.quantity.unit)) {
        issues.push(unitMismatch([...path, 'unit'], output.quantity.unit, treated.quantity.unit, `the reference output of treatment process "${treatment.id}"`));
      }
    }
  }
  const substitutes = output.substitutes;
  if (substitutes !== undefined) {
    if (output.waste) {
      issues.push(makeIssue('substitutes_on_waste', [...path, 'substitutes'], `"${output.flow}" is waste and carries no burden; it cannot also be credited by substitution`));
    }
    if ('from' in substitutes) {
      const avoided = processes.get(substitutes.from);
      if (avoided === undefined) {
        issues.push(makeIssue('unknown_process', [...path, 'substitutes', 'from'], noProcess(substitutes.from, processes)));
      } else {
        const reference = avoided.outputs[0];
        if (reference !== undefined && !isProduct(reference)) issues.push(referenceNotProduct([...path, 'substitutes', 'from'], avoided));
        if (reference !== undefined && !isConvertible(output.quantity.unit, reference.quantity.unit)) {
          issues.push(unitMismatch([...path, 'unit'], output.quantity.unit, reference.quantity.unit, `the reference output of process "${avoided.id}"`));
        }
      }
    } else if (!factorKnown(substitutes.factor)) {
      issues.push(makeIssue('unknown_factor', [...path, 'substitutes'], `no factor or factor family "${substitutes.factor}" in the built-in datasets or the model's factors`));
    }
  }
}

function isProduct(output: Output): boolean {
  return !output.waste && output.substitutes === undefined;
}

// Treatment and avoided production are valued at the named process's reference (first) output,
// which must therefore carry that process's burden.
function referenceNotProduct(path: readonly (string | number)[], target: Process): Issue {
  return makeIssue(
    'reference_not_product',
    path,
    `the reference output "${target.outputs[0]?.flow ?? ''}" of process "${target.id}" is waste or substituted, so it has no footprint to use here`,
  );
}

function unitMismatch(path: readonly (string | number)[], unit: Unit, expected: Unit, what: string) {
  return makeIssue('unit_mismatch', path, `${unit.symbol} cannot be converted to ${expected.symbol}, the unit of ${what}`);
}

function describePath(element: { readonly path: readonly (string | number)[] }): string {
  return formatPath(element.path);
}

/** "no process X in the model", with the id meant when it is a near miss ("anode-plnat"). */
function noProcess(id: string, processes: ReadonlyMap<string, unknown>): string {
  const guess = suggestField(id, [...processes.keys()]);
  return `no process "${id}" in the model${guess === undefined ? '' : `; did you mean "${guess}"?`}`;
}
