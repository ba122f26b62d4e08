import type { TokenUsage } from '@assay/core'

/** What one successful HTTP call produced, whether or not it is usable. */
export interface ModelAnswer {
  /** The assistant text, or the forced tool call's arguments. '' when there was none. */
  content: string
  /** The model that answered (the response's `model`), else the one asked for. */
  model: string
  usage: TokenUsage
  finishReason: string | null
  /** A refusal the model gave instead of an answer. */
  refusal: string | null
}
