// A plan is what the server does with one model call. Scripts, markers and one-shot
// queues all produce plans, and they merge, so "this rule's verdict" and "this
// marker's delay" can apply to the same request. An empty plan is the default answer.

/** An HTTP error answered in OpenAI's error JSON shape. */
export interface ErrorPlan {
  status: number
  message?: string
  /** OpenAI's `error.type`; derived from the status when absent. */
  type?: string
  code?: string | null
  /** Seconds, sent as `Retry-After` (fractions allowed: the openai client parses floats). */
  retryAfter?: number
  /** Milliseconds, sent as `retry-after-ms`, which the openai client prefers to `Retry-After`. */
  retryAfterMs?: number
  /** A raw body instead of the error JSON, e.g. a proxy's HTML 502 page. */
  body?: string
}

export interface ToolCallPlan {
  name: string
  /** An object is serialized; a string is sent as is (it may be invalid JSON on purpose). */
  arguments?: string | Record<string, unknown>
}

export interface Plan {
  /** The assistant text, verbatim. Wins over every generated answer. */
  content?: string
  /** A value serialized as the assistant text: the structured-output answer to give. */
  json?: unknown
  /** Properties merged into the generated JSON answer, e.g. `{ verdict: 'no' }`. */
  set?: Record<string, unknown>
  /** Properties removed from the generated JSON answer, e.g. `['rationale']`. */
  omit?: string[]
  /** Cut the answer in half, so a JSON answer no longer parses. */
  malformed?: boolean
  /** Answer with these tool calls instead of text. */
  toolCalls?: ToolCallPlan[]
  /** Answer this error instead of a completion. */
  error?: ErrorPlan
  /** Wait this long before answering, on top of the server's `latencyMs`. */
  delayMs?: number
  /** Wait this long between streamed chunks. */
  chunkDelayMs?: number
  finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter'
  /** Token counts to report instead of the counted ones. */
  usage?: { promptTokens?: number; completionTokens?: number }
  /** Close the connection without answering: a network failure. */
  disconnect?: boolean
}

/** The request as scripts see it. */
export interface LlmRequest {
  /** `/v1/chat/completions`, `/v1/responses` or `/v1/embeddings`. */
  path: string
  model: string
  /** Text of the last user message (or of the embedding input). */
  lastUserText: string
  body: Record<string, unknown>
  headers: Record<string, string | string[] | undefined>
}

/** Decides a plan for a request; `undefined` leaves the request to the next rule. */
export type Responder = (req: LlmRequest) => Plan | undefined | Promise<Plan | undefined>

/** A plan for requests that match every given condition. */
export interface Rule {
  model?: string | RegExp
  /** A substring of the last user message, e.g. `'[[judge:safety]]'`. */
  marker?: string
  text?: RegExp
  path?: string
  reply: Plan | Responder
  /** Apply at most this many times, then drop the rule. */
  times?: number
}

export function mergePlans(...plans: (Plan | undefined)[]): Plan {
  const merged: Plan = {}
  for (const plan of plans) {
    if (!plan) continue
    const set = merged.set || plan.set ? { ...merged.set, ...plan.set } : undefined
    const omit = merged.omit || plan.omit ? [...(merged.omit ?? []), ...(plan.omit ?? [])] : undefined
    Object.assign(merged, plan)
    if (set) merged.set = set
    if (omit) merged.omit = omit
  }
  return merged
}
