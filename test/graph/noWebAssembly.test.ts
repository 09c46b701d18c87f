import { afterEach, describe, expect, it, vi } from 'vitest';
import { smelterChainDocument } from '../../bench/generate.js';

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

/** The footprints of a 300-process chain (past POOLED_MIN_PRODUCTS) as JSON text. */
async function footprintText(): Promise<string> {
  const { computeFootprints } = await import('../../src/compute/computeFootprints.js');
  const { footprintJsonText } = await import('../../src/report/json.js');
  return footprintJsonText(computeFootprints(smelterChainDocument({ processes: 300, loopSize: 5, seed: 3 })));
}

describe('a runtime without WebAssembly', () => {
  it('has no word pool, and the solve takes the Decimal path with the same numbers', async () => {
    const { hasWasmPool } = await import('../../src/decimal/wasmPool.js');
    expect(hasWasmPool()).toBe(true);
    const pooled = await footprintText();
    vi.resetModules();
    vi.stubGlobal('WebAssembly', undefined);
    const modules = await import('../../src/decimal/wasmPool.js');
    expect(modules.hasWasmPool()).toBe(false);
    const { Decimal, ZERO } = await import('../../src/decimal/decimal.js');
    expect(modules.newWordPool(Decimal, ZERO)).toBeUndefined();
    expect(await footprintText()).toBe(pooled);
  });
});
