import type { DocumentPath } from '../core/issues.js';
import { isPlainRecord } from './fields.js';

/** An amount of a model document left to activity data: `{ activity: <series> }`. */
export interface ActivityReference {
  /** Path of the element whose amount it is, e.g. ['processes', 2, 'inputs', 0]. */
  readonly path: DocumentPath;
  readonly series: string;
  /** The element's unit as written (not checked here). */
  readonly unitText: unknown;
}

/**
 * An amount that comes from activity data: `{ activity: "electrolysis.electricity" }` in place
 * of a number in a model document.
 *
 * @example
 * isActivityReference({ activity: 'electrolysis.electricity' }) // true
 */
export function isActivityReference(value: unknown): value is { readonly activity: string } {
  return isPlainRecord(value) && typeof value['activity'] === 'string' && Object.keys(value).length === 1;
}

const AMOUNT_LISTS = ['inputs', 'outputs', 'emissions'] as const;

/**
 * Every `{ activity }` amount of a (raw, unvalidated) model document: process by process, its
 * inputs, outputs and emissions. Anything not shaped like a document is skipped.
 *
 * @example
 * activityReferencesOf(document).map((r) => r.series) // ['electrolysis.electricity', ...]
 */
export function activityReferencesOf(document: unknown): ActivityReference[] {
  const references: ActivityReference[] = [];
  const processes = isPlainRecord(document) && Array.isArray(document['processes']) ? (document['processes'] as unknown[]) : [];
  processes.forEach((process, pi) => {
    if (!isPlainRecord(process)) return;
    for (const list of AMOUNT_LISTS) {
      const elements = process[list];
      if (!Array.isArray(elements)) continue;
      elements.forEach((element: unknown, index) => {
        if (isPlainRecord(element) && isActivityReference(element['amount'])) {
          references.push({ path: ['processes', pi, list, index], series: element['amount'].activity, unitText: element['unit'] });
        }
      });
    }
  });
  return references;
}

/** What an amount still left to activity data is told. */
export function unfilledActivityMessage(series: string): string {
  return `this amount comes from activity series "${series}"; fill it from activity data first (smeltprint footprint MODEL --activity FILE)`;
}
