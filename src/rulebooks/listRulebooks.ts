import { UnknownRulebookError } from '../core/errors.js';
import { RULEBOOKS } from './definitions.js';
import { RULEBOOK_IDS, type Rulebook, type RulebookId } from './types.js';

/**
 * The built-in rulebooks, in a fixed order.
 *
 * @example
 * listRulebooks().map((r) => r.id);
 * // ['gb-t-44905-aluminium', 'cn-ets-aluminium', 'iso-14067', 'pact-v3', 'cbam-aluminium']
 */
export function listRulebooks(): readonly Rulebook[] {
  return RULEBOOK_IDS.map((id) => RULEBOOKS[id]);
}

/**
 * The rulebook with this id; UnknownRulebookError (code `unknown_rulebook`) for any other id.
 *
 * @example
 * getRulebook('gb-t-44905-aluminium').cutOff; // { kind: 'limits', perStep: '0.01', total: '0.05', ... }
 */
export function getRulebook(id: string): Rulebook {
  if (!(RULEBOOK_IDS as readonly string[]).includes(id)) {
    throw new UnknownRulebookError(`unknown rulebook ${JSON.stringify(id)} (known: ${RULEBOOK_IDS.join(', ')})`);
  }
  return RULEBOOKS[id as RulebookId];
}
