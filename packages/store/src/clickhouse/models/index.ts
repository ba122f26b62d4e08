// ClickHouse reads for LoggedModels: trace totals to compare versions, and the prompt versions a model used.
export {
  type ModelPromptPage,
  type ModelPromptsOptions,
  type ModelPromptUse,
  modelPrompts,
} from './model-prompts.js'
export {
  type ModelTotal,
  type ModelTraceStats,
  type ModelTraceStatsOptions,
  modelTraceStats,
} from './model-trace-stats.js'
