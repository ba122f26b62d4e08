/**
 * A refused or failed API call, with the status and the API's own message
 * (`{"error":{"message"}}`), so the CLI can print one line that says which
 * call failed and why.
 */
export class AssayApiError extends Error {
  override name = 'AssayApiError'

  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

interface ResponseLike {
  ok: boolean
  status: number
  text(): Promise<string>
}

/** Throws AssayApiError unless the response is 2xx. */
export async function expectOk<R extends ResponseLike>(response: R, what: string): Promise<R> {
  if (response.ok) return response
  const text = await response.text().catch(() => '')
  let message = text
  try {
    const body = JSON.parse(text) as { error?: { message?: string } | string }
    message = typeof body.error === 'string' ? body.error : (body.error?.message ?? text)
  } catch {
    // Not JSON (a proxy's page): keep the text.
  }
  throw new AssayApiError(`${what}: HTTP ${response.status} ${message}`.trim(), response.status)
}

/** Network failures (nothing listening, DNS) as one readable error. */
export async function calling<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    if (error instanceof AssayApiError) throw error
    const cause = (error as { cause?: { code?: string } }).cause
    throw new AssayApiError(`${what}: ${cause?.code ?? (error as Error).message}`, 0)
  }
}
