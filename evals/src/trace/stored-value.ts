/**
 * Span input/output are stored as JSON text ('' when absent; plain text
 * becomes a JSON string, see the collector's `normalize/messages.ts`).
 * Scorers want the value, so it is parsed back; text that is not JSON
 * (an older writer, a truncated value) is kept as the string it is.
 */
export function parseStoredValue(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}
