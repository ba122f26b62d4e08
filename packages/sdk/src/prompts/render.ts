/**
 * Fills `{{variable}}` slots, with the same rules as the API's renderer
 * (`renderPrompt` in `@assay/core`, which this package does not load to
 * keep zod out of apps; `test/render-parity.test.ts` compares the two):
 * a missing or unused variable is an error naming it, values are
 * substituted in one pass, a messages placeholder takes a list of messages.
 */
export type PromptTemplate =
  | { type: 'text'; text: string }
  | {
      type: 'chat'
      messages: Array<{ role: string; content: string } | { type: 'placeholder'; name: string }>
    }

export interface ChatMessage {
  role: string
  content?: unknown
  [key: string]: unknown
}

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g

export class PromptFormatError extends Error {
  override name = 'PromptFormatError'
}

export function renderTemplate(
  template: PromptTemplate,
  vars: Record<string, unknown>,
): string | ChatMessage[] {
  const variables = new Set<string>()
  const placeholders = new Set<string>()
  const scan = (text: string) => {
    for (const m of text.matchAll(VARIABLE)) variables.add(m[1]!)
  }
  if (template.type === 'text') scan(template.text)
  else for (const m of template.messages) 'role' in m ? scan(m.content) : placeholders.add(m.name)
  for (const name of [...variables, ...placeholders]) {
    const value = placeholders.has(name) ? vars[name] : lookup(vars, name)
    if (value == null) throw new PromptFormatError(`missing variable '${name}'`)
  }
  // A dotted variable (`user.name`) may be given as a nested object under its first segment.
  const known = new Set([...placeholders, ...variables, ...[...variables].map((v) => v.split('.')[0]!)])
  for (const name of Object.keys(vars)) {
    if (!known.has(name))
      throw new PromptFormatError(`unknown variable '${name}': the template does not use it`)
  }
  const fill = (text: string) => text.replace(VARIABLE, (_, name: string) => textOf(name, lookup(vars, name)))
  if (template.type === 'text') return fill(template.text)
  return template.messages.flatMap((m): ChatMessage[] => {
    if ('role' in m) return [{ role: m.role, content: fill(m.content) }]
    const list = vars[m.name]
    const valid =
      Array.isArray(list) && list.every((x) => typeof (x as ChatMessage | null)?.role === 'string')
    if (!valid) throw new PromptFormatError(`variable '${m.name}' must be a list of messages`)
    return list as ChatMessage[]
  })
}

/** `user.name` is the key `user.name` if given so, else the path user -> name. */
function lookup(vars: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(vars, name)) return vars[name]
  let value: unknown = vars
  for (const part of name.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

function textOf(name: string, value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  throw new PromptFormatError(`variable '${name}' must be a string, number, boolean or JSON value`)
}
