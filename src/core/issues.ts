/** A location in a document: object keys and array indices from the root. */
export type DocumentPath = readonly (string | number)[];

export type Severity = 'error' | 'warning' | 'info';

/**
 * A problem found in a document, as data. Messages are for people; `code` is stable and is what
 * programs should branch on.
 *
 * @example
 * const issue: Issue = { code: 'unknown_reference', path: ['processes', 0, 'inputs', 1, 'from'],
 *   message: 'no process "anode-plant"', severity: 'error' };
 */
export interface Issue {
  readonly code: string;
  readonly path: DocumentPath;
  readonly message: string;
  readonly severity: Severity;
}

/** Renders a path the way people write it: `processes[0].inputs[1].from`. */
export function formatPath(path: DocumentPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out === '' ? '(document)' : out;
}

/** One line per issue: `error processes[0].id: message [code]`. */
export function formatIssue(issue: Issue): string {
  return `${issue.severity} ${formatPath(issue.path)}: ${issue.message} [${issue.code}]`;
}

export function makeIssue(
  code: string,
  path: DocumentPath,
  message: string,
  severity: Severity = 'error',
): Issue {
  return Object.freeze({ code, path: Object.freeze([...path]), message, severity });
}

/** Whether a value has the shape of an Issue (code, path, message, severity), as callers pass lists of them. */
export function isIssue(value: unknown): value is Issue {
  const issue = value as Partial<Issue> | null;
  return typeof issue === 'object' && issue !== null && typeof issue.code === 'string' && Array.isArray(issue.path) && typeof issue.message === 'string' && typeof issue.severity === 'string';
}
