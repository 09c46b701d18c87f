import type { FactorRecord } from '../../factors/types.js';
import type { ExplainNode } from '../../graph/explain.js';
import type { FactorReference } from '../../graph/system.js';

/** A secondary emission factor source as PACT lists it (`EmissionFactorSource`). */
export interface PactFactorSource {
  readonly name: string;
  readonly version: string;
}

/** Finds the record behind a factor id, for its full provenance. */
export type FactorLookup = (id: string) => FactorRecord | undefined;

/**
 * The sources of the secondary emission factors a product's footprint actually uses: every factor
 * on a `factor-input` or factor-priced `substitution-credit` leaf of its explanation, as
 * `{ name, version }`, each source once, sorted. The name is the publisher and title of the
 * factor's source; the version is its edition, else its publication year, else the year of the
 * factor's validity, else the dataset id. Factors the lookup does not know fall back to the
 * source text of the explanation. Method parameters are primary data and are not listed.
 *
 * @example
 * secondaryFactorSources(result.explain('aluminium-ingot'), (id) => registry.get(id))
 * // [{ name: 'Ministry of Ecology and Environment (MEE) …: National, regional and provincial …', version: '2023' }]
 */
export function secondaryFactorSources(root: ExplainNode, lookup: FactorLookup): readonly PactFactorSource[] {
  const found = new Map<string, PactFactorSource>();
  const visit = (node: ExplainNode) => {
    if (node.kind === 'factor-input' || node.kind === 'substitution-credit') {
      for (const reference of node.detail?.factors ?? []) {
        const source = sourceOf(reference, lookup(reference.id));
        found.set(`${source.name}\u0000${source.version}`, source);
      }
    }
    node.children.forEach(visit);
  };
  visit(root);
  return Object.freeze([...found.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, s]) => Object.freeze(s)));
}

function sourceOf(reference: FactorReference, record: FactorRecord | undefined): PactFactorSource {
  if (record === undefined) {
    return { name: nonEmpty(reference.source, reference.id), version: nonEmpty(reference.dataset, 'unspecified') };
  }
  const { publisher, title, edition, year } = record.source;
  const name = publisher === undefined || publisher === '' ? title : `${publisher}: ${title}`;
  const version = edition ?? year?.toString() ?? record.valid?.from.slice(0, 4) ?? record.dataset ?? 'unspecified';
  return { name: nonEmpty(name, reference.id), version: nonEmpty(version, 'unspecified') };
}

function nonEmpty(text: string | undefined, fallback: string): string {
  return text === undefined || text.trim() === '' ? fallback : text;
}
