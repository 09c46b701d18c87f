export { RULEBOOK_IDS, type RulebookId, type Rulebook, type Finding, type RuleName, type CheckOptions, type ReportedItem } from './types.js';
export { RULEBOOKS } from './definitions.js';
export { listRulebooks, getRulebook } from './listRulebooks.js';
export { checkModel } from './checkModel.js';
export { reportedItems, roundedItemsGap } from './reportedItems.js';
export { primaryAluminiumProcesses, type PrimaryAluminiumProcess } from './primaryAluminium.js';
export { finding } from './finding.js';
