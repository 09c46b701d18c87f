import { formatPath } from '../core/issues.js';
import { SingularSystemError } from '../core/errors.js';
import { floatLuFactorize, floatLuSolve, type FloatLu } from '../graph/floatLu.js';
import { stronglyConnectedComponents } from '../graph/scc.js';
import { productEquations } from '../graph/solve.js';
import type { System } from '../graph/system.js';
import { totalCO2e } from '../graph/vector.js';

/** A term whose value is uncertain: a factor (by id) or a model entry (by document path). */
export interface TermUse {
  readonly product: number;
  /** t CO2e per unit of the product at the term's central value. */
  readonly co2e: number;
}

/**
 * The compiled system in float64 for simulation: per product the CO2e of its certain direct
 * burdens, the uncertain ones by term, and the links. Coefficients are not sampled, so each loop's
 * matrix is factorized once and reused by every run.
 */
export interface FloatSystem {
  readonly size: number;
  readonly fixed: Float64Array;
  /** Uses of each term (in term order). */
  readonly uses: readonly (readonly TermUse[])[];
  readonly solve: (direct: Float64Array) => Float64Array;
}

/**
 * Builds the float system; `termOf(item kind, factor id, path)` names the term an item belongs
 * to, or undefined when the item is certain.
 *
 * @example
 * const float = floatSystem(system, ['bench/grid'], (item) => item.factorId);
 */
export function floatSystem(
  system: System,
  terms: readonly string[],
  termOf: (item: { readonly kind: string; readonly factorId: string | undefined; readonly path: string }) => string | undefined,
): FloatSystem {
  const equations = productEquations(system);
  const n = equations.length;
  const termIndex = new Map(terms.map((t, i) => [t, i]));
  const fixed = new Float64Array(n);
  const uses: TermUse[][] = terms.map(() => []);
  equations.forEach((eq, p) => {
    const process = system.processes[system.products[p]!.process]!;
    process.items.forEach((item, k) => {
      const co2e = totalCO2e(eq.directItems[k]!).toNumber();
      const term = termOf({ kind: item.kind, factorId: item.detail.factors?.[0]?.id, path: formatPath(item.path) });
      const index = term === undefined ? undefined : termIndex.get(term);
      if (index === undefined) fixed[p] = fixed[p]! + co2e;
      else uses[index]!.push({ product: p, co2e });
    });
  });
  const providers = equations.map((eq) => Int32Array.from(eq.links.map((l) => l.provider)));
  const coefficients = equations.map((eq) => Float64Array.from(eq.links.map((l) => l.coefficient.toNumber())));
  const components = stronglyConnectedComponents(equations.map((eq) => eq.links.map((l) => l.provider)));
  const loops = components.map((component) => {
    const selfLoop = component.length === 1 && providers[component[0]!]!.includes(component[0]!);
    if (component.length === 1 && !selfLoop) return undefined;
    const members = [...component].sort((a, b) => a - b);
    const position = new Map(members.map((p, i) => [p, i]));
    const m = members.length;
    const matrix = new Float64Array(m * m);
    members.forEach((p, i) => {
      matrix[i * m + i] = 1;
      providers[p]!.forEach((q, k) => {
        const j = position.get(q);
        if (j !== undefined) matrix[i * m + j] = matrix[i * m + j]! - coefficients[p]![k]!;
      });
    });
    const lu = floatLuFactorize(matrix, m);
    if (lu === undefined) throw new SingularSystemError([], 'a loop of the model has no float64 factorization for simulation');
    return { members, position, lu } satisfies { members: number[]; position: Map<number, number>; lu: FloatLu };
  });

  const solve = (direct: Float64Array): Float64Array => {
    const footprint = new Float64Array(n);
    components.forEach((component, c) => {
      const loop = loops[c];
      if (loop === undefined) {
        const p = component[0]!;
        let value = direct[p]!;
        const from = providers[p]!;
        const by = coefficients[p]!;
        for (let k = 0; k < from.length; k++) value += by[k]! * footprint[from[k]!]!;
        footprint[p] = value;
        return;
      }
      const b = new Float64Array(loop.members.length);
      loop.members.forEach((p, i) => {
        let value = direct[p]!;
        providers[p]!.forEach((q, k) => {
          if (!loop.position.has(q)) value += coefficients[p]![k]! * footprint[q]!;
        });
        b[i] = value;
      });
      const x = floatLuSolve(loop.lu, b);
      loop.members.forEach((p, i) => {
        footprint[p] = x[i]!;
      });
    });
    return footprint;
  };
  return { size: n, fixed, uses, solve };
}
