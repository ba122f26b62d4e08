// POST /v1/responses, plain and streamed: message and function-call output items.
// The stream emits the same event sequence as OpenAI's (created, item added, part
// added, deltas, done events, completed), which the openai client's
// `responses.stream()` helper checks as it rebuilds the response.
import type { ServerResponse } from 'node:http'
import { type Answer, answer } from '../answer.js'
import { sendJson, sleep, startEvents, writeEvent } from '../http.js'
import { contentText, isRecord, type Prompt, type PromptTool, toolChoiceName } from '../prompt.js'
import { type Call, chunks, type ModelRoute, nowSeconds } from './route.js'

interface ResponsesRequest extends Prompt {
  stream: boolean
  body: Record<string, unknown>
}

type Item = Record<string, unknown> & { id: string; type: string }

export const responsesRoute: ModelRoute<ResponsesRequest> = {
  parse(body) {
    if (typeof body.model !== 'string') return 'model is required'
    const items = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input
    if (!Array.isArray(items) || items.length === 0) return 'input must be a string or a non-empty array'
    const records = items.filter(isRecord)
    const instructions = typeof body.instructions === 'string' ? [body.instructions] : []
    return {
      model: body.model,
      texts: [...instructions, ...records.map((item) => contentText(item.content ?? item.output))],
      lastUserText: contentText(records.findLast((item) => item.role === 'user')?.content),
      afterToolResult: records.at(-1)?.type === 'function_call_output',
      tools: readTools(body.tools),
      toolChoice: toolChoiceName(body.tool_choice),
      format: readFormat(body.text),
      stream: body.stream === true,
      body,
    }
  },

  async reply(call, request) {
    const result = answer(request, call.plan, call.nextId)
    const output = outputItems(result, call.nextId)
    const response = envelope(call.nextId('resp_'), request, result, output)
    if (!request.stream) return sendJson(call.res, 200, response)
    await stream(call, response, output)
  },
}

async function stream(call: Call, response: Record<string, unknown>, output: Item[]): Promise<void> {
  const { res, signal } = call
  const delay = call.plan.chunkDelayMs ?? call.options.chunkDelayMs
  let sequence = 0
  const emit = async (type: string, fields: Record<string, unknown>) => {
    if (signal.aborted) return
    writeEvent(res, { type, sequence_number: sequence++, ...fields }, type)
    await sleep(delay, signal)
  }
  startEvents(res)
  const pending = { ...response, status: 'in_progress', output: [], usage: null }
  await emit('response.created', { response: pending })
  await emit('response.in_progress', { response: pending })
  for (const [output_index, item] of output.entries()) {
    const at = { item_id: item.id, output_index }
    if (item.type === 'message') {
      const text = String((item.content as { text: string }[])[0]?.text ?? '')
      const part = { type: 'output_text', text: '', annotations: [], logprobs: [] }
      await emit('response.output_item.added', {
        output_index,
        item: { ...item, status: 'in_progress', content: [] },
      })
      await emit('response.content_part.added', { ...at, content_index: 0, part })
      for (const delta of chunks(text)) {
        await emit('response.output_text.delta', { ...at, content_index: 0, delta, logprobs: [] })
      }
      await emit('response.output_text.done', { ...at, content_index: 0, text, logprobs: [] })
      await emit('response.content_part.done', { ...at, content_index: 0, part: { ...part, text } })
    } else {
      const args = String(item.arguments)
      await emit('response.output_item.added', {
        output_index,
        item: { ...item, status: 'in_progress', arguments: '' },
      })
      await emit('response.function_call_arguments.delta', { ...at, delta: args })
      await emit('response.function_call_arguments.done', { ...at, name: item.name, arguments: args })
    }
    await emit('response.output_item.done', { output_index, item })
  }
  await emit('response.completed', { response })
  end(res)
}

function end(res: ServerResponse): void {
  if (!res.destroyed) res.end()
}

function outputItems(result: Answer, nextId: Call['nextId']): Item[] {
  if (result.toolCalls.length > 0) {
    return result.toolCalls.map((tc) => ({
      type: 'function_call',
      id: nextId('fc_'),
      call_id: tc.id,
      name: tc.name,
      arguments: tc.arguments,
      status: 'completed',
    }))
  }
  const content = [{ type: 'output_text', text: result.text ?? '', annotations: [], logprobs: [] }]
  return [{ type: 'message', id: nextId('msg_'), status: 'completed', role: 'assistant', content }]
}

function envelope(id: string, request: ResponsesRequest, result: Answer, output: Item[]) {
  const { body } = request
  return {
    id,
    object: 'response',
    created_at: nowSeconds(),
    status: result.finishReason === 'length' ? 'incomplete' : 'completed',
    error: null,
    incomplete_details: result.finishReason === 'length' ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: request.model,
    output,
    parallel_tool_calls: true,
    previous_response_id: body.previous_response_id ?? null,
    temperature: body.temperature ?? 1,
    text: { format: isRecord(body.text) && body.text.format ? body.text.format : { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    metadata: body.metadata ?? {},
    usage: {
      input_tokens: result.promptTokens,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: result.completionTokens,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: result.promptTokens + result.completionTokens,
    },
  }
}

function readTools(tools: unknown): PromptTool[] {
  if (!Array.isArray(tools)) return []
  return tools
    .filter((tool) => isRecord(tool) && tool.type === 'function' && typeof tool.name === 'string')
    .map((tool) => ({ name: tool.name as string, parameters: tool.parameters }))
}

function readFormat(text: unknown): Prompt['format'] {
  const format = isRecord(text) && isRecord(text.format) ? text.format : undefined
  if (format?.type === 'json_object') return { type: 'json_object' }
  if (format?.type === 'json_schema') return { type: 'json_schema', schema: format.schema ?? {} }
  return { type: 'text' }
}
