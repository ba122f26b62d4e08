/**
 * @assay/sdk — trace an LLM app into Assay.
 *
 *   import '@assay/sdk/register'          // or: init({ url, apiKey })
 *   import { trace, prompts, feedback, setActiveModel } from '@assay/sdk'
 */

export { ApiCallError } from './api-client.js'
export { ATTR, SPAN_KINDS, type SpanKind } from './attributes.js'
export type { AssayOptions } from './config.js'
export { type FeedbackInput, type FeedbackSource, feedback } from './feedback/log-feedback.js'
export {
  type ActiveModelOptions,
  activeModelId,
  clearActiveModel,
  type LoggedModelRef,
  setActiveModel,
} from './models/active-model.js'
export * from './prompts/index.js'
export { serialize } from './serialize.js'
export { type AssayHandle, init, spanProcessors } from './setup/init.js'
export { instrumentOpenAI } from './setup/instrument-openai.js'
export { flush, shutdown } from './setup/lifecycle.js'
export type { RetrievedDocument } from './steps/documents.js'
export { type TraceOptions, trace, type WithSpanOptions, withSpan } from './steps/trace.js'
export { currentTraceId, setTraceAttributes, type TraceAttributes } from './steps/trace-attributes.js'
