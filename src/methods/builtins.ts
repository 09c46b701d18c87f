import { cnMee2024AluminiumAnodeCo2 } from './cn-mee-2024/aluminium/anode-co2.js';
import { cnNdrc2013AluminiumAnodeCo2 } from './cn-ndrc-2013/aluminium/anode-co2.js';
import { cnNdrc2013AluminiumLimestone } from './cn-ndrc-2013/aluminium/limestone.js';
import { cnNdrc2013AluminiumPfc } from './cn-ndrc-2013/aluminium/pfc.js';
import { cnNdrc2013FuelCombustion } from './cn-ndrc-2013/fuel-combustion.js';
import { carbonateDecomposition } from './generic/carbonate-decomposition.js';
import { genericFuelCombustion } from './generic/fuel-combustion.js';
import { ipcc2006AluminiumPackingCokeCo2 } from './ipcc-2006/aluminium/packing-coke-co2.js';
import { ipcc2006AluminiumPfcOvervoltage } from './ipcc-2006/aluminium/pfc-overvoltage.js';
import { ipcc2006AluminiumPfcSlope } from './ipcc-2006/aluminium/pfc-slope.js';
import { ipcc2006AluminiumPfcTier1 } from './ipcc-2006/aluminium/pfc-tier1.js';
import { ipcc2006AluminiumPitchVolatilesCo2 } from './ipcc-2006/aluminium/pitch-volatiles-co2.js';
import { ipcc2006AluminiumPrebakeAnodeCo2 } from './ipcc-2006/aluminium/prebake-anode-co2.js';
import { ipcc2006AluminiumSoderbergPasteCo2 } from './ipcc-2006/aluminium/soderberg-paste-co2.js';
import { ipcc2006AluminiumTier1Co2 } from './ipcc-2006/aluminium/tier1-co2.js';
import { ipcc2019AluminiumPfcSlope } from './ipcc-2019/aluminium/pfc-slope.js';
import { ipcc2019AluminiumPfcTier1 } from './ipcc-2019/aluminium/pfc-tier1.js';
import { NONFERROUS_METHODS } from './nonferrous.js';
import { createMethodRegistry, type MethodRegistry } from './registry.js';
import type { MethodDefinition } from './types.js';

/**
 * Every built-in method definition.
 *
 * @example
 * BUILTIN_METHODS.map((m) => m.id).includes('ipcc-2006/aluminium/pfc-slope') // true
 */
export const BUILTIN_METHODS: readonly MethodDefinition[] = Object.freeze([
  genericFuelCombustion,
  carbonateDecomposition,
  ipcc2006AluminiumTier1Co2,
  ipcc2006AluminiumPrebakeAnodeCo2,
  ipcc2006AluminiumPitchVolatilesCo2,
  ipcc2006AluminiumPackingCokeCo2,
  ipcc2006AluminiumSoderbergPasteCo2,
  ipcc2006AluminiumPfcTier1,
  ipcc2006AluminiumPfcSlope,
  ipcc2006AluminiumPfcOvervoltage,
  ipcc2019AluminiumPfcTier1,
  ipcc2019AluminiumPfcSlope,
  cnNdrc2013AluminiumAnodeCo2,
  cnNdrc2013AluminiumPfc,
  cnNdrc2013FuelCombustion,
  cnNdrc2013AluminiumLimestone,
  cnMee2024AluminiumAnodeCo2,
  // Copper, lead, zinc (issue 4).
  ...NONFERROUS_METHODS,
]);

/**
 * A registry of all built-in methods (a new immutable registry on each call).
 *
 * @example
 * defaultMethodRegistry().has('cn-ndrc-2013/aluminium/anode-co2') // true
 */
export function defaultMethodRegistry(): MethodRegistry {
  return createMethodRegistry(BUILTIN_METHODS);
}
