import { formatPath, type DocumentPath } from '../../core/issues.js';
import { Decimal, ONE, ZERO, sum, toDecimal } from '../../decimal/decimal.js';
import { explainProduct, type ExplainNode } from '../../graph/explain.js';
import { loopDemand } from '../../graph/loopDemand.js';
import { stronglyConnectedComponents } from '../../graph/scc.js';
import { solutionOf, systemOf } from '../../compute/computeFootprints.js';
import { InternalError } from '../../core/errors.js';
import { productsByOutput, type FootprintResult, type ProductFootprint } from '../../graph/results.js';
import { processesById } from '../../model/processesById.js';
import type { Input, Model, Output, Process } from '../../model/types.js';
import { amountIn } from '../../quantity/index.js';
import { parseUnit } from '../../units/index.js';
import { finding } from '../finding.js';
import type { Finding, Rulebook } from '../types.js';

/** An input that carries no burden although it is not scrap: cut off by a zero factor or a zero-burden supplier. */
interface ExcludedInput {
  readonly path: DocumentPath;
  readonly label: string;
  /** Tonnes per unit of the product whose tree it is in; undefined when the input is not a mass. */
  readonly mass: Decimal | undefined;
}

/** What is cut off upstream of a product, per unit of it. */
interface Excluded {
  /** Whether any input is cut off. */
  readonly any: boolean;
  /** Tonnes cut off, over the inputs measured in mass; undefined when none is. */
  readonly mass: Decimal | undefined;
}

const NOTHING: Excluded = { any: false, mass: undefined };

interface Located {
  readonly process: Process;
  readonly input?: Input;
  readonly output?: Output;
}

const HUNDRED = new Decimal(100);
const TONNE = parseUnit('t');

/**
 * Inputs cut off from the footprint — priced by a zero factor, or supplied by a process with zero
 * burden (recycled inputs are the recycled-content approach, not a cut-off) — found in each
 * product's explanation tree, as a mass share: of its own step's output ("per step") and, carried
 * down the supply chain, of the product's declared unit ("in total") — through a loop for every
 * round of it, the loop solved as the footprints' loops are. Mass is the proxy criterion
 * (ISO 14044 4.2.3.3.3 names mass, energy and environmental significance). With `limits`
 * (GB/T 44905: 1 % per step, 5 % in total) an excess is an error; otherwise the inputs are listed
 * for disclosure.
 *
 * @example
 * checkCutOff(getRulebook('gb-t-44905-aluminium'), model, result);
 */
export function checkCutOff(rulebook: Rulebook, model: Model, result: FootprintResult): Finding[] {
  const rule = rulebook.cutOff;
  if (rule.kind === 'none') return [];
  const located = locate(model);
  const plan = cutOffPlan(model, result, located);
  const findings: Finding[] = [];
  const stepDone = new Set<string>();
  const visited = new Set<number>();
  let any = false;

  for (const product of result.products) {
    const where = plan.processes.get(product.process)?.outputs.find((o) => o.flow === product.flow);
    const index = where === undefined ? undefined : plan.indexOf.get(formatPath(where.path));
    if (where === undefined || index === undefined) continue;
    // Each cut-off input is reported once, in the order the products first reach it.
    const fresh = itemsReached(plan, index, visited).filter((item) => {
      const key = formatPath(item.path);
      if (stepDone.has(key)) return false;
      stepDone.add(key);
      return true;
    });
    const perUnit = plan.totals[index]!;
    if (!perUnit.any) continue;
    any = true;
    // How the total below was made, for a product with something cut off in or before a loop.
    if (plan.fromLoop[index]) {
      findings.push(finding('cut-off', 'cut_off_loop', [], `"${product.flow}" is made in a loop or from one: inputs cut off inside the loop count for every round of it (the loop is solved exactly)`, 'info'));
    }
    for (const item of fresh) findings.push(stepFinding(rule, item, located.get(formatPath(item.path))));
    const declaredMass = massOf(product.declaredUnit);
    if (declaredMass !== undefined && perUnit.mass !== undefined && rule.kind === 'limits') {
      const share = perUnit.mass.times(amountIn(product.declaredUnit, where.quantity.unit)).div(declaredMass);
      if (share.gt(toDecimal(rule.total))) {
        findings.push(finding('cut-off', 'cut_off_total_exceeded', where.path, `inputs cut off from "${product.flow}" come to ${percent(share)} % of its mass, above the ${percent(toDecimal(rule.total))} % allowed in total (${rule.note})`, 'error'));
      } else {
        findings.push(finding('cut-off', 'cut_off_total', where.path, `inputs cut off from "${product.flow}" come to ${percent(share)} % of its mass (at most ${percent(toDecimal(rule.total))} % allowed)`, 'info'));
      }
    }
  }
  if (!any) findings.push(finding('cut-off', 'cut_off_none', [], `no input is cut off (no zero-factor or zero-burden inputs); ${rule.note}`, 'info'));
  return findings;
}

function stepFinding(rule: Rulebook['cutOff'], item: ExcludedInput, where: Located | undefined): Finding {
  const input = where?.input;
  const outputs = where?.process.outputs.filter((o) => !o.waste).map((o) => massOf(o.quantity)) ?? [];
  const inputMass = input === undefined ? undefined : massOf(input.quantity);
  if (inputMass === undefined || outputs.length === 0 || outputs.some((m) => m === undefined)) {
    return finding('cut-off', 'cut_off_not_mass', item.path, `"${item.label}" carries no burden and is not a mass (or its step's outputs are not): it cannot be checked against a mass cut-off; ${rule.note}`, rule.kind === 'limits' ? 'warning' : 'info');
  }
  const share = inputMass.div(sum(outputs as Decimal[]));
  if (rule.kind === 'limits' && share.gt(toDecimal(rule.perStep))) {
    return finding('cut-off', 'cut_off_step_exceeded', item.path, `"${item.label}" carries no burden but is ${percent(share)} % of the mass its step "${where!.process.id}" puts out, above the ${percent(toDecimal(rule.perStep))} % a step may leave out: give it a factor or a supplier (${rule.note})`, 'error');
  }
  return finding('cut-off', 'cut_off_input', item.path, `"${item.label}" carries no burden (cut off): ${percent(share)} % of the mass its step "${where!.process.id}" puts out; ${rule.note}`, 'info');
}

/** One part of a product's total per unit: an input cut off, or what a supplier passes on. */
type Step = { readonly item: ExcludedInput } | { readonly supplier: number; readonly coefficient: Decimal };

/** The model's products (by index in the compiled system) with what is cut off upstream of each. */
interface CutOffPlan {
  readonly processes: ReadonlyMap<string, Process>;
  /** Product index by output path. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** What each product's total per unit is made of; undefined for a product without an output in the model. */
  readonly steps: readonly (readonly Step[] | undefined)[];
  /** What is cut off per one unit of each product, over every route and every round of a loop. */
  readonly totals: readonly Excluded[];
  /** Whether a product is made in a loop or from one. */
  readonly fromLoop: readonly boolean[];
}

/**
 * Each product's steps from its explanation per one unit (suppliers referenced), then the totals
 * in supply order: outside loops the exact sum of the product's cut-off inputs and of its
 * suppliers' totals times the units it takes; for the products of a loop, m = b + C m solved as
 * the footprints' loops are (correctly rounded 34 digits), so what is cut off inside a loop counts
 * for every round of it, not once. Linear in the model, plus a solve per loop.
 */
function cutOffPlan(model: Model, result: FootprintResult, located: ReadonlyMap<string, Located>): CutOffPlan {
  const system = systemOf(result);
  const solution = solutionOf(result);
  if (system === undefined || solution === undefined) throw new InternalError('the cut-off check needs a result of computeFootprints (with its compiled system)');
  const processes = processesById(model);
  const productMadeBy = productsByOutput(result);
  const indexOf = new Map(system.products.map((p) => [formatPath(p.path), p.index]));
  const steps = system.products.map((product): Step[] | undefined => {
    const where = located.get(formatPath(product.path));
    if (where?.output === undefined) return undefined;
    const tree = explainProduct(system, solution, product.index, { amount: ONE, suppliers: 'referenced' });
    return stepsOfProduct(tree, where as Located & { output: Output }, located, processes, productMadeBy, indexOf);
  });
  const suppliers = steps.map((list) => (list ?? []).flatMap((step) => ('supplier' in step ? [step.supplier] : [])));
  const totals: Excluded[] = new Array<Excluded>(steps.length).fill(NOTHING);
  const fromLoop: boolean[] = system.products.map((p) => solution.loopOf.has(p.index));
  // Components come suppliers first: every supplier outside a component is done before it.
  for (const component of stronglyConnectedComponents(suppliers)) {
    const inside = new Set(component);
    const looped = component.length > 1 || suppliers[component[0]!]!.includes(component[0]!);
    let any = false;
    let defined = false;
    let reachesLoop = false;
    // Each member's cut-off inputs and what its suppliers outside the component pass on.
    const parts = component.map((p) => {
      const masses: Decimal[] = [];
      if (fromLoop[p]) reachesLoop = true;
      for (const step of steps[p] ?? []) {
        if ('item' in step) {
          any = true;
          if (step.item.mass !== undefined) masses.push(step.item.mass);
          continue;
        }
        if (inside.has(step.supplier)) continue;
        const upstream = totals[step.supplier]!;
        if (fromLoop[step.supplier]) reachesLoop = true;
        if (upstream.any) any = true;
        if (upstream.mass !== undefined) masses.push(upstream.mass.times(step.coefficient));
      }
      if (masses.length > 0) defined = true;
      return masses;
    });
    const masses = !defined ? undefined : looped ? loopMasses(component, steps, parts) : [sum(parts[0]!)];
    component.forEach((p, i) => {
      totals[p] = any ? { any, mass: masses?.[i] } : NOTHING;
      fromLoop[p] = reachesLoop;
    });
  }
  return { processes, indexOf, steps, totals, fromLoop };
}

/** m = b + C m for the products of one loop, b their own parts: the correctly rounded solution. */
function loopMasses(component: readonly number[], steps: readonly (readonly Step[] | undefined)[], parts: readonly Decimal[][]): Decimal[] {
  // loopDemand solves s = e + Cᵀ s over consumers' links to their suppliers; a product's cut-off
  // mass takes its suppliers' (the other way), so each supplier is given links to its consumers.
  const consumers = new Map<number, { provider: number; coefficient: Decimal }[]>(component.map((p) => [p, []]));
  for (const q of component) {
    for (const step of steps[q] ?? []) if ('supplier' in step) consumers.get(step.supplier)?.push({ provider: q, coefficient: step.coefficient });
  }
  const solved = loopDemand(component, (p) => consumers.get(p)!, parts.map((masses) => sum(masses)));
  if (solved === undefined) throw new InternalError('the cut-off masses of a loop have no unique solution, though its footprints had one');
  return solved;
}

/**
 * The cut-off inputs newly reached from a product, in the order a walk of its supply chain meets
 * them (its steps in order, each supplier's chain where the supplier comes); `visited` carries the
 * products walked for earlier products, so each is walked once in the whole check.
 */
function itemsReached(plan: CutOffPlan, root: number, visited: Set<number>): ExcludedInput[] {
  const items: ExcludedInput[] = [];
  const stack: { readonly steps: readonly Step[]; next: number }[] = [];
  const enter = (p: number) => {
    if (visited.has(p)) return;
    visited.add(p);
    const steps = plan.steps[p];
    if (steps !== undefined) stack.push({ steps, next: 0 });
  };
  enter(root);
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const step = top.steps[top.next];
    if (step === undefined) {
      stack.pop();
      continue;
    }
    top.next += 1;
    if ('item' in step) items.push(step.item);
    else enter(step.supplier);
  }
  return items;
}

/** The steps of a product's total per unit, in the order of its explanation's children. */
function stepsOfProduct(
  node: ExplainNode,
  where: Located & { readonly output: Output },
  located: ReadonlyMap<string, Located>,
  processes: ReadonlyMap<string, Process>,
  productMadeBy: (process: string, flow: string) => ProductFootprint | undefined,
  indexOf: ReadonlyMap<string, number>,
): Step[] {
  const steps: Step[] = [];
  const footprint = productMadeBy(where.process.id, where.output.flow);
  // Per unit of product: the process's quantities × allocation share ÷ amount made (as the solver does).
  const perRun = (footprint?.allocationShare ?? ZERO).div(where.output.quantity.amount);
  for (const child of node.children) {
    const input = located.get(child.path ?? '')?.input;
    if (input === undefined || input.recycled !== undefined) continue;
    if (child.kind === 'factor-input' && child.value.isZero() && Object.values(child.gases).every((g) => g.isZero())) {
      steps.push({ item: { path: input.path, label: input.flow, mass: massOf(input.quantity)?.times(perRun) } });
      continue;
    }
    if (child.kind !== 'input' && child.kind !== 'waste-treatment') continue;
    const coefficient = toDecimal(child.coefficient ?? '0');
    const supplierKey = supplierOf(processes, input);
    if (child.kind === 'input' && toDecimal(child.unitFootprint ?? '0').isZero()) {
      const supplierOutput = supplierKey === undefined ? undefined : located.get(supplierKey)?.output;
      const unitMass = supplierOutput === undefined ? undefined : massOf({ amount: new Decimal(1), unit: supplierOutput.quantity.unit });
      steps.push({ item: { path: input.path, label: input.flow, mass: unitMass?.times(coefficient) } });
      continue;
    }
    const supplier = supplierKey === undefined ? undefined : indexOf.get(supplierKey);
    if (supplier !== undefined) steps.push({ supplier, coefficient });
  }
  return steps;
}

function supplierOf(processes: ReadonlyMap<string, Process>, input: Input): string | undefined {
  if (input.from === undefined) return undefined;
  const output = processes.get(input.from)?.outputs.find((o) => o.flow === input.flow);
  return output === undefined ? undefined : formatPath(output.path);
}

function locate(model: Model): Map<string, Located> {
  const out = new Map<string, Located>();
  for (const process of model.processes) {
    for (const input of process.inputs) out.set(formatPath(input.path), { process, input });
    for (const output of process.outputs) out.set(formatPath(output.path), { process, output });
  }
  return out;
}

function massOf(q: { amount: Decimal; unit: Output['quantity']['unit'] }): Decimal | undefined {
  return q.unit.dimensionKey === TONNE.dimensionKey ? amountIn(q, TONNE) : undefined;
}

function percent(fraction: Decimal): string {
  return fraction.times(HUNDRED).toDecimalPlaces(4).toFixed();
}
