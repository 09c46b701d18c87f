import { PactValidationError } from '../../core/errors.js';
import type { Issue } from '../../core/issues.js';
import { issuesFromZod } from '../../factors/issuesFromZod.js';
import { checkPactSemantics } from './checkPactSemantics.js';
import { pactProductFootprintV2Schema, type PactProductFootprintV2 } from './schemaV2.js';
import { pactProductFootprintV3Schema, type PactProductFootprintV3 } from './schemaV3.js';

/** The PACT data model versions smeltprint writes. */
export type PactVersion = '3.0' | '2.3';

/**
 * Every problem of a PACT ProductFootprint: smeltprint's zod schema of the version (formats.md §1.3
 * or §1.4) first, then, when the shape is right, the semantic rules of `checkPactSemantics`.
 * Paths point into the footprint (`['pcf', 'fossilGhgEmissions']`).
 *
 * @example
 * validatePactFootprint(toPact(result, 'aluminium-ingot', meta)) // []
 */
export function validatePactFootprint(footprint: unknown, version: PactVersion = '3.0'): readonly Issue[] {
  const schema = version === '3.0' ? pactProductFootprintV3Schema : pactProductFootprintV2Schema;
  const parsed = schema.safeParse(footprint);
  if (!parsed.success) return issuesFromZod(parsed.error);
  return Object.freeze(checkPactSemantics(parsed.data as PactProductFootprintV3 | PactProductFootprintV2, version));
}

/**
 * Throws PactValidationError listing every failing path unless the footprint is valid.
 *
 * @example
 * assertValidPactFootprint(footprint, '2.3');
 */
export function assertValidPactFootprint(footprint: unknown, version: PactVersion = '3.0'): void {
  const issues = validatePactFootprint(footprint, version);
  if (issues.length > 0) throw new PactValidationError(issues, version);
}
