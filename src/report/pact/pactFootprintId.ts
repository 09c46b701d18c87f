import { sha256 } from '../audit/sha256.js';
import { canonicalJson } from '../canonical.js';

/** smeltprint's namespace for name-based PACT footprint ids (a random UUID, fixed forever). */
export const PACT_ID_NAMESPACE = '90531920-64c0-4a47-b47d-40f147cfe89e';

/** What identifies one calculation of one product's footprint. */
export interface PactIdInput {
  readonly modelId: string;
  readonly flow: string;
  readonly period: { readonly start: string; readonly end: string };
  /** Revision of the calculation: a recalculation bumps it and so gets a new id. */
  readonly version: number;
  /** `declaredUnitAmount` in kg ("1" or "1000"): a different declared unit is a different footprint. */
  readonly declaredUnitAmount: string;
  /**
   * The GWP set, when not PACT's AR6, and the scope 2 method, when location-based: other numbers
   * from the same model are another footprint, with another id (formats.md §1.4). Left out for
   * AR6 and market-based, so those ids are the ones earlier versions gave.
   */
  readonly gwp?: string;
  readonly scope2?: 'location';
}

/**
 * A deterministic, name-based UUID for a footprint: the same model, product, period, version and
 * declared unit always give the same id. Built like a version-5 UUID (RFC 9562 §5.5: hash of a
 * namespace and a name), but with SHA-256 instead of SHA-1, so it carries version 8 (RFC 9562
 * §5.8, custom; Appendix B.2 shows this SHA-256 name-based construction).
 *
 * @example
 * pactFootprintId({ modelId: 'demo-aluminium', flow: 'aluminium-ingot',
 *   period: { start: '2025-01-01', end: '2025-12-31' }, version: 0, declaredUnitAmount: '1' })
 * // 'xxxxxxxx-xxxx-8xxx-[89ab]xxx-xxxxxxxxxxxx', the same on every run
 */
export function pactFootprintId(input: PactIdInput): string {
  const name = canonicalJson({
    declaredUnitAmount: input.declaredUnitAmount,
    flow: input.flow,
    ...(input.gwp === undefined || input.gwp === 'AR6' ? {} : { gwp: input.gwp }),
    modelId: input.modelId,
    period: { end: input.period.end, start: input.period.start },
    ...(input.scope2 === undefined ? {} : { scope2: input.scope2 }),
    version: input.version,
  });
  const nameBytes = new TextEncoder().encode(name);
  const namespace = uuidBytes(PACT_ID_NAMESPACE);
  const message = new Uint8Array(namespace.length + nameBytes.length);
  message.set(namespace);
  message.set(nameBytes, namespace.length);
  const bytes = sha256(message).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80; // version 8 in the high nibble of octet 6
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // variant 10xx (RFC 9562 §4.1)
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function uuidBytes(uuid: string): Uint8Array {
  const hex = uuid.replace(/-/g, '');
  const out = new Uint8Array(16);
  for (let i = 0; i < 16; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
