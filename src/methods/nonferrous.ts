import { carbonMassBalance } from './carbon-mass-balance.js';
import { cnNdrc2015Carbonate } from './cn-ndrc-2015/carbonate.js';
import { cnNdrc2015OxalicAcid } from './cn-ndrc-2015/oxalic-acid.js';
import { cnNdrc2015Reductant } from './cn-ndrc-2015/reductant.js';
import { ipcc2006LeadTier1 } from './ipcc-2006/lead/tier1.js';
import { ipcc2006ZincTier1 } from './ipcc-2006/zinc/tier1.js';
import type { MethodDefinition } from './types.js';

export { carbonMassBalance } from './carbon-mass-balance.js';
export { cnNdrc2015Carbonate } from './cn-ndrc-2015/carbonate.js';
export { cnNdrc2015OxalicAcid } from './cn-ndrc-2015/oxalic-acid.js';
export { cnNdrc2015Reductant } from './cn-ndrc-2015/reductant.js';
export { ipcc2006LeadTier1 } from './ipcc-2006/lead/tier1.js';
export { ipcc2006ZincTier1 } from './ipcc-2006/zinc/tier1.js';

/**
 * The copper, lead and zinc methods (issue 4): IPCC 2006 lead and zinc Tier 1, the carbon mass
 * balance, and the NDRC 2015 other non-ferrous guideline's reductant, carbonate and oxalic acid.
 *
 * @example
 * createMethodRegistry([...NONFERROUS_METHODS]).has('ipcc-2006/zinc/tier1'); // true
 */
export const NONFERROUS_METHODS: readonly MethodDefinition[] = Object.freeze([
  ipcc2006LeadTier1,
  ipcc2006ZincTier1,
  carbonMassBalance,
  cnNdrc2015Reductant,
  cnNdrc2015Carbonate,
  cnNdrc2015OxalicAcid,
]);
