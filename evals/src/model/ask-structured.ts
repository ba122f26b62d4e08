import type { JudgeUsage } from '../types.js'
import { cacheKey, JudgeCache } from './judge-cache.js'
import { addUsage, emptyUsage } from './judge-usage.js'
import type { ModelAnswer } from './model-answer.js'
import { ModelCallError } from './model-error.js'
import { openaiClient } from './openai-client.js'
import { answerParams } from './request-body.js'
import { OPENAI_BASE_URL, type ResolvedJudgeModelOptions } from './resolve-options.js'
import { sendRequest } from './send-request.js'
import { rejectsStructuredOutput, structuredOutputSupport } from './structured-output-support.js'
import type { StructuredPrompt } from './structured-prompt.js'
import { withRetries } from './with-retries.js'

export type Acceptance<T> = { ok: true; value: T } | { ok: false; reason: string }

export interface StructuredCall<T> {
  prompt: StructuredPrompt
  /** What else determines the answer, for the cache key: the judge's name and version. */
  scope: Record<string, unknown>
  options: ResolvedJudgeModelOptions
  signal?: AbortSignal
  /** Reads an answer into a value, or says why it is unusable. Only accepted answers are cached. */
  accept: (answer: ModelAnswer) => Acceptance<T>
}

export type StructuredOutcome<T> =
  | { ok: true; value: T; usage: JudgeUsage; cached: boolean }
  | { ok: false; error: string; usage: JudgeUsage }

/**
 * One judge call: the cache first (a hit makes no HTTP call and takes no
 * limiter slot), then attempts under the limiter with retries, the
 * structured-output fallback, and usage accounting. Never throws.
 *
 * @example
 * const outcome = await askStructured({ prompt, scope: { judge: 'correctness', version: 1 }, options, accept })
 * if (!outcome.ok) console.log(outcome.error)
 */
export async function askStructured<T>(call: StructuredCall<T>): Promise<StructuredOutcome<T>> {
  const { options, signal } = call
  let usage: JudgeUsage = { ...emptyUsage(), calls: 1 }
  const cache = options.cacheDir ? new JudgeCache(options.cacheDir) : undefined
  const key = cache ? keyOf(call) : ''
  const hit = cache ? await cache.get(key) : undefined
  if (hit) {
    const noTokens = { input: 0, output: 0, cached: 0 }
    const accepted = call.accept({ ...hit, usage: noTokens, finishReason: 'stop', refusal: null })
    if (accepted.ok)
      return { ok: true, value: accepted.value, usage: { ...usage, cachedCalls: 1 }, cached: true }
  }
  if (options.apiKey === undefined && options.baseURL === OPENAI_BASE_URL) {
    return { ok: false, error: 'no API key for the judge model: set OPENAI_API_KEY or pass apiKey', usage }
  }
  try {
    const answer = await withRetries(() => limited(options, () => attempt(call)), {
      maxAttempts: options.maxAttempts,
      baseDelayMs: options.retryBaseDelayMs,
      signal,
    })
    usage = addUsage(usage, answer.model, answer.usage)
    const accepted = call.accept(answer)
    if (!accepted.ok) return { ok: false, error: accepted.reason, usage }
    await cache?.put(key, { content: answer.content, model: answer.model })
    return { ok: true, value: accepted.value, usage, cached: false }
  } catch (error) {
    const message = error instanceof ModelCallError ? error.message : String(error)
    return { ok: false, error: `judge model call failed: ${message}`, usage }
  }
}

function limited<T>(options: ResolvedJudgeModelOptions, fn: () => Promise<T>): Promise<T> {
  return options.limiter ? options.limiter(fn) : fn()
}

async function attempt(call: StructuredCall<unknown>): Promise<ModelAnswer> {
  const { prompt, options, signal } = call
  if (signal?.aborted) throw new ModelCallError('cancelled', 'cancelled')
  const client = openaiClient(options.baseURL, options.apiKey)
  const mode = structuredOutputSupport.modeFor(options.baseURL)
  try {
    return await sendRequest(client, prompt, mode, options.timeoutMs, signal)
  } catch (error) {
    if (mode !== 'json_schema' || !(error instanceof ModelCallError) || !rejectsStructuredOutput(error)) {
      throw error
    }
    structuredOutputSupport.rememberFallback(options.baseURL)
    return await sendRequest(client, prompt, 'tool', options.timeoutMs, signal)
  }
}

/**
 * Everything that determines the answer. The delivery mode is not part of
 * it: the fallback carries the same schema, so either mode's answer serves.
 */
function keyOf(call: StructuredCall<unknown>): string {
  const { prompt, options, scope } = call
  return cacheKey({
    baseURL: options.baseURL,
    model: prompt.model,
    messages: prompt.messages,
    output: prompt.output,
    params: answerParams(prompt),
    scope,
  })
}
