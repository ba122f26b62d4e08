// The few HTTP moves every route makes: read a JSON body, answer JSON, answer an
// error in OpenAI's shape, write server-sent events, and wait without outliving the
// request or the server.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorPlan } from './plan.js'

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'invalid_request_error',
  403: 'permission_denied',
  404: 'invalid_request_error',
  408: 'timeout',
  429: 'requests',
}

const ERROR_CODES: Record<number, string> = { 401: 'invalid_api_key', 429: 'rate_limit_exceeded' }

export function sendError(res: ServerResponse, error: ErrorPlan): void {
  const headers: Record<string, string> = {}
  if (error.retryAfter !== undefined) headers['retry-after'] = String(error.retryAfter)
  if (error.retryAfterMs !== undefined) headers['retry-after-ms'] = String(error.retryAfterMs)
  if (error.body !== undefined) {
    res.writeHead(error.status, { 'content-type': 'text/plain', ...headers })
    res.end(error.body)
    return
  }
  sendJson(
    res,
    error.status,
    {
      error: {
        message: error.message ?? `Test server error ${error.status}`,
        type:
          error.type ??
          ERROR_TYPES[error.status] ??
          (error.status >= 500 ? 'server_error' : 'invalid_request_error'),
        param: null,
        code: error.code === undefined ? (ERROR_CODES[error.status] ?? null) : error.code,
      },
    },
    headers,
  )
}

export function startEvents(res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  })
}

/** One server-sent event; `data` is JSON unless it is already a string (`[DONE]`). */
export function writeEvent(res: ServerResponse, data: unknown, event?: string): void {
  if (res.destroyed) return
  const payload = typeof data === 'string' ? data : JSON.stringify(data)
  res.write(`${event ? `event: ${event}\n` : ''}data: ${payload}\n\n`)
}

/** Resolves after `ms`, or early when `signal` aborts (client gone, server closing). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      signal.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal.addEventListener('abort', done, { once: true })
  })
}
