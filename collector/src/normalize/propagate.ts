import type { SpanRow } from '@assay/core'

/**
 * Trace-level fields reach every span of their trace within one export:
 * session, user, LoggedModel id and environment (the first non-empty value
 * in export order, for spans that have none of their own) and tags (the
 * union; a span's own value for a key wins). SDKs often set these on the
 * root span only, while filters ask for them on any span. Prompt name and
 * version stay per span: they describe one call, not the trace.
 */

interface TraceFields {
  session_id: string
  user_id: string
  model_id: string
  environment: string
  tags: Record<string, string> | undefined
}

const FIELDS = ['session_id', 'user_id', 'model_id', 'environment'] as const

export function propagateTraceFields(rows: SpanRow[]): void {
  const byTrace = new Map<string, TraceFields>()
  for (const r of rows) {
    const hasTags = hasKeys(r.tags)
    if (!hasTags && r.session_id === '' && r.user_id === '' && r.model_id === '' && r.environment === '')
      continue
    let t = byTrace.get(r.trace_id)
    if (!t) {
      t = { session_id: '', user_id: '', model_id: '', environment: '', tags: undefined }
      byTrace.set(r.trace_id, t)
    }
    for (const f of FIELDS) if (t[f] === '' && r[f] !== '') t[f] = r[f]
    if (hasTags) {
      t.tags ??= Object.create(null) as Record<string, string>
      for (const k in r.tags) if (!(k in t.tags)) t.tags[k] = r.tags[k] as string
    }
  }
  if (byTrace.size === 0) return
  for (const r of rows) {
    const t = byTrace.get(r.trace_id)
    if (!t) continue
    for (const f of FIELDS) if (r[f] === '') r[f] = t[f]
    if (t.tags) for (const k in t.tags) if (!(k in r.tags)) r.tags[k] = t.tags[k] as string
  }
}

function hasKeys(o: Record<string, string>): boolean {
  for (const _ in o) return true
  return false
}
