/**
 * Filling a prompt template: `{{variable}}` placeholders get values, a
 * messages placeholder gets a list of messages. Pure, so the API renders
 * exactly what the SDK's `prompt.format(vars)` renders.
 *
 * Strict on purpose: a variable the template needs but the caller left out,
 * or one the caller passed that the template never uses (a typo, usually),
 * is an error naming it, never a silently blank or ignored value. Values
 * are substituted in one pass, so a value that itself contains `{{x}}`
 * stays as written.
 */
import { PROMPT_VARIABLE_PATTERN, type PromptTemplate } from './prompt.js'

/** A message supplied for a messages placeholder; extra keys (tool calls, names) are kept. */
export interface RenderedMessage {
  role: string
  content?: unknown
  [key: string]: unknown
}

export type RenderedPrompt = { type: 'text'; text: string } | { type: 'chat'; messages: RenderedMessage[] }

export type PromptRenderProblem = 'missing' | 'unknown' | 'invalid'

export class PromptRenderError extends Error {
  override name = 'PromptRenderError'
  constructor(
    message: string,
    /** The first variable at fault. */
    readonly variable: string,
    readonly problem: PromptRenderProblem,
  ) {
    super(message)
  }
}

/** What a template needs: text variables and messages placeholders, each in first-use order. */
export function templateSlots(template: PromptTemplate): { variables: string[]; placeholders: string[] } {
  const variables = new Set<string>()
  const placeholders = new Set<string>()
  const scan = (text: string) => {
    for (const match of text.matchAll(PROMPT_VARIABLE_PATTERN)) variables.add(match[1]!)
  }
  if (template.type === 'text') scan(template.text)
  else for (const m of template.messages) 'role' in m ? scan(m.content) : placeholders.add(m.name)
  return { variables: [...variables], placeholders: [...placeholders] }
}

/**
 * @example
 * renderPrompt({ type: 'text', text: 'Hi {{name}}' }, { name: 'Ada' }) // { type: 'text', text: 'Hi Ada' }
 * renderPrompt({ type: 'text', text: 'Hi {{name}}' }, {})              // throws: missing variable 'name'
 */
export function renderPrompt(template: PromptTemplate, variables: Record<string, unknown>): RenderedPrompt {
  const slots = templateSlots(template)
  checkVariables(slots, variables)
  const fill = (text: string) =>
    text.replace(PROMPT_VARIABLE_PATTERN, (_, name: string) => textValue(name, lookup(variables, name)))
  if (template.type === 'text') return { type: 'text', text: fill(template.text) }
  const messages = template.messages.flatMap((m): RenderedMessage[] =>
    'role' in m ? [{ role: m.role, content: fill(m.content) }] : messageList(m.name, variables[m.name]),
  )
  return { type: 'chat', messages }
}

function checkVariables(
  slots: { variables: string[]; placeholders: string[] },
  variables: Record<string, unknown>,
): void {
  const missing = [
    ...slots.variables.filter((name) => lookup(variables, name) == null),
    ...slots.placeholders.filter((name) => variables[name] == null),
  ]
  if (missing.length > 0) {
    const list = missing.map((n) => `'${n}'`).join(', ')
    throw new PromptRenderError(
      `missing variable${missing.length > 1 ? 's' : ''} ${list}`,
      missing[0]!,
      'missing',
    )
  }
  // A dotted variable (`user.name`) may be given as a nested object under its first segment.
  const known = new Set([...slots.placeholders, ...slots.variables, ...slots.variables.map(rootOf)])
  const unknown = Object.keys(variables).filter((name) => !known.has(name))
  if (unknown.length > 0) {
    const list = unknown.map((n) => `'${n}'`).join(', ')
    throw new PromptRenderError(
      `unknown variable${unknown.length > 1 ? 's' : ''} ${list}: the template does not use ${unknown.length > 1 ? 'them' : 'it'}`,
      unknown[0]!,
      'unknown',
    )
  }
}

const rootOf = (name: string) => name.split('.')[0]!

/** `user.name` is the key `user.name` if given so, else the path user -> name. */
function lookup(variables: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(variables, name)) return variables[name]
  let value: unknown = variables
  for (const part of name.split('.')) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined
    value = (value as Record<string, unknown>)[part]
  }
  return value
}

/** Strings as they are; numbers and booleans as written; objects and arrays as JSON. */
function textValue(name: string, value: unknown): string {
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (typeof value === 'object' && value !== null) return JSON.stringify(value)
  throw new PromptRenderError(
    `variable '${name}' must be a string, number, boolean or JSON value`,
    name,
    'invalid',
  )
}

function messageList(name: string, value: unknown): RenderedMessage[] {
  const valid =
    Array.isArray(value) &&
    value.every(
      (m) => typeof m === 'object' && m !== null && typeof (m as { role?: unknown }).role === 'string',
    )
  if (!valid) {
    throw new PromptRenderError(
      `variable '${name}' fills a messages placeholder: it must be a list of messages with a string role`,
      name,
      'invalid',
    )
  }
  return value as RenderedMessage[]
}
