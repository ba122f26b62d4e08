/**
 * OpenTelemetry GenAI semantic-convention keys read by the collector and
 * written by the SDK: the current names, and the older ones still sent by
 * deployed instrumentations (`gen_ai.system`, `prompt_tokens`, indexed
 * `gen_ai.prompt.N.*`). Kept as data so both sides agree on spelling.
 */
export const GEN_AI_ATTR = {
  operationName: 'gen_ai.operation.name',
  providerName: 'gen_ai.provider.name',
  /** Older name of the provider. */
  system: 'gen_ai.system',
  requestModel: 'gen_ai.request.model',
  responseModel: 'gen_ai.response.model',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  totalTokens: 'gen_ai.usage.total_tokens',
  promptTokens: 'gen_ai.usage.prompt_tokens',
  completionTokens: 'gen_ai.usage.completion_tokens',
  cacheReadInputTokens: 'gen_ai.usage.cache_read.input_tokens',
  reasoningOutputTokens: 'gen_ai.usage.reasoning.output_tokens',
  cost: 'gen_ai.usage.cost',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  systemInstructions: 'gen_ai.system_instructions',
  conversationId: 'gen_ai.conversation.id',
  toolName: 'gen_ai.tool.name',
  toolCallId: 'gen_ai.tool.call.id',
  toolCallArguments: 'gen_ai.tool.call.arguments',
  toolCallResult: 'gen_ai.tool.call.result',
  /** Older indexed message keys: `gen_ai.prompt.0.role`, `gen_ai.completion.0.content`. */
  promptPrefix: 'gen_ai.prompt.',
  completionPrefix: 'gen_ai.completion.',
} as const

/** Event names (log records and span events) that carry GenAI message content. */
export const GEN_AI_EVENT = {
  systemMessage: 'gen_ai.system.message',
  userMessage: 'gen_ai.user.message',
  assistantMessage: 'gen_ai.assistant.message',
  toolMessage: 'gen_ai.tool.message',
  choice: 'gen_ai.choice',
  /** Current: one record carrying `gen_ai.input.messages` / `gen_ai.output.messages`. */
  operationDetails: 'gen_ai.client.inference.operation.details',
  /** Older span events with the messages as JSON in `gen_ai.prompt` / `gen_ai.completion`. */
  contentPrompt: 'gen_ai.content.prompt',
  contentCompletion: 'gen_ai.content.completion',
} as const
