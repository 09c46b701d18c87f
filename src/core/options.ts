import { InvalidOptionError } from './errors.js';
import { suggestField } from './suggestField.js';

/**
 * The options object of a library function, checked as JavaScript callers pass it: `undefined`
 * and `null` mean "no options", and an option set to `null` is one not given; anything else must be a plain object whose keys are all known
 * (a misspelt `byprocess` or `GWP` was silently ignored, and the result was not the one asked
 * for). `what` names the function in messages.
 *
 * @example
 * optionsObject({ gwp: 'AR5' }, 'computeFootprints', ['gwp', 'per']) // { gwp: 'AR5' }
 * optionsObject({ GWP: 'AR5' }, 'computeFootprints', ['gwp', 'per']) // throws InvalidOptionError: … did you mean "gwp"?
 */
export function optionsObject<T extends object>(options: T | null | undefined, what: string, known: readonly string[]): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options)) throw new InvalidOptionError(`${what} takes an options object, got ${Array.isArray(options) ? 'a list' : typeof options}`);
  let nulls = false;
  for (const key of Object.keys(options)) {
    if ((options as Record<string, unknown>)[key] === null) nulls = true;
    if (known.includes(key)) continue;
    const guess = suggestField(key, known);
    throw new InvalidOptionError(`${what} has no option "${key}"${guess === undefined ? '' : `; did you mean "${guess}"?`} (options: ${known.join(', ')})`);
  }
  // An option set to null is an option not given, as JSON writes an absent value.
  return nulls ? (Object.fromEntries(Object.entries(options).filter(([, value]) => value !== null)) as Partial<T>) : options;
}
