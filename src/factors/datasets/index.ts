import type { FactorRecord } from '../types.js';
import { loadDataset } from '../loadDataset.js';
import { createFactorRegistry, type FactorRegistry } from '../registry.js';
import ipcc2006Aluminium from './ipcc-2006-aluminium.json' with { type: 'json' };
import ipcc2019Aluminium from './ipcc-2019-aluminium.json' with { type: 'json' };
import cnNdrc2013 from './cn-ndrc-2013.json' with { type: 'json' };
import cnNdrc2015Carbonates from './cn-ndrc-2015-carbonates.json' with { type: 'json' };
import cnMee2024Aluminium from './cn-mee-2024-aluminium.json' with { type: 'json' };
import cnMeeGrid from './cn-mee-grid.json' with { type: 'json' };
import stoichiometricCarbonates from './carbonates.json' with { type: 'json' };
import ipcc2006LeadZinc from './ipcc-2006-lead-zinc.json' with { type: 'json' };
import cnNdrc2015 from './cn-ndrc-2015.json' with { type: 'json' };

// Built-in datasets are JSON data files beside this module, one per publication and vintage,
// imported as `import name from './name.json' with { type: 'json' };` and listed below.

/**
 * The raw (unvalidated) JSON of every built-in dataset, in a fixed order.
 *
 * @example
 * BUILTIN_DATASETS.length // number of built-in dataset files
 */
export const BUILTIN_DATASETS: readonly unknown[] = Object.freeze([
  // Aluminium and carbonates (issue 3).
  ipcc2006Aluminium,
  ipcc2019Aluminium,
  cnNdrc2013,
  cnNdrc2015Carbonates,
  cnMee2024Aluminium,
  cnMeeGrid,
  stoichiometricCarbonates,
  // Copper, lead, zinc and recycled metals (issue 4).
  ipcc2006LeadZinc,
  cnNdrc2015,
]);

/**
 * Every record of the built-in datasets, validated. Loaded afresh on each call (no cache).
 *
 * @example
 * builtinFactorRecords().every((record) => record.dataset !== undefined) // true
 */
export function builtinFactorRecords(): readonly FactorRecord[] {
  return Object.freeze(BUILTIN_DATASETS.flatMap((raw) => loadDataset(raw)));
}

// The built-in datasets are immutable data: validating them on every call cost ~40 ms per model
// (issue 7, batch of plant-month models). Built once, on first use, and frozen.
let builtinRegistry: FactorRegistry | undefined;

/**
 * A registry of the built-in datasets; merge a model's own factors into it with `mergeRegistries`.
 * Built once, lazily, and shared (the registry is immutable).
 *
 * @example
 * const registry = mergeRegistries(builtinFactorRegistry(), createFactorRegistry(modelFactorRecords));
 */
export function builtinFactorRegistry(): FactorRegistry {
  builtinRegistry ??= Object.freeze(createFactorRegistry(builtinFactorRecords()));
  return builtinRegistry;
}
