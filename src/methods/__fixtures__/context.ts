import { builtinFactorRegistry, resolveFactor } from '../../factors/index.js';
import { quantity } from '../../quantity/index.js';
import type { MethodContext } from '../types.js';

const factors = builtinFactorRegistry();

/** A method context over the built-in datasets: 100000 t reference output, calendar year 2023, CN-NM. */
export function testContext(overrides: Partial<MethodContext> = {}): MethodContext {
  const period = overrides.period ?? { start: '2023-01-01', end: '2023-12-31' };
  return {
    processId: 'electrolysis',
    production: quantity('100000', 't'),
    period,
    region: 'CN-NM',
    gwp: 'AR5',
    resolveFactor: (query) => resolveFactor(factors, { period, ...query }),
    path: ['processes', 0, 'emissions', 1, 'with'],
    ...overrides,
  };
}
