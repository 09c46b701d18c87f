export { simulate, percentile, type SimulateOptions, type SimulationResult, type ProductDistribution } from './simulate.js';
export { propagateAnalytic, type AnalyticOptions, type AnalyticResult, type ProductAnalyticUncertainty } from './propagateAnalytic.js';
export { uncertainModel, type UncertaintyOptions, type UncertainTerm, type UncertainModel } from './uncertainModel.js';
export { termDistribution, standardNormal, type TermDistribution } from './distributions.js';
export { seededRandom, type RandomSource } from './random.js';
export { portableLog, portableExp } from './floatMath.js';
export { parseUncertaintyMap } from './parseUncertaintyMap.js';
