import { makeIssue, formatPath, type Issue } from '../core/issues.js';
import type { FactorRecord } from '../factors/types.js';
import type { Input, Model, Process } from '../model/types.js';
import { modelOf } from '../model/modelInput.js';
import { markDerivedModel } from '../model/toModel.js';

/**
 * GHG Protocol Scope 2 reports purchased electricity two ways:
 * - market-based: each purchase at its contract's factor (green electricity trading, green
 *   certificates, PPAs), the remaining grid electricity at a residual factor — in China the MEE
 *   "excluding market-traded non-fossil" grid factor — so the same clean power is not counted
 *   twice. This is the model as written.
 * - location-based: all grid electricity at the average factor of the grid where it is used.
 */
export type Scope2Method = 'market' | 'location';

/** The grid family used for the location-based figure when an input does not name one. */
export const DEFAULT_LOCATION_FACTOR = 'cn-mee/grid';

const RESIDUAL_SEGMENT = /\/excl-market-nonfossil(?=\/|$)/;

/**
 * The location-based reading of a model: instrument-backed purchases are priced at their
 * `locationFactor` (default `cn-mee/grid`, resolved by region and period) and residual-mix grid
 * factors at their plain average counterpart. The model is not changed; a new one is returned.
 *
 * @example
 * const location = toLocationBased(model); // then computeFootprints(location)
 */
export function toLocationBased(input: Model): Model {
  // Typed for a Model, read as "Model or document" at run time: JavaScript callers pass either.
  const model = modelOf(input);
  let changed = false;
  const processes = model.processes.map((process): Process => {
    const inputs = process.inputs.map((input): Input => {
      const replacement = locationFactorOf(input);
      if (replacement === undefined) return input;
      changed = true;
      const { instrument: _instrument, locationFactor: _location, vintage, ...rest } = input;
      // A residual factor's vintage still applies to its average counterpart; a contract's does not.
      return Object.freeze({ ...rest, factor: replacement, ...(input.instrument === undefined && vintage !== undefined ? { vintage } : {}) });
    });
    return Object.freeze({ ...process, inputs: Object.freeze(inputs) });
  });
  return changed ? markDerivedModel({ ...model, processes: Object.freeze(processes) }) : model;
}

function locationFactorOf(input: Input): string | undefined {
  if (input.instrument !== undefined) return input.locationFactor ?? DEFAULT_LOCATION_FACTOR;
  if (input.factor !== undefined && RESIDUAL_SEGMENT.test(input.factor)) return input.factor.replace(RESIDUAL_SEGMENT, '');
  return undefined;
}

/** True for a plain grid-average factor (not a residual-mix or fossil variant). */
export function isGridAverage(record: FactorRecord): boolean {
  return record.families.includes(DEFAULT_LOCATION_FACTOR);
}

/**
 * Most instrument-backed purchases a warning names: every grid-average purchase has a warning of
 * its own, and naming every instrument in each made the warnings grow as their product (half of
 * 8,000 processes buying under instruments: 446 MB of JSON).
 */
export const NAMED_INSTRUMENTS = 3;

function namedWithCount(paths: readonly string[]): string {
  if (paths.length <= NAMED_INSTRUMENTS) return paths.join(', ');
  const others = paths.length - NAMED_INSTRUMENTS;
  return `${paths.slice(0, NAMED_INSTRUMENTS).join(', ')} and ${others} other${others === 1 ? '' : 's'}`;
}

/**
 * Warns when a model buys instrument-backed (green) electricity and also prices other grid
 * electricity at the plain grid average: the average already contains the clean power that was
 * sold separately, so it is counted twice. The residual `excl-market-nonfossil` factor fixes it.
 */
export function greenPowerDoubleCounting(model: Model, resolvedByInput: ReadonlyMap<string, FactorRecord>): Issue[] {
  const instruments = model.processes.flatMap((p) => p.inputs.filter((i) => i.instrument !== undefined));
  if (instruments.length === 0) return [];
  const named = namedWithCount(instruments.map((i) => formatPath(i.path)));
  const issues: Issue[] = [];
  for (const process of model.processes) {
    for (const input of process.inputs) {
      if (input.instrument !== undefined) continue;
      const record = resolvedByInput.get(formatPath(input.path));
      if (record === undefined || !isGridAverage(record)) continue;
      issues.push(
        makeIssue(
          'green_power_double_counting',
          input.path,
          `grid electricity is priced at the average factor ${record.id} while green electricity is bought under instruments (${named}); ` +
            'use the residual factor cn-mee/grid/excl-market-nonfossil so the same clean power is not counted twice',
          'warning',
        ),
      );
    }
  }
  return issues;
}
