// Chat completions and the Responses API phrase the same thing differently; both are
// read into one Prompt so that one function decides the answer for either.

export interface PromptTool {
  name: string
  parameters: unknown
}

export interface Prompt {
  model: string
  /** Every text of the prompt, for counting prompt tokens. */
  texts: string[]
  lastUserText: string
  /** The last message is a tool result: answer in text, which ends an agent's loop. */
  afterToolResult: boolean
  tools: PromptTool[]
  /** `'auto'`, `'none'`, `'required'` or the name of the function to call. */
  toolChoice: string
  format: { type: 'text' } | { type: 'json_object' } | { type: 'json_schema'; schema: unknown }
}

/** Text of a message's content: a string, or parts with `text` (chat's `text`, the Responses API's `input_text`). */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((part) => (isRecord(part) && typeof part.text === 'string' ? part.text : ''))
    .filter(Boolean)
    .join('\n')
}

/** `tool_choice` in either API's shape, as one string. */
export function toolChoiceName(choice: unknown): string {
  if (typeof choice === 'string') return choice
  if (!isRecord(choice)) return 'auto'
  if (typeof choice.name === 'string') return choice.name
  const fn = choice.function
  return isRecord(fn) && typeof fn.name === 'string' ? fn.name : 'auto'
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
