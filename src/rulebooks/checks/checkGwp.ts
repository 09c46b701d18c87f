import type { FootprintResult } from '../../graph/results.js';
import { finding } from '../finding.js';
import type { Finding, Rulebook } from '../types.js';

/**
 * The GWP set of the run against the one the rulebook requires.
 *
 * @example
 * checkGwp(getRulebook('cn-ets-aluminium'), result); // warning when the run is not AR5
 */
export function checkGwp(rulebook: Rulebook, result: FootprintResult): Finding[] {
  const { set, severity, note } = rulebook.gwp;
  if (set === undefined) return [finding('gwp', 'gwp_set_unverified', ['gwp'], `computed with ${result.gwp}; ${note}`, 'info')];
  if (set === result.gwp) return [];
  return [finding('gwp', 'gwp_set', ['gwp'], `computed with ${result.gwp}, but ${rulebook.id} requires ${set}: ${note}`, severity)];
}
