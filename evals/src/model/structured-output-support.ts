import type { ModelCallError } from './model-error.js'
import type { DeliveryMode } from './structured-prompt.js'

/**
 * Which endpoints reject `response_format: json_schema` (many local and
 * proxy servers do): once one answers 400 naming it, every later call to
 * that base URL goes straight to the forced-tool-call fallback, for the
 * life of the process.
 */
export class StructuredOutputSupport {
  private readonly needsTools = new Set<string>()

  modeFor(baseURL: string): DeliveryMode {
    return this.needsTools.has(baseURL) ? 'tool' : 'json_schema'
  }

  rememberFallback(baseURL: string): void {
    this.needsTools.add(baseURL)
  }

  forget(): void {
    this.needsTools.clear()
  }
}

export const structuredOutputSupport = new StructuredOutputSupport()

/** A 400 that names structured output: the server cannot do `response_format`, not a bad request of ours. */
export function rejectsStructuredOutput(error: ModelCallError): boolean {
  return error.details.status === 400 && /response_format|json_schema|structured output/i.test(error.message)
}
