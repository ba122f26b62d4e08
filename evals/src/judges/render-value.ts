import { jsonText } from '../scorers/json-text.js'

/**
 * A variable's value as prompt text: strings verbatim, anything else as
 * indented JSON. Cut at `maxChars` with a visible marker, because an
 * unbounded output would make a judge call fail on the model's context
 * limit (or cost a fortune) rather than judge the part that matters.
 */
export const MAX_VARIABLE_CHARS = 50_000

export function renderValue(value: unknown, maxChars = MAX_VARIABLE_CHARS): string {
  const text = typeof value === 'string' ? value : (jsonText(value, 2) ?? '')
  return truncate(text, maxChars)
}

export function truncate(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text
  return `${text.slice(0, maxChars)}… [truncated: ${text.length - maxChars} more characters]`
}
