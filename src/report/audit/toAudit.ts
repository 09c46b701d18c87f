import { InvalidOptionError } from '../../core/errors.js';
import { optionsObject } from '../../core/options.js';
import type { Decimal } from '../../decimal/decimal.js';
import { isParsedModel } from '../../model/toModel.js';
import { toFixedString } from '../../decimal/rounding.js';
import { GWP_SETS } from '../../gases/gwp.js';
import type { ExplainNode } from '../../graph/explain.js';
import { requireResult, type FootprintResult } from '../../graph/results.js';
import type { ItemDetail } from '../../graph/system.js';
import { formatQuantity } from '../../quantity/index.js';
import { VERSION } from '../../version.js';
import { canonicalJson } from '../canonical.js';
import { footprintToJson } from '../json.js';
import { sha256Hex } from './sha256.js';

/** What `toAudit` records besides the result. */
export interface AuditOptions {
  /** The raw model document the result was computed from (parsed JSON or YAML, not a parsed Model). */
  readonly document: unknown;
  /** Products to explain (default: every product of the result). */
  readonly flows?: readonly string[];
  /**
   * How each product's tree shows its suppliers (ExplainOptions.suppliers). `auto` (default):
   * expanded when the trail explains at most AUDIT_EXPANDED_PRODUCTS products, else referenced —
   * nested trees repeat every supplier under each product downstream, so a trail of every product
   * of a large model would grow with products × chain length (a 5,000-process model did not
   * finish in a minute); referenced, it grows with the model.
   */
  readonly suppliers?: 'expanded' | 'referenced' | 'auto';
  /**
   * Files the document was filled from (ledgers, the mapping), by name with their bytes: the trail
   * lists the SHA-256 of each, so a verifier can tie the figures to the exports they came from
   * (the document digest covers the document as filled).
   */
  readonly files?: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}

/** Up to this many products, `suppliers: 'auto'` nests each supplier's tree (see AuditOptions). */
export const AUDIT_EXPANDED_PRODUCTS = 100;

/** One node of the calculation tree, as plain JSON with decimals as fixed-point strings. */
export interface AuditNode {
  readonly kind: string;
  readonly label: string;
  /** Where the node comes from in the model document, e.g. `processes[2].emissions[0]`. */
  readonly path?: string;
  /** t CO2e at the node's scale. */
  readonly value: string;
  /** t of each gas at the node's scale. */
  readonly gases: Readonly<Record<string, string>>;
  readonly quantity?: string;
  readonly coefficient?: string;
  readonly unitFootprint?: string;
  /** Formula, equation reference, values and factors with provenance. */
  readonly detail?: ItemDetail;
  readonly note?: string;
  readonly children: readonly AuditNode[];
}

/** The audit trail: everything a verifier needs to re-run a calculation and compare it byte for byte. */
export interface AuditTrail {
  readonly format: 'smeltprint-audit';
  readonly formatVersion: 1;
  readonly tool: { readonly name: 'smeltprint'; readonly version: string };
  readonly arithmetic: {
    readonly library: string;
    readonly precision: 34;
    readonly rounding: 'ROUND_HALF_EVEN';
    readonly sums: string;
    readonly output: string;
  };
  readonly gwp: {
    readonly set: string;
    readonly name: string;
    readonly year: number;
    readonly horizonYears: number;
    readonly source: Readonly<Record<string, string>>;
    /** GWP100 per gas (kg CO2e per kg), as used. */
    readonly values: Readonly<Record<string, string>>;
    readonly valueSources: Readonly<Record<string, string>>;
    readonly notes: string;
  };
  readonly model: { readonly id: string; readonly name?: string };
  readonly period: { readonly start: string; readonly end: string };
  readonly region?: string;
  /**
   * How suppliers appear in the trees: `expanded` (nested under each exchange) or `referenced`
   * (an exchange gives its value and names the supplier, whose own tree is its entry in `products`).
   */
  readonly suppliers: 'expanded' | 'referenced';
  readonly products: readonly {
    readonly flow: string;
    readonly process: string;
    readonly declaredUnit: string;
    readonly total: string;
    readonly unit: 't CO2e';
    readonly explain: AuditNode;
  }[];
  readonly warnings: readonly { readonly code: string; readonly path: readonly (string | number)[]; readonly message: string; readonly severity: string }[];
  readonly digests: {
    readonly algorithm: 'SHA-256';
    readonly canonicalization: string;
    /** SHA-256 of the canonical JSON of the raw input document. */
    readonly document: string;
    /** SHA-256 of the canonical JSON of `footprintToJson(result)` (exact, unrounded). */
    readonly result: string;
    /** SHA-256 of the bytes of each file the document was filled from, in the order given. */
    readonly files?: readonly { readonly name: string; readonly sha256: string }[];
  };
}

/**
 * The trail ties a result to the document it came from: a missing document (its digest would be
 * that of "null"), a parsed Model (its digest is not the file's) or another model's document would
 * tie it to the wrong input, with nothing to show for it.
 */
function checkAuditOptions(result: FootprintResult, options: AuditOptions): void {
  const { document, flows } = options;
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InvalidOptionError('toAudit needs options.document: the model document (as read from the file) the result was computed from, for its digest');
  }
  if (isParsedModel(document)) throw new InvalidOptionError('options.document is a parsed Model; pass the document as read from the file (its digest is what a verifier recomputes)');
  const id = (document as { id?: unknown }).id;
  if (id !== result.model.id) {
    throw new InvalidOptionError(`options.document is model ${JSON.stringify(id)}, but the result is of model "${result.model.id}": pass the document the result was computed from`);
  }
  if (flows !== undefined && (!Array.isArray(flows) || !flows.every((flow) => typeof flow === 'string'))) throw new InvalidOptionError('options.flows is a list of product flows');
  const { files } = options;
  if (files !== undefined && (!Array.isArray(files) || !files.every((file) => typeof file?.name === 'string' && file.bytes instanceof Uint8Array))) {
    throw new InvalidOptionError('options.files is a list of { name, bytes } (bytes: a Uint8Array)');
  }
}

const CANONICALIZATION = 'canonicalJson: JSON with object keys sorted at every level by UTF-16 code units (RFC 8785 key order), no insignificant whitespace, UTF-8';

/**
 * The audit trail of a result: tool and version, the arithmetic (34 significant digits,
 * ROUND_HALF_EVEN, exact sums), the GWP set with the values used, each product's full calculation
 * tree (inputs with their document paths, methods with their equation references, factors with
 * provenance), and SHA-256 digests of the input document and of the result, each over canonical
 * JSON. Pure and deterministic: the same document gives the same trail, byte for byte, in Node and
 * in browsers (the hash is plain TypeScript).
 *
 * @example
 * const audit = toAudit(computeFootprints(document), { document });
 * audit.digests.document // 64 hex digits; changes whenever any input value changes
 * auditJsonText(audit);  // the bytes a verifier compares
 */
export function toAudit(result: FootprintResult, given: AuditOptions): AuditTrail {
  requireResult(result, 'toAudit');
  const options = optionsObject(given, 'toAudit', ['document', 'flows', 'suppliers', 'files']) as AuditOptions;
  checkAuditOptions(result, options);
  const flows = options.flows ?? result.products.map((p) => p.flow);
  const set = GWP_SETS[result.gwp];
  const byFlow = new Map(result.products.map((p) => [p.flow, p]));
  const mode = options.suppliers ?? 'auto';
  const suppliers = mode !== 'auto' ? mode : flows.length <= AUDIT_EXPANDED_PRODUCTS ? 'expanded' : 'referenced';
  const products = flows.map((flow) => {
    const tree = result.explain(flow, { suppliers });
    const product = byFlow.get(flow)!;
    return {
      flow,
      process: product.process,
      declaredUnit: formatQuantity(product.declaredUnit),
      total: toFixedString(product.total),
      unit: 't CO2e' as const,
      explain: nodeJson(tree),
    };
  });
  const trail: AuditTrail = {
    format: 'smeltprint-audit',
    formatVersion: 1,
    tool: { name: 'smeltprint', version: VERSION },
    arithmetic: {
      library: 'decimal.js (library-owned constructor made with Decimal.clone)',
      precision: 34,
      rounding: 'ROUND_HALF_EVEN',
      sums: 'exact: sums are accumulated without rounding, so every breakdown adds up to its total digit for digit',
      output: 'fixed-point decimal strings (no exponent), unrounded',
    },
    gwp: {
      set: set.id,
      name: set.name,
      year: set.year,
      horizonYears: set.horizonYears,
      source: plain(set.source as unknown as Record<string, string | undefined>),
      values: Object.fromEntries(Object.entries(set.values).map(([gas, value]) => [gas, toFixedString(value as Decimal)])),
      valueSources: plain(set.valueSources as Record<string, string | undefined>),
      notes: set.notes,
    },
    model: { ...result.model },
    period: { ...result.period },
    ...(result.region === undefined ? {} : { region: result.region }),
    suppliers,
    products,
    warnings: result.warnings.map((w) => ({ code: w.code, path: [...w.path], message: w.message, severity: w.severity })),
    digests: {
      algorithm: 'SHA-256',
      canonicalization: CANONICALIZATION,
      document: sha256Hex(canonicalJson(options.document)),
      result: sha256Hex(canonicalJson(footprintToJson(result))),
      ...(options.files === undefined ? {} : { files: options.files.map((file) => ({ name: file.name, sha256: sha256Hex(file.bytes) })) }),
    },
  };
  return deepFreeze(trail);
}

function nodeJson(node: ExplainNode): AuditNode {
  const gases: Record<string, string> = {};
  for (const gas of Object.keys(node.gases).sort()) gases[gas] = toFixedString(node.gases[gas]!);
  return {
    kind: node.kind,
    label: node.label,
    ...(node.path === undefined ? {} : { path: node.path }),
    value: toFixedString(node.value),
    gases,
    ...(node.quantity === undefined ? {} : { quantity: node.quantity }),
    ...(node.coefficient === undefined ? {} : { coefficient: node.coefficient }),
    ...(node.unitFootprint === undefined ? {} : { unitFootprint: node.unitFootprint }),
    ...(node.detail === undefined ? {} : { detail: JSON.parse(JSON.stringify(node.detail)) as ItemDetail }),
    ...(node.note === undefined ? {} : { note: node.note }),
    children: node.children.map(nodeJson),
  };
}

function plain(record: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(record).sort()) {
    const value = record[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
