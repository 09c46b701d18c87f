import { InvalidNumberError } from '../core/errors.js';
import { makeIssue, type DocumentPath, type Issue } from '../core/issues.js';
import { Decimal, ONE, ZERO, sum, toDecimal } from '../decimal/decimal.js';
import { modelOf } from '../model/modelInput.js';
import type { Model } from '../model/types.js';
import { amountIn } from '../quantity/index.js';
import type { Quantity } from '../quantity/types.js';
import { isConvertible, parseUnit } from '../units/index.js';

/** Inputs against outputs of one process, in tonnes, counting only flows measured in mass. */
export interface ProcessMassBalance {
  readonly process: string;
  readonly path: DocumentPath;
  /** Tonnes of all inputs stated in a mass unit. */
  readonly inputs: Decimal;
  /** Tonnes of all outputs (products, co-products, waste) stated in a mass unit. */
  readonly outputs: Decimal;
  /** inputs − outputs: positive when mass leaves unaccounted (emissions, losses), negative when it appears from nowhere. */
  readonly difference: Decimal;
  /** |difference| ÷ the larger side, between 0 and 1. */
  readonly relative: Decimal;
  /** Flows left out because they are not measured in mass (energy, volume, items), as `inputs: electricity`. */
  readonly excluded: readonly string[];
}

/** The mass balance of every process that has both inputs and outputs in mass, and the warnings. */
export interface MassBalanceReport {
  readonly tolerance: Decimal;
  readonly processes: readonly ProcessMassBalance[];
  /** One `mass_imbalance` warning per process whose relative difference exceeds the tolerance. */
  readonly warnings: readonly Issue[];
}

export interface MassBalanceOptions {
  /** Largest relative difference accepted, a fraction from 0 to 1 (e.g. "0.05" for 5 %). */
  readonly tolerance: Decimal | string | number;
}

const TONNE = parseUnit('t');

/**
 * Checks each process's inputs against its outputs by mass. Only flows stated in a mass unit take
 * part (energy, volume and gas masses are listed in `excluded`); a process without mass on both
 * sides is skipped. A relative difference above `tolerance` is a `mass_imbalance` warning at the
 * process: usually a unit slip (kg written as t) or a missing flow. Inputs above outputs are
 * normal up to the mass that leaves as emissions and losses, so choose the tolerance per plant.
 *
 * @example
 * const report = massBalance(model, { tolerance: '0.05' });
 * report.warnings // [{ code: 'mass_imbalance', path: ['processes', 2], ... }]
 */
export function massBalance(input: Model, options: MassBalanceOptions): MassBalanceReport {
  // Typed for a Model, read as "Model or document" at run time: JavaScript callers pass either.
  const model = modelOf(input);
  const given = (options as Partial<MassBalanceOptions> | undefined)?.tolerance;
  if (given === undefined) throw new InvalidNumberError('massBalance needs options.tolerance, a fraction from 0 to 1 (e.g. "0.05" for 5 %)');
  const tolerance = toDecimal(given);
  if (tolerance.isNegative() || tolerance.gt(ONE)) throw new InvalidNumberError(`tolerance is a fraction from 0 to 1, got ${tolerance.toFixed()}`);
  const processes: ProcessMassBalance[] = [];
  const warnings: Issue[] = [];
  for (const process of model.processes) {
    const excluded: string[] = [];
    const tonnes = (side: 'inputs' | 'outputs', flows: readonly { flow: string; quantity: Quantity }[]): Decimal[] =>
      flows.flatMap(({ flow, quantity }) => {
        if (isConvertible(quantity.unit, TONNE)) return [amountIn(quantity, TONNE)];
        excluded.push(`${side}: ${flow}`);
        return [];
      });
    const inputMasses = tonnes('inputs', process.inputs);
    const outputMasses = tonnes('outputs', process.outputs);
    if (inputMasses.length === 0 || outputMasses.length === 0) continue;
    const inputs = sum(inputMasses);
    const outputs = sum(outputMasses);
    const difference = inputs.minus(outputs);
    const larger = Decimal.max(inputs, outputs);
    const relative = larger.isZero() ? ZERO : difference.abs().div(larger);
    processes.push(Object.freeze({ process: process.id, path: process.path, inputs, outputs, difference, relative, excluded: Object.freeze(excluded) }));
    if (relative.gt(tolerance)) {
      const direction = difference.isNegative() ? 'more mass leaves than enters' : 'more mass enters than leaves';
      warnings.push(
        makeIssue(
          'mass_imbalance',
          process.path,
          `process "${process.id}": inputs ${inputs.toFixed()} t, outputs ${outputs.toFixed()} t by mass; ${direction} by ${percent(relative)} % of the larger side (tolerance ${percent(tolerance)} %)`,
          'warning',
        ),
      );
    }
  }
  return Object.freeze({ tolerance, processes: Object.freeze(processes), warnings: Object.freeze(warnings) });
}

function percent(fraction: Decimal): string {
  return fraction.times(100).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed();
}
