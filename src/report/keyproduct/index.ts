export { keyProductReport, DEFAULT_REPORT_ROUNDING } from './keyProductReport.js';
export { keyProductMarkdown } from './keyProductMarkdown.js';
export { keyProductHtml } from './keyProductHtml.js';
export { reportBlocks } from './reportBlocks.js';
export type { ReportBlock } from './reportBlocks.js';
export { messagesFor } from './messages.js';
export type { Messages } from './messages.js';
export { inferMetal, metalOfFlow } from './inferMetal.js';
export { supplyChain } from './supplyChain.js';
export type { SupplyChain, ItemContribution, DirectFlow, ExchangeFlow } from './supplyChain.js';
export { METALS, LIFE_CYCLE_STAGES } from './types.js';
export type {
  AllocationStatement,
  ContributionRow,
  CutOffItem,
  DataItem,
  FactorUse,
  GwpRow,
  KeyProductOptions,
  KeyProductReport,
  LifeCycleStage,
  Metal,
  ReportLanguage,
  SankeyFlow,
} from './types.js';
