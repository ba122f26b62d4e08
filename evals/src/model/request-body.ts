import type { DeliveryMode, StructuredPrompt } from './structured-prompt.js'

/**
 * Parameters the structured call owns: a caller's `modelParams` cannot
 * replace the messages, the schema, or ask for several choices.
 */
const RESERVED = new Set([
  'model',
  'messages',
  'response_format',
  'tools',
  'tool_choice',
  'functions',
  'function_call',
  'parallel_tool_calls',
  'n',
  'stream',
  'stream_options',
])

/** Parameters that change how an answer travels, never what it says: left out of cache keys. */
export const TRANSPORT_PARAMS = new Set(['stream', 'stream_options'])

export function wantsStream(prompt: StructuredPrompt): boolean {
  return prompt.params.stream === true
}

/** The chat-completions body for one attempt. */
export function requestBody(prompt: StructuredPrompt, mode: DeliveryMode): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(prompt.params)) if (!RESERVED.has(key)) body[key] = value
  body.model = prompt.model
  body.messages = prompt.messages
  const { name, description, schema } = prompt.output
  if (mode === 'json_schema') {
    body.response_format = { type: 'json_schema', json_schema: { name, description, strict: true, schema } }
  } else {
    body.tools = [{ type: 'function', function: { name, description, parameters: schema, strict: true } }]
    body.tool_choice = { type: 'function', function: { name } }
  }
  if (wantsStream(prompt)) {
    body.stream = true
    body.stream_options = { include_usage: true }
  }
  return body
}

/** Parameters that determine the answer, for the cache key. */
export function answerParams(prompt: StructuredPrompt): Record<string, unknown> {
  const params: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(prompt.params)) {
    if (!RESERVED.has(key) && !TRANSPORT_PARAMS.has(key)) params[key] = value
  }
  return params
}
