import { z } from 'zod';
import { ModelValidationError } from '../core/errors.js';
import { makeIssue, type Issue } from '../core/issues.js';
import { toDecimal } from '../decimal/decimal.js';
import { uncertaintySchema } from '../factors/index.js';
import type { Uncertainty } from '../factors/types.js';

const mapSchema = z.record(z.string().min(1), uncertaintySchema);

function ownEntry(input: unknown, key: string): z.output<typeof uncertaintySchema> {
  const entry = uncertaintySchema.safeParse((input as Record<string, unknown>)[key]);
  if (!entry.success) throw new ModelValidationError([makeIssue('invalid_uncertainty', [key], 'not a distribution')], 'uncertainty map');
  return entry.data;
}

/**
 * Reads the `uncertainty` option from plain data (e.g. a YAML file given to the CLI): keys are
 * factor ids or document paths of emission entries and inputs, values are distributions in the
 * factor schema's form (`{ distribution: range, percent: "5" }`). Throws ModelValidationError
 * listing every problem with its path.
 *
 * @example
 * parseUncertaintyMap({ 'processes[0].emissions[0]': { distribution: 'range', percent: '5' } });
 */
export function parseUncertaintyMap(input: unknown): Readonly<Record<string, Uncertainty>> {
  const parsed = mapSchema.safeParse(input);
  if (!parsed.success) {
    const issues: Issue[] = parsed.error.issues.map((issue) =>
      makeIssue('invalid_uncertainty', issue.path.filter((p): p is string | number => typeof p !== 'symbol'), issue.message),
    );
    throw new ModelValidationError(issues, 'uncertainty map');
  }
  const out: Record<string, Uncertainty> = Object.create(null) as Record<string, Uncertainty>;
  // The input's own keys, each read from the parsed map: zod builds its output by assignment,
  // where a "__proto__" key sets the prototype and the entry is lost (it is then an unknown key,
  // as "constructor" or any other name that matches nothing).
  for (const key of Object.keys(input as object)) {
    const u = key === '__proto__' ? ownEntry(input, key) : parsed.data[key]!;
    const at = (name: string, v: string | number) => toDecimal(v, [key, name]);
    switch (u.distribution) {
      case 'normal':
        out[key] = Object.freeze({ distribution: 'normal', sd: at('sd', u.sd) });
        break;
      case 'lognormal':
        out[key] = Object.freeze({ distribution: 'lognormal', gsd: at('gsd', u.gsd) });
        break;
      case 'triangular':
        out[key] = Object.freeze({ distribution: 'triangular', min: at('min', u.min), mode: at('mode', u.mode), max: at('max', u.max) });
        break;
      case 'uniform':
        out[key] = Object.freeze({ distribution: 'uniform', min: at('min', u.min), max: at('max', u.max) });
        break;
      case 'range':
        out[key] = Object.freeze({ distribution: 'range', percent: at('percent', u.percent) });
        break;
    }
  }
  return Object.freeze(out);
}
