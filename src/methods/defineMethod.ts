import type { MethodDefinition } from './types.js';

/**
 * Freezes a method definition (and its parameter specs) and gives its literal the
 * MethodDefinition type, so `evaluate` is checked against the contract.
 *
 * @example
 * export const myMethod = defineMethod({ id: 'acme-2025/zinc/roaster', title: 'Roaster CO2', citation: 'Acme 2025 Eq. 1',
 *   parameters: {}, evaluate: (params, context) => ... });
 */
export function defineMethod(definition: MethodDefinition): MethodDefinition {
  return Object.freeze({ ...definition, parameters: Object.freeze({ ...definition.parameters }) });
}
