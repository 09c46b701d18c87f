import type { z } from 'zod';
import { makeIssue, type DocumentPath, type Issue } from '../core/issues.js';

/**
 * zod issues as smeltprint Issues, with paths prefixed by `basePath`. Content checks of the
 * factor schemas carry their own stable code in `params.code`; structural ones keep zod's code.
 *
 * @example
 * const result = factorRowSchema.safeParse({ id: 'x', value: 'abc', unit: 't' });
 * if (!result.success) issuesFromZod(result.error, ['factors', 0]) // [{ path: ['factors', 0, 'value'], ... }]
 */
export function issuesFromZod(error: z.ZodError, basePath: DocumentPath = []): readonly Issue[] {
  return Object.freeze(
    error.issues.map((issue) => {
      const path = [...basePath, ...issue.path.map((part) => (typeof part === 'number' ? part : String(part)))];
      const params = issue.code === 'custom' ? (issue.params as { code?: unknown } | undefined) : undefined;
      const code = typeof params?.code === 'string' ? params.code : issue.code;
      return makeIssue(code, path, issue.message);
    }),
  );
}
