import { canonicalJson } from '../canonical.js';
import type { AuditTrail } from './toAudit.js';

/**
 * The audit trail as canonical JSON text (keys sorted at every level, two-space indent, trailing
 * newline): two runs on the same document give identical bytes.
 *
 * @example
 * auditJsonText(toAudit(result, { document })) === auditJsonText(toAudit(computeFootprints(document), { document })) // true
 */
export function auditJsonText(audit: AuditTrail): string {
  return `${canonicalJson(audit, 2)}\n`;
}
