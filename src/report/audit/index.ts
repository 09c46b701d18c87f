export { toAudit, AUDIT_EXPANDED_PRODUCTS, type AuditTrail, type AuditNode, type AuditOptions } from './toAudit.js';
export { auditJsonText } from './auditJsonText.js';
export { sha256, sha256Hex } from './sha256.js';
