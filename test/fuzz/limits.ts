// Models at the size limits the library promises to handle: a chain of n processes, each using
// the one before it, and one process with n inputs (half from a supplier, half priced by a factor).
import { Decimal } from '../../src/decimal/decimal.js';
import { baseDocument } from './arbitraries.js';

/** `n` processes in a line; the last product carries n × 0.001 t CO2 per t. */
export function chainDocument(n: number): Record<string, unknown> {
  const processes = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    outputs: [{ flow: `f${i}`, amount: '1', unit: 't' }],
    inputs: i === 0 ? [] : [{ flow: `f${i - 1}`, amount: '1', unit: 't', from: `p${i - 1}` }],
    emissions: [{ gas: 'CO2', amount: '0.001', unit: 't', category: 'process' }],
  }));
  return baseDocument(processes);
}

/**
 * One process `wide` with `n` inputs of 0.001 t each: even ones from `supplier` (0.001 t CO2 per
 * t), odd ones priced by fuzz/material (2.1 t CO2e per t).
 */
export function wideDocument(n: number): Record<string, unknown> {
  const inputs = Array.from({ length: n }, (_, i) =>
    i % 2 === 0 ? { flow: 'supply', amount: '0.001', unit: 't', from: 'supplier' } : { flow: `material-${i}`, amount: '0.001', unit: 't', factor: 'fuzz/material' },
  );
  return baseDocument([
    { id: 'supplier', outputs: [{ flow: 'supply', amount: '1', unit: 't' }], emissions: [{ gas: 'CO2', amount: '0.001', unit: 't', category: 'process' }] },
    { id: 'wide', outputs: [{ flow: 'product', amount: '1', unit: 't' }], inputs },
  ]);
}

/** Expected total of `wideDocument(n)`'s product, by hand: ⌈n/2⌉ × 0.001 × 0.001 + ⌊n/2⌋ × 0.001 × 2.1. */
export function wideTotal(n: number): string {
  return new Decimal(Math.ceil(n / 2)).times('0.000001').plus(new Decimal(Math.floor(n / 2)).times('0.0021')).toFixed();
}
