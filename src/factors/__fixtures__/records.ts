import { Decimal } from '../../decimal/decimal.js';
import { parseUnit } from '../../units/index.js';
import type { FactorRecord } from '../types.js';

/** A hand-built grid factor record for registry and resolution tests (value is irrelevant there). */
export function gridRecord(fields: {
  id: string;
  families?: string[];
  region?: string;
  covers?: string[];
  valid?: { from: string; to: string };
  dataset?: string;
}): FactorRecord {
  return Object.freeze({
    id: fields.id,
    value: new Decimal('0.5'),
    unit: parseUnit('t CO2/MWh'),
    gas: 'CO2' as const,
    families: Object.freeze([...(fields.families ?? [])]),
    source: { title: `test source for ${fields.id}` },
    confidence: 'R' as const,
    ...(fields.region === undefined ? {} : { region: fields.region }),
    ...(fields.covers === undefined ? {} : { covers: Object.freeze([...fields.covers]) }),
    ...(fields.valid === undefined ? {} : { valid: fields.valid }),
    ...(fields.dataset === undefined ? {} : { dataset: fields.dataset }),
  });
}

/** The calendar year as a validity interval. */
export function year(y: number): { from: string; to: string } {
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}
