export * from './types.js';
export { parseParameters, type ParsedParameters, type DefaultUsed } from './params.js';
export { createMethodRegistry, registerMethod, evaluateMethod, type MethodRegistry } from './registry.js';
export { defineMethod } from './defineMethod.js';
export { BUILTIN_METHODS, defaultMethodRegistry } from './builtins.js';
export {
  CO2_PER_CARBON,
  HUNDRED,
  AS_RECORDED,
  parameterTerm,
  factorTerm,
  parameterOrDefault,
  productionTerm,
  derivedTerm,
  defaultTerm,
  quantityTerm,
  enumParameter,
  methodResult,
  describeSource,
  type Term,
} from './terms.js';
export { genericFuelCombustion } from './generic/fuel-combustion.js';
export { carbonateDecomposition, CARBONATES } from './generic/carbonate-decomposition.js';
export { ipcc2006AluminiumTier1Co2 } from './ipcc-2006/aluminium/tier1-co2.js';
export { ipcc2006AluminiumPrebakeAnodeCo2 } from './ipcc-2006/aluminium/prebake-anode-co2.js';
export { ipcc2006AluminiumPitchVolatilesCo2 } from './ipcc-2006/aluminium/pitch-volatiles-co2.js';
export { ipcc2006AluminiumPackingCokeCo2 } from './ipcc-2006/aluminium/packing-coke-co2.js';
export { ipcc2006AluminiumSoderbergPasteCo2 } from './ipcc-2006/aluminium/soderberg-paste-co2.js';
export { ipcc2006AluminiumPfcTier1, IPCC_2006_TECHNOLOGIES } from './ipcc-2006/aluminium/pfc-tier1.js';
export { ipcc2006AluminiumPfcSlope } from './ipcc-2006/aluminium/pfc-slope.js';
export { ipcc2006AluminiumPfcOvervoltage } from './ipcc-2006/aluminium/pfc-overvoltage.js';
export { ipcc2019AluminiumPfcTier1, IPCC_2019_TECHNOLOGIES } from './ipcc-2019/aluminium/pfc-tier1.js';
export { ipcc2019AluminiumPfcSlope } from './ipcc-2019/aluminium/pfc-slope.js';
export { cnNdrc2013AluminiumAnodeCo2 } from './cn-ndrc-2013/aluminium/anode-co2.js';
export { cnNdrc2013AluminiumPfc } from './cn-ndrc-2013/aluminium/pfc.js';
export { cnNdrc2013AluminiumLimestone } from './cn-ndrc-2013/aluminium/limestone.js';
export { cnNdrc2013FuelCombustion, CN_NDRC_2013_FUELS } from './cn-ndrc-2013/fuel-combustion.js';
export { cnMee2024AluminiumAnodeCo2 } from './cn-mee-2024/aluminium/anode-co2.js';
export {
  NONFERROUS_METHODS,
  carbonMassBalance,
  cnNdrc2015Carbonate,
  cnNdrc2015OxalicAcid,
  cnNdrc2015Reductant,
  ipcc2006LeadTier1,
  ipcc2006ZincTier1,
} from './nonferrous.js';
