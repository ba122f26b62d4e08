// POST /v1/chat/completions, plain and streamed. The stream follows OpenAI's chunk
// order (role, content or tool-call deltas, finish reason, then the usage chunk when
// `stream_options.include_usage` asks for it, then [DONE]) so SDK stream helpers and
// instrumentations that reassemble chunks see what they see in production.
import { type Answer, answer } from '../answer.js'
import { sendJson, sleep, startEvents, writeEvent } from '../http.js'
import { contentText, isRecord, type Prompt, type PromptTool, toolChoiceName } from '../prompt.js'
import { type Call, chunks, type ModelRoute, nowSeconds } from './route.js'

interface ChatRequest extends Prompt {
  stream: boolean
  includeUsage: boolean
}

export const chatRoute: ModelRoute<ChatRequest> = {
  parse(body) {
    if (typeof body.model !== 'string') return 'model is required'
    if (!Array.isArray(body.messages) || body.messages.length === 0)
      return 'messages must be a non-empty array'
    const messages = body.messages.filter(isRecord)
    const last = messages.at(-1)
    return {
      model: body.model,
      texts: messages.map((m) => contentText(m.content)),
      lastUserText: contentText(messages.findLast((m) => m.role === 'user')?.content),
      afterToolResult: last?.role === 'tool' || last?.role === 'function',
      tools: readTools(body.tools),
      toolChoice: toolChoiceName(body.tool_choice),
      format: readFormat(body.response_format),
      stream: body.stream === true,
      includeUsage: isRecord(body.stream_options) && body.stream_options.include_usage === true,
    }
  },

  async reply(call, request) {
    const result = answer(request, call.plan, call.nextId)
    const id = call.nextId('chatcmpl-')
    if (request.stream) return stream(call, request, result, id)
    sendJson(call.res, 200, {
      ...envelope(id, request.model, 'chat.completion'),
      choices: [{ index: 0, message: message(result), logprobs: null, finish_reason: result.finishReason }],
      usage: usage(result),
    })
  },
}

async function stream(call: Call, request: ChatRequest, result: Answer, id: string): Promise<void> {
  const { res, signal } = call
  const delay = call.plan.chunkDelayMs ?? call.options.chunkDelayMs
  const base = {
    ...envelope(id, request.model, 'chat.completion.chunk'),
    ...(request.includeUsage && { usage: null }),
  }
  const send = async (delta: Record<string, unknown>, finish: string | null = null) => {
    writeEvent(res, { ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] })
    await sleep(delay, signal)
  }
  startEvents(res)
  await send({ role: 'assistant', content: result.text === null ? null : '', refusal: null })
  for (const piece of chunks(result.text ?? '')) {
    if (signal.aborted) return
    await send({ content: piece })
  }
  for (const [index, tc] of result.toolCalls.entries()) {
    await send({
      tool_calls: [{ index, id: tc.id, type: 'function', function: { name: tc.name, arguments: '' } }],
    })
    for (const piece of argumentChunks(tc.arguments))
      await send({ tool_calls: [{ index, function: { arguments: piece } }] })
  }
  if (signal.aborted) return
  await send({}, result.finishReason)
  if (request.includeUsage) writeEvent(res, { ...base, choices: [], usage: usage(result) })
  writeEvent(res, '[DONE]')
  res.end()
}

function envelope(id: string, model: string, object: string) {
  return {
    id,
    object,
    created: nowSeconds(),
    model,
    system_fingerprint: 'fp_assay_test',
    service_tier: 'default',
  }
}

function message(result: Answer) {
  return {
    role: 'assistant',
    content: result.text,
    refusal: null,
    annotations: [],
    ...(result.toolCalls.length > 0 && {
      tool_calls: result.toolCalls.map((tc) => ({
        id: tc.id,
        type: 'function',
        function: { name: tc.name, arguments: tc.arguments },
      })),
    }),
  }
}

function usage(result: Answer) {
  return {
    prompt_tokens: result.promptTokens,
    completion_tokens: result.completionTokens,
    total_tokens: result.promptTokens + result.completionTokens,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0 },
  }
}

/** Tool-call arguments arrive in pieces in production; two halves exercise reassembly. */
function argumentChunks(args: string): string[] {
  const half = Math.ceil(args.length / 2)
  return [args.slice(0, half), args.slice(half)].filter(Boolean)
}

function readTools(tools: unknown): PromptTool[] {
  if (!Array.isArray(tools)) return []
  return tools
    .map((tool) => (isRecord(tool) && isRecord(tool.function) ? tool.function : undefined))
    .filter((fn) => typeof fn?.name === 'string')
    .map((fn) => ({ name: fn!.name as string, parameters: fn!.parameters }))
}

function readFormat(format: unknown): Prompt['format'] {
  if (!isRecord(format)) return { type: 'text' }
  if (format.type === 'json_object') return { type: 'json_object' }
  if (format.type === 'json_schema' && isRecord(format.json_schema)) {
    return { type: 'json_schema', schema: format.json_schema.schema ?? {} }
  }
  return { type: 'text' }
}
