import { parseJson } from './read.js'

/**
 * Retrieved documents in one shape, `[{ id, content, score, metadata }]`
 * (see `messages.ts` for the full description of input/output shapes),
 * from OpenInference attributes, OpenLLMetry events, or framework objects
 * such as LangChain's `{ page_content, metadata }`.
 */

export interface RetrievedDocument {
  id: string
  content: string
  score: number | null
  metadata: Record<string, unknown>
}

function asText(v: unknown): string {
  if (typeof v === 'string') return v
  if (v === undefined || v === null) return ''
  return typeof v === 'object' ? (JSON.stringify(v) ?? '') : String(v)
}

function asScore(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : Number.NaN
  return Number.isFinite(n) ? n : null
}

function asMetadata(v: unknown): Record<string, unknown> {
  const parsed = typeof v === 'string' ? parseJson(v) : v
  if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed))
    return parsed as Record<string, unknown>
  return v === undefined || v === null || v === '' ? {} : { value: parsed ?? v }
}

export function toDocument(raw: {
  id?: unknown
  content?: unknown
  score?: unknown
  metadata?: unknown
}): RetrievedDocument {
  return {
    id: asText(raw.id),
    content: asText(raw.content),
    score: asScore(raw.score),
    metadata: asMetadata(raw.metadata),
  }
}

/** A parsed value as documents when it looks like a list of them (objects with content / page_content / text); else undefined. */
export function documentsFromValue(value: unknown): RetrievedDocument[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined
  const out: RetrievedDocument[] = []
  for (const item of value) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined
    const o = item as Record<string, unknown>
    const content = o.content ?? o.page_content ?? o.text
    if (content === undefined || 'role' in o) return undefined
    out.push(toDocument({ id: o.id, content, score: o.score, metadata: o.metadata }))
  }
  return out
}
