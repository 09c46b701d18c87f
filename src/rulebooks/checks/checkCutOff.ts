import { formatPath, type DocumentPath } from '../../core/issues.js';
import { Decimal, ONE, ZERO, sum, toDecimal } from '../../decimal/decimal.js';
import { explainProduct, type ExplainNode } from '../../graph/explain.js';
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
 * down the tree, of the product's declared unit ("in total"). Mass is the proxy criterion
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
  const graph = productGraph(model, result, located);
  const findings: Finding[] = [];
  const stepDone = new Set<string>();
  let any = false;

  for (const product of result.products) {
    const fresh: ExcludedInput[] = [];
    // Each cut-off input is reported once, in the order the products first reach it.
    const found = (item: ExcludedInput) => {
      const key = formatPath(item.path);
      if (stepDone.has(key)) return;
      stepDone.add(key);
      fresh.push(item);
    };
    const excluded = excludedPerDeclaredUnit(product, graph, located, findings, found);
    if (excluded === undefined || !excluded.any) continue;
    any = true;
    for (const item of fresh) findings.push(stepFinding(rule, item, located.get(formatPath(item.path))));
    const declaredMass = massOf(product.declaredUnit);
    if (declaredMass !== undefined && excluded.mass !== undefined && rule.kind === 'limits') {
      const share = excluded.mass.div(declaredMass);
      const path = graph.processes.get(product.process)?.outputs.find((o) => o.flow === product.flow)?.path ?? [];
      if (share.gt(toDecimal(rule.total))) {
        findings.push(finding('cut-off', 'cut_off_total_exceeded', path, `inputs cut off from "${product.flow}" come to ${percent(share)} % of its mass, above the ${percent(toDecimal(rule.total))} % allowed in total (${rule.note})`, 'error'));
      } else {
        findings.push(finding('cut-off', 'cut_off_total', path, `inputs cut off from "${product.flow}" come to ${percent(share)} % of its mass (at most ${percent(toDecimal(rule.total))} % allowed)`, 'info'));
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

/** What the search needs of the model and its result, looked up by key instead of searched for. */
interface ProductGraph {
  readonly processes: ReadonlyMap<string, Process>;
  readonly productMadeBy: (process: string, flow: string) => ProductFootprint | undefined;
  /**
   * What a product's total per unit is made of (by output path), from its explanation per one
   * unit, suppliers referenced: made once per product however many walks pass through it.
   * Undefined for a product the model does not have.
   */
  readonly stepsOf: (key: string) => readonly Step[] | undefined;
  /** The loop a product is made in (by output path), undefined outside loops. */
  readonly loopOf: (key: string) => number | undefined;
  /** What is cut off per unit of products outside loops: the same whatever product they supply. */
  readonly shared: Map<string, Excluded>;
  /**
   * What is cut off per unit of a product made in a loop, the walk entering its loop there (from
   * outside it, or at the product checked): the same whatever product's walk enters there.
   */
  readonly entered: Map<string, Excluded>;
  /** Products whose shared total went through a loop (so is a lower bound). */
  readonly throughLoop: Set<string>;
}

/** A product whose total the cut-off walk is making. */
interface Frame {
  readonly key: string;
  readonly memo: Map<string, Excluded> | undefined;
  readonly entered: number | undefined;
  readonly steps: readonly Step[];
  /** The step to take next. */
  next: number;
  /** Whether the total of the frame below had gone through a loop before this one opened. */
  readonly outer: boolean;
  any: boolean;
  readonly masses: Decimal[];
  /** The coefficient of the supplier whose frame is above this one, until its total comes back. */
  coefficient: Decimal | undefined;
}

/** One part of a product's total per unit: an input cut off, or what a supplier passes on. */
type Step = { readonly item: ExcludedInput } | { readonly supplier: string; readonly coefficient: Decimal };

function productGraph(model: Model, result: FootprintResult, located: ReadonlyMap<string, Located>): ProductGraph {
  const system = systemOf(result);
  const solution = solutionOf(result);
  if (system === undefined || solution === undefined) throw new InternalError('the cut-off check needs a result of computeFootprints (with its compiled system)');
  const indexOf = new Map(system.products.map((p) => [formatPath(p.path), p.index]));
  const processes = processesById(model);
  const productMadeBy = productsByOutput(result);
  const steps = new Map<string, readonly Step[] | undefined>();
  return {
    processes,
    productMadeBy,
    stepsOf: (key) => {
      if (steps.has(key)) return steps.get(key);
      const index = indexOf.get(key);
      const where = located.get(key);
      const made =
        index === undefined || where?.output === undefined
          ? undefined
          : stepsOfProduct(explainProduct(system, solution, index, { amount: ONE, suppliers: 'referenced' }), where as Located & { output: Output }, located, processes, productMadeBy);
      steps.set(key, made);
      return made;
    },
    loopOf: (key) => {
      const index = indexOf.get(key);
      return index === undefined ? undefined : solution.loopOf.get(index);
    },
    shared: new Map(),
    entered: new Map(),
    throughLoop: new Set(),
  };
}

/**
 * What is cut off from a product per declared unit, summed over every route to it: each product's
 * total per unit of it is made once from its own explanation (suppliers referenced) and its
 * suppliers' totals — for products outside loops once for the whole check — and each cut-off
 * input is passed to `found` as the walk first reaches it. So the check grows with the model,
 * not with products × chain length nor with products × inputs cut off upstream. Loops are not
 * followed twice (their share is then a lower bound, noted): a loop is walked from the product
 * where the walk enters it, each of its products once, and what that entry gives is kept for
 * every walk entering the loop there — so a chain of many small loops is walked once, not once
 * per product downstream of each loop. Undefined for a product not in the model.
 */
function excludedPerDeclaredUnit(product: ProductFootprint, graph: ProductGraph, located: ReadonlyMap<string, Located>, findings: Finding[], found: (item: ExcludedInput) => void): Excluded | undefined {
  const flow = product.flow;
  // For each loop the walk is inside, what its products came to since the walk entered it.
  const inside = new Map<number, Map<string, Excluded>>();
  const active = new Set<string>();
  let loopNoted = false;
  // Whether the total being made went through a loop; a shared total remembers it (throughLoop).
  let looped = false;
  const noteLoop = () => {
    looped = true;
    if (loopNoted) return;
    loopNoted = true;
    findings.push(finding('cut-off', 'cut_off_loop', [], `"${flow}" is made in a loop: inputs cut off inside the loop are counted once (a lower bound)`, 'info'));
  };

  // The walk keeps its own stack (a chain of thousands of processes would overflow the call
  // stack): a frame per product whose total is being made, its steps taken in order.
  const stack: Frame[] = [];

  // What is cut off per one unit of the product at `key`; undefined when a frame was opened for
  // it, whose total goes to the frame below once made.
  const perUnit = (key: string): Excluded | undefined => {
    const shared = graph.shared.get(key);
    if (shared !== undefined) {
      if (graph.throughLoop.has(key)) noteLoop();
      return shared;
    }
    const loop = graph.loopOf(key);
    if (loop === undefined) return open(key, undefined, undefined);
    // A product made in a loop: what it passes on was counted around the loop once.
    noteLoop();
    const memo = inside.get(loop);
    if (memo !== undefined) return memo.get(key) ?? open(key, memo, undefined);
    const known = graph.entered.get(key);
    if (known !== undefined) return known;
    const entry = new Map<string, Excluded>();
    inside.set(loop, entry);
    return open(key, entry, loop);
  };

  // Starts the total of the product at `key`; `memo` holds the totals of its loop's products since
  // the walk entered the loop (undefined outside loops), `entered` the loop the walk enters here.
  const open = (key: string, memo: Map<string, Excluded> | undefined, entered: number | undefined): Excluded | undefined => {
    const steps = graph.stepsOf(key);
    if (steps === undefined || active.has(key)) {
      if (active.has(key)) noteLoop();
      return leave(key, entered, NOTHING);
    }
    stack.push({ key, memo, entered, steps, next: 0, outer: looped, any: false, masses: [], coefficient: undefined });
    looped = false;
    active.add(key);
    return undefined;
  };

  const close = (frame: Frame): Excluded => {
    active.delete(frame.key);
    const out: Excluded = frame.any ? { any: true, mass: frame.masses.length === 0 ? undefined : sum(frame.masses) } : NOTHING;
    if (frame.memo !== undefined) frame.memo.set(frame.key, out);
    else {
      graph.shared.set(frame.key, out);
      if (looped) graph.throughLoop.add(frame.key);
    }
    looped = frame.outer || looped;
    return leave(frame.key, frame.entered, out);
  };

  const leave = (key: string, entered: number | undefined, out: Excluded): Excluded => {
    if (entered !== undefined) {
      inside.delete(entered);
      graph.entered.set(key, out);
    }
    return out;
  };

  const add = (frame: Frame, upstream: Excluded, coefficient: Decimal): void => {
    if (upstream.any) frame.any = true;
    if (upstream.mass !== undefined) frame.masses.push(upstream.mass.times(coefficient));
  };

  const walk = (key: string): Excluded => {
    let made = perUnit(key);
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (made !== undefined && frame.coefficient !== undefined) {
        add(frame, made, frame.coefficient);
        frame.coefficient = undefined;
      }
      made = undefined;
      const step = frame.steps[frame.next];
      if (step === undefined) {
        stack.pop();
        made = close(frame);
        continue;
      }
      frame.next += 1;
      if ('item' in step) {
        frame.any = true;
        if (step.item.mass !== undefined) frame.masses.push(step.item.mass);
        found(step.item);
        continue;
      }
      const upstream = perUnit(step.supplier);
      if (upstream === undefined) frame.coefficient = step.coefficient;
      else add(frame, upstream, step.coefficient);
    }
    return made!;
  };

  const where = graph.processes.get(product.process)?.outputs.find((o) => o.flow === flow);
  if (where === undefined) return undefined;
  const root = walk(formatPath(where.path));
  return root.mass === undefined ? root : { any: root.any, mass: root.mass.times(amountIn(product.declaredUnit, where.quantity.unit)) };
}

/** The steps of a product's total per unit, in the order of its explanation's children. */
function stepsOfProduct(
  node: ExplainNode,
  where: Located & { readonly output: Output },
  located: ReadonlyMap<string, Located>,
  processes: ReadonlyMap<string, Process>,
  productMadeBy: ProductGraph['productMadeBy'],
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
    if (supplierKey !== undefined) steps.push({ supplier: supplierKey, coefficient });
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
