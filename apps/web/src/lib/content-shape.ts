/**
 * What a span's input or output is, so it can be shown by its shape: the
 * collector normalizes conversations to one message list and retrieved
 * documents to one document list (see collector/src/normalize/messages.ts);
 * anything else is JSON or text. Never HTML: every shape is rendered as text.
 */
export interface ToolCall {
  id: string
  name: string
  arguments: string
}

export interface Message {
  role: string
  content: string | null | Array<{ type: string; text?: string; [key: string]: unknown }>
  tool_calls?: ToolCall[]
  tool_call_id?: string
  name?: string
  finish_reason?: string
}

export interface RetrievedDocument {
  id: string
  content: string
  score: number | null
  metadata: Record<string, unknown>
}

export type Shape =
  | { kind: 'empty' }
  | { kind: 'messages'; messages: Message[] }
  | { kind: 'documents'; documents: RetrievedDocument[] }
  | { kind: 'text'; text: string }
  | { kind: 'json'; value: unknown }

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function isMessage(v: unknown): v is Message {
  return (
    isObj(v) &&
    typeof v.role === 'string' &&
    (v.content === null ||
      typeof v.content === 'string' ||
      Array.isArray(v.content) ||
      (v.content === undefined && Array.isArray(v.tool_calls)))
  )
}

function isDocument(v: unknown): v is RetrievedDocument {
  return isObj(v) && typeof v.content === 'string' && 'id' in v && ('score' in v || 'metadata' in v)
}

export function shapeOf(text: string): Shape {
  if (!text) return { kind: 'empty' }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { kind: 'text', text }
  }
  if (typeof value === 'string') return value === '' ? { kind: 'empty' } : { kind: 'text', text: value }
  if (Array.isArray(value) && value.length > 0) {
    if (value.every(isMessage)) return { kind: 'messages', messages: value }
    if (value.every(isDocument)) return { kind: 'documents', documents: value }
  }
  if (
    isObj(value) &&
    Array.isArray(value.messages) &&
    value.messages.length > 0 &&
    value.messages.every(isMessage)
  )
    return { kind: 'messages', messages: value.messages }
  if (value === null) return { kind: 'empty' }
  return { kind: 'json', value }
}

/** The text of a message's content, parts joined; non-text parts named. */
export function contentText(content: Message['content']): string {
  if (content === null || content === undefined) return ''
  if (typeof content === 'string') return content
  return content.map((p) => (typeof p.text === 'string' ? p.text : `[${p.type}]`)).join('\n')
}

/** A one-line summary of an input or output, for lists (the user's last words, the answer). */
export function previewOf(text: string, side: 'input' | 'output'): string {
  const shape = shapeOf(text)
  switch (shape.kind) {
    case 'empty':
      return ''
    case 'text':
      return shape.text
    case 'messages': {
      const pick =
        side === 'input'
          ? [...shape.messages].reverse().find((m) => m.role === 'user')
          : shape.messages[shape.messages.length - 1]
      const m = pick ?? shape.messages[shape.messages.length - 1]!
      const body = contentText(m.content)
      if (body) return body
      return m.tool_calls?.map((c) => `${c.name}(${c.arguments})`).join(', ') ?? ''
    }
    case 'documents':
      return `${shape.documents.length} documents`
    case 'json': {
      const v = shape.value
      if (isObj(v)) {
        for (const k of side === 'input'
          ? ['question', 'query', 'input', 'prompt']
          : ['answer', 'output', 'text']) {
          if (typeof v[k] === 'string') return v[k] as string
        }
      }
      return JSON.stringify(v)
    }
  }
}
