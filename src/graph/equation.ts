import { timesRounded } from '../decimal/kernel.js';
import type { Decimal } from '../decimal/decimal.js';
import type { DirectItem, Link, System } from './system.js';
import { combineVectors, scaleVector, type BurdenVector } from './vector.js';

/** An exchange of a product per unit of it: `coefficient` units of `provider` per unit made. */
export interface UnitLink {
  readonly link: Link;
  readonly provider: number;
  readonly coefficient: Decimal;
}

/** A product's equation: footprint = direct + Σ coefficient × footprint(provider). */
export interface ProductEquation {
  /** Each direct item of the process per unit of this product, in the order of process.items. */
  readonly directItems: readonly BurdenVector[];
  /** Exact sum of directItems. */
  readonly direct: BurdenVector;
  readonly links: readonly UnitLink[];
  /** share / amount: the factor that turns process totals into per-unit burdens. */
  readonly perUnit: Decimal;
}


/** Builds each product's per-unit equation from the process totals and its allocation share. */
export function productEquations(system: System): ProductEquation[] {
  return system.products.map((product) => {
    const process = system.processes[product.process]!;
    const perUnit = product.share.div(product.amount);
    const links = process.links.map((link) => ({ link, provider: link.provider, coefficient: timesRounded(link.amount, perUnit) }));
    return new Equation(process.items, links, perUnit);
  });
}

/**
 * A product's equation. Direct burdens per unit are made when asked for (explanations) and kept
 * from then on; the solver makes its own and lets them go (a large model would hold them all).
 * A class, not an object literal with getters: such a literal is a dictionary-mode object with
 * two closures of its own, about 0.7 KB per product more. The acyclic sweep's equations
 * (sweep.ts) extend it with a per-unit factor and links made when first read.
 */
export abstract class EquationBase implements ProductEquation {
  readonly #items: readonly DirectItem[];
  #directItems: readonly BurdenVector[] | undefined;
  #direct: BurdenVector | undefined;

  constructor(items: readonly DirectItem[]) {
    this.#items = items;
  }

  abstract readonly links: readonly UnitLink[];
  abstract readonly perUnit: Decimal;

  get directItems(): readonly BurdenVector[] {
    return (this.#directItems ??= this.#items.map((item) => scaleVector(item.vector, this.perUnit)));
  }

  get direct(): BurdenVector {
    return (this.#direct ??= directOf(this.#items, this.perUnit));
  }
}

class Equation extends EquationBase {
  constructor(
    items: readonly DirectItem[],
    readonly links: readonly UnitLink[],
    readonly perUnit: Decimal,
  ) {
    super(items);
  }
}

/**
 * Σ perUnit × item: items are scaled one by one (each product rounded once) and summed exactly,
 * so an explanation's scaled items add up exactly to it.
 */
export function directOf(items: readonly DirectItem[], perUnit: Decimal): BurdenVector {
  return combineVectors([], items.map((item) => ({ vector: item.vector, k: perUnit })));
}

