/** Reading traces back through Assay's API, waiting for them to arrive. */

export interface SpanRow {
  trace_id: string
  span_id: string
  parent_span_id: string
  name: string
  start_time: string
  kind: string
  status_code: string
  status_message: string
  model_request: string
  input_tokens: number
  output_tokens: number
  cost_usd: number
  input: string
  output: string
  session_id: string
  user_id: string
  model_id: string
  prompt_name: string
  prompt_version: number | null
  tags: unknown
  attributes: Record<string, string>
}

export async function api<T>(base: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`)
  return JSON.parse(text) as T
}

/** Polls `GET /traces/{id}` until `ready(spans)` holds. */
export async function waitForTrace(
  base: string,
  traceId: string,
  ready: (spans: SpanRow[]) => boolean,
  timeoutMs = 20_000,
): Promise<SpanRow[]> {
  const deadline = Date.now() + timeoutMs
  let last: SpanRow[] = []
  while (Date.now() < deadline) {
    const res = await fetch(`${base}/api/traces/${traceId}`)
    if (res.ok) {
      last = ((await res.json()) as { spans: SpanRow[] }).spans
      if (ready(last)) return last
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(
    `trace ${traceId} not complete in ${timeoutMs} ms: ${JSON.stringify(last.map((s) => s.name))}`,
  )
}
