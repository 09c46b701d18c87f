import { makeIssue, type DocumentPath, type Severity } from '../core/issues.js';
import type { Finding, RuleName } from './types.js';

/**
 * A frozen finding: an Issue made with `makeIssue`, tagged with its rule.
 *
 * @example
 * finding('cut-off', 'cut_off_step_exceeded', ['processes', 2, 'inputs', 4], 'water is 3 % of the step', 'error');
 */
export function finding(rule: RuleName, code: string, path: DocumentPath, message: string, severity: Severity): Finding {
  return Object.freeze({ rule, ...makeIssue(code, path, message, severity) });
}
