import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import { formatPath, makeIssue, type Issue } from '../core/issues.js';
import { Decimal, sum } from '../decimal/decimal.js';
import { resolveFactorsOverPeriod, type FactorSegment } from '../factors/resolveFactorsOverPeriod.js';
import type { FactorRegistry } from '../factors/registry.js';
import type { Input, Model, Process } from '../model/types.js';
import { markDerivedModel } from '../model/toModel.js';
import { formatQuantity, makeQuantity } from '../quantity/index.js';

/** An input's amount over part of the period, in the input's unit (from activity rows). */
export interface SubPeriodAmount {
  readonly start: string;
  readonly end: string;
  readonly amount: Decimal;
}

/** Sub-period amounts of inputs filled from activity data, keyed by `formatPath(input.path)`. */
export type ActivityPeriods = ReadonlyMap<string, readonly SubPeriodAmount[]>;

/** A model whose time-varying factor inputs are split by factor validity, and what was done. */
export interface TimeVaryingSplit {
  readonly model: Model;
  /** `formatPath(factor path)` + NUL + vintage → the selection text for explain. */
  readonly selections: ReadonlyMap<string, string>;
  readonly notes: readonly Issue[];
}

/**
 * Splits every factor-priced input whose factor family has several members over the model period
 * (a 2022–2023 model with yearly grid factors) into one input per member, each with its own
 * vintage: the 2022 electricity is priced at the 2022 factor and the 2023 electricity at the
 * 2023 one (GHG Protocol Scope 2 Guidance, 2015, §6.11: emission factors of the reporting year).
 * The amount is split by the input's activity rows when it has them and each row lies within one
 * factor's validity, otherwise pro rata by days; the last piece takes the remainder, so the pieces
 * add up to the amount exactly. Each piece's explanation says which factor, sub-period and split.
 *
 * @example
 * splitTimeVaryingInputs(model, registry).notes[0]?.message
 * // 'electricity: cn-mee/grid/national has 2 factors over 2022-01-01..2023-12-31 ...'
 */
export function splitTimeVaryingInputs(model: Model, factors: FactorRegistry, activity?: ActivityPeriods): TimeVaryingSplit {
  const selections = new Map<string, string>();
  const notes: Issue[] = [];
  let changed = false;
  const processes = model.processes.map((process): Process => {
    const inputs: Input[] = [];
    let split = false;
    for (const input of process.inputs) {
      const segments = segmentsOf(input, model, factors);
      if (segments === undefined) {
        inputs.push(input);
        continue;
      }
      split = true;
      const rows = activity?.get(formatPath(input.path));
      const byRows = rows === undefined ? undefined : amountsByRows(rows, segments, input.quantity.amount);
      const amounts = byRows ?? amountsByDays(segments, input.quantity.amount, model.period);
      const how = byRows === undefined ? 'pro rata by days (the amount has no activity rows per sub-period)' : `by its ${rows!.length} activity rows`;
      segments.forEach((segment, k) => {
        const piece = makeQuantity(amounts[k]!, input.quantity.unit);
        const days = daysIn(segment.from, segment.to);
        selections.set(
          `${formatPath([...input.path, 'factor'])}\u0000${segment.from}`,
          `time-varying factor: ${segment.record.id} for ${segment.from}..${segment.to} (${days} of ${daysIn(model.period.start, model.period.end)} days of the period); ` +
            `${formatQuantity(piece)} of ${formatQuantity(input.quantity)} split ${how}; ${segment.selection}`,
        );
        inputs.push(Object.freeze({ ...input, quantity: piece, vintage: segment.from }));
      });
      notes.push(
        makeIssue(
          'time_varying_factor',
          input.path,
          `${input.flow}: ${input.factor ?? ''} has ${segments.length} factors over ${model.period.start}..${model.period.end} ` +
            `(${segments.map((s) => `${s.record.id} for ${s.from}..${s.to}`).join(', ')}); each applies to its own sub-period, the amount split ${how}`,
          'info',
        ),
      );
    }
    if (!split) return process;
    changed = true;
    return Object.freeze({ ...process, inputs: Object.freeze(inputs) });
  });
  if (!changed) return { model, selections, notes };
  return { model: markDerivedModel({ ...model, processes: Object.freeze(processes) }), selections, notes };
}

function segmentsOf(input: Input, model: Model, factors: FactorRegistry): readonly FactorSegment[] | undefined {
  if (input.factor === undefined || input.vintage !== undefined || factors.get(input.factor) !== undefined) return undefined;
  try {
    const segments = resolveFactorsOverPeriod(factors, { id: input.factor, period: model.period, ...(model.region === undefined ? {} : { region: model.region }) });
    return segments.length > 1 ? segments : undefined;
  } catch {
    // No member for part of the period: leave the input whole so pricing reports the gap.
    return undefined;
  }
}

/** Amounts per segment from activity rows, or undefined when a row spans two segments or the rows do not add up to the amount. */
function amountsByRows(rows: readonly SubPeriodAmount[], segments: readonly FactorSegment[], amount: Decimal): Decimal[] | undefined {
  const pieces: Decimal[][] = segments.map(() => []);
  for (const row of rows) {
    const k = segments.findIndex((segment) => segment.from <= row.start && row.end <= segment.to);
    if (k === -1) return undefined;
    pieces[k]!.push(row.amount);
  }
  const amounts = pieces.map((list) => sum(list));
  return sum(amounts).eq(amount) ? amounts : undefined;
}

function amountsByDays(segments: readonly FactorSegment[], amount: Decimal, period: { start: string; end: string }): Decimal[] {
  const total = new Decimal(daysIn(period.start, period.end));
  const amounts = segments.slice(0, -1).map((segment) => amount.times(daysIn(segment.from, segment.to)).div(total));
  return [...amounts, amount.minus(sum(amounts))];
}

function daysIn(start: string, end: string): number {
  return differenceInCalendarDays(parseISO(end), parseISO(start)) + 1;
}
