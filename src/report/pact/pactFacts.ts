import { UnknownProductError } from '../../core/errors.js';
import { appendAll } from '../../core/lists.js';
import { ONE } from '../../decimal/decimal.js';
import type { Decimal } from '../../decimal/decimal.js';
import { explainProduct, type ExplainNode } from '../../graph/explain.js';
import type { FootprintResult } from '../../graph/results.js';
import { stronglyConnectedComponents } from '../../graph/scc.js';
import type { Solution } from '../../graph/solve.js';
import type { System } from '../../graph/system.js';
import { primaryDataSplit, sameSplit, splitWithSuppliers, type PrimaryDataSplit } from './primaryDataSplit.js';
import { secondaryFactorSources, type FactorLookup, type PactFactorSource } from './secondaryFactorSources.js';

/** What a PACT footprint reads from a product's explanation. */
export interface PactFacts {
  /** t CO2e at the explained scale (the declared unit). */
  readonly value: Decimal;
  readonly split: PrimaryDataSplit;
  /** Sources of the secondary factors used, sorted. */
  readonly sources: readonly PactFactorSource[];
  /** Assessment reports of already-characterized (CO2e) factors used. */
  readonly reports: ReadonlySet<string>;
  /** Allocation notes of the products in the boundary, first seen first. */
  readonly notes: readonly string[];
  /** True when the boundary credits a substitute (system expansion). */
  readonly substitution: boolean;
}

/** The facts of one product from its whole (nested) explanation. */
export function factsOfTree(tree: ExplainNode, lookup: FactorLookup): PactFacts {
  const notes: string[] = [];
  let substitution = false;
  const reports = new Set<string>();
  const visit = (node: ExplainNode) => {
    ownFacts(node, lookup, notes, reports);
    if (isSubstitution(node)) substitution = true;
    node.children.forEach(visit);
  };
  visit(tree);
  return { value: tree.value, split: primaryDataSplit(tree), sources: secondaryFactorSources(tree, lookup), reports, notes: [...new Set(notes)], substitution };
}

/** Adds what one node says by itself: its allocation note, the reports of its CO2e factors. */
function ownFacts(node: ExplainNode, lookup: FactorLookup, notes: string[], reports: Set<string>): void {
  if (node.kind === 'product' && node.note?.startsWith('allocation share') === true) {
    notes.push(`${node.label.replace(/^\S+ \S+ /, '')}: ${node.note}`);
  }
  if (node.kind === 'factor-input' || node.kind === 'substitution-credit') {
    for (const reference of node.detail?.factors ?? []) {
      const record = lookup(reference.id);
      if (record?.gas === 'CO2e' && record.gwp !== undefined) reports.add(pactAssessmentReport(record.gwp));
    }
  }
}

function isSubstitution(node: ExplainNode): boolean {
  return node.kind === 'substitution' || node.kind === 'substitution-credit';
}

/** Enough passes for loops of a few processes to settle (as primaryDataSplit allows). */
const MAX_PASSES = 30;

/**
 * The facts of every product, product by product in supply order: each from its own items and
 * exchanges (an explanation with suppliers referenced) and its suppliers' facts per unit, so the
 * cost grows with the model, not with products × chain length as one nested tree per product
 * does. For a model without loops these are the facts of the nested trees (a property test
 * checks it); a loop's members share the sources and notes of the loop, and their splits are
 * resolved by repeated passes like the nested trees'.
 */
export function factsOfEveryProduct(result: FootprintResult, system: System, solution: Solution, lookup: FactorLookup): (flow: string) => PactFacts {
  const equations = solution.equations;
  const perUnit: PactFacts[] = new Array<PactFacts>(equations.length);
  const unitTree = (p: number) => explainProduct(system, solution, p, { amount: ONE, suppliers: 'referenced' });
  const components = stronglyConnectedComponents(equations.map((eq) => eq.links.map((l) => l.provider)));
  for (const component of components) {
    const members = new Set(component);
    const position = new Map(component.map((p, i) => [p, i]));
    const trees = component.map(unitTree);
    // Sources, reports and notes of a loop are those of all its members together.
    const shared = component.length > 1 ? gathered(component, trees, members, perUnit, solution, lookup) : undefined;
    let splits: (PrimaryDataSplit | undefined)[] = component.map(() => undefined);
    for (let pass = 0; pass < (members.size > 1 || selfSupplied(component[0]!, solution) ? MAX_PASSES : 1); pass++) {
      const next = component.map((p, i) => splitWithSuppliers(trees[i]!, (k) => {
        const provider = equations[p]!.links[k]!.provider;
        const inLoop = position.get(provider);
        return inLoop === undefined ? perUnit[provider]!.split : splits[inLoop];
      }));
      const settled = next.every((split, i) => splits[i] !== undefined && sameSplit(split, splits[i]!));
      splits = next;
      if (settled) break;
    }
    component.forEach((p, i) => {
      const own = shared ?? gathered([p], [trees[i]!], members, perUnit, solution, lookup);
      perUnit[p] = { ...own, value: trees[i]!.value, split: splits[i]! };
    });
  }
  return (flow) => {
    const index = system.productByFlow.get(flow);
    if (index === undefined) throw new UnknownProductError(`"${flow}" is not a product of the model`);
    const tree = result.explain(flow, { suppliers: 'referenced' });
    const facts = gathered([index], [tree], new Set(), perUnit, solution, lookup);
    return { ...facts, value: tree.value, split: splitWithSuppliers(tree, (k) => perUnit[equations[index]!.links[k]!.provider]!.split) };
  };
}

function selfSupplied(p: number, solution: Solution): boolean {
  return solution.equations[p]!.links.some((l) => l.provider === p);
}

/**
 * Sources, reports, notes and substitution of products (their referenced trees) together with
 * those of their suppliers outside `inside`, in the order a nested tree meets them: each
 * product's own, then each supplier's in the order of its exchanges.
 */
function gathered(
  products: readonly number[],
  trees: readonly ExplainNode[],
  inside: ReadonlySet<number>,
  perUnit: readonly PactFacts[],
  solution: Solution,
  lookup: FactorLookup,
): Omit<PactFacts, 'value' | 'split'> {
  const sources = new Map<string, PactFactorSource>();
  const reports = new Set<string>();
  const notes: string[] = [];
  let substitution = false;
  trees.forEach((tree) => {
    for (const source of secondaryFactorSources(tree, lookup)) sources.set(sourceKey(source), source);
    ownFacts(tree, lookup, notes, reports);
    for (const child of tree.children) {
      ownFacts(child, lookup, notes, reports);
      if (isSubstitution(child)) substitution = true;
    }
  });
  products.forEach((p, i) => {
    let k = 0;
    for (const child of trees[i]!.children) {
      if (child.kind !== 'input' && child.kind !== 'waste-treatment' && child.kind !== 'substitution') continue;
      const provider = solution.equations[p]!.links[k++]!.provider;
      if (inside.has(provider)) continue;
      const facts = perUnit[provider]!;
      for (const source of facts.sources) sources.set(sourceKey(source), source);
      for (const report of facts.reports) reports.add(report);
      appendAll(notes, facts.notes);
      if (facts.substitution) substitution = true;
    }
  });
  return {
    sources: [...sources.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => s),
    reports,
    notes: [...new Set(notes)],
    substitution,
  };
}

function sourceKey(source: PactFactorSource): string {
  return `${source.name}\u0000${source.version}`;
}

/** IPCC report names as PACT writes them: SAR is the second assessment report. */
export function pactAssessmentReport(gwp: string): string {
  if (gwp === 'SAR') return 'AR2';
  if (gwp === 'AR5-feedback') return 'AR5';
  return gwp;
}
