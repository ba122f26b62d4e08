import type OpenAI from 'openai'
import { type AbortReason, classifyError } from './classify-error.js'
import type { ModelAnswer } from './model-answer.js'
import { readCompletion, readStream } from './read-completion.js'
import { requestBody, wantsStream } from './request-body.js'
import type { DeliveryMode, StructuredPrompt } from './structured-prompt.js'

/**
 * One HTTP attempt, bounded by `timeoutMs` from the request until the last
 * streamed byte (the client's own timeout only covers the headers). Throws
 * a `ModelCallError`.
 */
export async function sendRequest(
  client: OpenAI,
  prompt: StructuredPrompt,
  mode: DeliveryMode,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<ModelAnswer> {
  const controller = new AbortController()
  let reason: AbortReason
  const onCancel = () => {
    reason ??= 'cancelled'
    controller.abort()
  }
  const timer = setTimeout(() => {
    reason ??= 'timeout'
    controller.abort()
  }, timeoutMs)
  if (signal?.aborted) onCancel()
  else signal?.addEventListener('abort', onCancel, { once: true })
  try {
    const body = requestBody(prompt, mode)
    const options = { signal: controller.signal, timeout: timeoutMs + 1000, maxRetries: 0 }
    const toolName = prompt.output.name
    if (wantsStream(prompt)) {
      const stream = (await client.chat.completions.create(
        body as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming,
        options,
      )) as AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>
      const answer = await readStream(stream, mode, toolName, prompt.model)
      // The openai stream ends quietly when aborted, so a cut-off answer must be caught here.
      if (controller.signal.aborted) throw classifyError(undefined, reason ?? 'cancelled', timeoutMs)
      return answer
    }
    const completion = await client.chat.completions.create(
      body as unknown as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming,
      options,
    )
    return readCompletion(completion, mode, toolName, prompt.model)
  } catch (error) {
    throw classifyError(error, reason, timeoutMs)
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onCancel)
  }
}
