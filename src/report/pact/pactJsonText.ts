import { canonicalJson } from '../canonical.js';
import type { PactProductFootprintV2 } from './schemaV2.js';
import type { PactProductFootprintV3 } from './schemaV3.js';

/**
 * A PACT footprint as JSON text: keys sorted, two-space indent, trailing newline, so the same
 * footprint always gives the same bytes (what `--format pact` prints).
 *
 * @example
 * pactJsonText(toPact(result, 'aluminium-ingot', meta)).startsWith('{\n  "comment"') // true: keys sorted
 */
export function pactJsonText(footprint: PactProductFootprintV3 | PactProductFootprintV2): string {
  return `${canonicalJson(footprint, 2)}\n`;
}
