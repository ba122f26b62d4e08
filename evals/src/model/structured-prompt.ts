/**
 * A request for one JSON object of a given schema, independent of how it is
 * delivered (structured output or a forced tool call).
 */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant'
  content: string
}

export interface OutputSchema {
  /** Name of the response format, and of the tool in the fallback. `^[a-zA-Z0-9_-]{1,64}$`. */
  name: string
  description: string
  /** A JSON schema valid for OpenAI's strict mode (every property required, no extra properties). */
  schema: Record<string, unknown>
}

export interface StructuredPrompt {
  model: string
  messages: ChatMessage[]
  output: OutputSchema
  /** Extra chat-completion parameters (`temperature`, `seed`, `stream`, ...). */
  params: Record<string, unknown>
}

/** How the schema reaches the model: `response_format`, or a forced call of a tool taking it as parameters. */
export type DeliveryMode = 'json_schema' | 'tool'
