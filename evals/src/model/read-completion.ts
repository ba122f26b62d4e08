import type OpenAI from 'openai'
import type { ModelAnswer } from './model-answer.js'
import type { DeliveryMode } from './structured-prompt.js'

type Completion = OpenAI.Chat.Completions.ChatCompletion
type Chunk = OpenAI.Chat.Completions.ChatCompletionChunk

/** The answer in a plain (not streamed) chat completion. */
export function readCompletion(completion: Completion, mode: DeliveryMode, toolName: string, asked: string) {
  const message = completion.choices?.[0]?.message
  const calls = message?.tool_calls?.filter((call) => call.type === 'function') ?? []
  const call = calls.find((c) => c.function.name === toolName) ?? calls[0]
  const content = mode === 'tool' ? (call?.function.arguments ?? message?.content) : message?.content
  return answer(
    content ?? '',
    completion.model || asked,
    completion.usage,
    completion.choices?.[0]?.finish_reason ?? null,
    message?.refusal ?? null,
  )
}

/**
 * Assembles a streamed completion: text deltas, or the tool call's
 * argument pieces (by index), the finish reason, and the usage chunk that
 * `stream_options.include_usage` adds at the end.
 */
export async function readStream(
  stream: AsyncIterable<Chunk>,
  mode: DeliveryMode,
  toolName: string,
  asked: string,
): Promise<ModelAnswer> {
  let text = ''
  let refusal: string | null = null
  let finishReason: string | null = null
  let model = ''
  let usage: Chunk['usage'] | undefined
  const tools = new Map<number, { name: string; args: string }>()
  for await (const chunk of stream) {
    model ||= chunk.model
    if (chunk.usage) usage = chunk.usage
    const choice = chunk.choices?.[0]
    if (!choice) continue
    finishReason = choice.finish_reason ?? finishReason
    const delta = choice.delta
    if (delta?.content) text += delta.content
    if (delta?.refusal) refusal = (refusal ?? '') + delta.refusal
    for (const piece of delta?.tool_calls ?? []) {
      const tool = tools.get(piece.index) ?? { name: '', args: '' }
      tool.name += piece.function?.name ?? ''
      tool.args += piece.function?.arguments ?? ''
      tools.set(piece.index, tool)
    }
  }
  const calls = [...tools.values()]
  const call = calls.find((c) => c.name === toolName) ?? calls[0]
  const content = mode === 'tool' && call ? call.args : text
  return answer(content, model || asked, usage, finishReason, refusal)
}

function answer(
  content: string,
  model: string,
  usage: Completion['usage'] | null | undefined,
  finishReason: string | null,
  refusal: string | null,
): ModelAnswer {
  const input = usage?.prompt_tokens ?? 0
  return {
    content,
    model,
    usage: {
      input,
      output: usage?.completion_tokens ?? 0,
      cached: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    },
    finishReason,
    refusal,
  }
}
