// The judge model client: structured calls to any OpenAI-compatible endpoint
// with retries, timeouts, a structured-output fallback and an on-disk cache.
export {
  type Acceptance,
  askStructured,
  type StructuredCall,
  type StructuredOutcome,
} from './ask-structured.js'
export { backoffDelayMs } from './backoff.js'
export { canonicalJson } from './canonical-json.js'
export { cacheKey, JudgeCache } from './judge-cache.js'
export { addUsage, callCostUsd, emptyUsage, sumUsage } from './judge-usage.js'
export type { ModelAnswer } from './model-answer.js'
export { ModelCallError, type ModelErrorKind } from './model-error.js'
export { type ResolvedJudgeModelOptions, resolveJudgeModelOptions } from './resolve-options.js'
export { retryAfterMs } from './retry-after.js'
export { StructuredOutputSupport, structuredOutputSupport } from './structured-output-support.js'
export type { ChatMessage, DeliveryMode, OutputSchema, StructuredPrompt } from './structured-prompt.js'
