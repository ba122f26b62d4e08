'use client'
/**
 * Search within a trace: names, kinds, span ids, models and status messages
 * match on the tree columns at once, as the user types; text in inputs,
 * outputs, events and log records is asked of the server
 * (`GET /api/traces/{id}/search`) after a pause, and its hits join the
 * result when they arrive.
 */
import { useEffect, useMemo, useState } from 'react'
import { type SearchResult, type SpanTree, searchSpans } from './span-tree'
import { searchTraceContent } from './trace-api'

const PAUSE_MS = 250

function matcher(tree: SpanTree, query: string): (i: number) => boolean {
  const lower = (c: { values: string[] }) => c.values.map((v) => v.toLowerCase())
  // Dictionary columns: test each distinct value once, then look spans up by index.
  const hit = (c: { values: string[]; index: number[] }, test: (v: string) => boolean) => {
    const flags = lower(c).map(test)
    return (i: number) => flags[c.index[i]!] === true
  }
  const name = hit(tree.columns.name, (v) => v.includes(query))
  const kind = hit(tree.columns.kind, (v) => v === query)
  const model = hit(tree.columns.model, (v) => v.includes(query))
  const message = hit(tree.columns.status_message, (v) => v.includes(query))
  const ids = tree.columns.span_id
  return (i) => name(i) || kind(i) || model(i) || message(i) || ids[i] === query
}

export function useTraceSearch(
  traceId: string,
  tree: SpanTree | undefined,
  query: string,
): SearchResult | undefined {
  const q = query.trim().toLowerCase()
  const [remote, setRemote] = useState<{ q: string; ids: string[] }>()
  useEffect(() => {
    if (!q) return
    let live = true
    const timer = setTimeout(() => {
      searchTraceContent(traceId, q).then(
        (ids) => live && setRemote({ q, ids }),
        () => undefined, // the name search still answers
      )
    }, PAUSE_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [traceId, q])
  const ids = remote?.q === q ? remote.ids : undefined
  return useMemo(() => {
    if (!tree || !q) return undefined
    const extra = (ids ?? []).map((id) => tree.indexOf.get(id) ?? -1)
    return searchSpans(tree, matcher(tree, q), extra)
  }, [tree, q, ids])
}
