'use client'
/**
 * One trace: its facts and assessments on top, the span tree with its
 * waterfall on the left, the selected span on the right. `?id=<trace>&span=<span>`.
 * Keys: j/k or arrows move, ←/→ collapse and expand, / searches, Esc goes back.
 */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { api, read, type Span } from '@/lib/api'
import { formatCost, formatCount, formatDuration, formatTime, formatValue, nsToMs } from '@/lib/format'
import { useModelNames } from '@/lib/model-names'
import { buildSpanTree, searchSpans, visibleRows } from '@/lib/span-tree'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { useHotkeys } from '@/lib/use-hotkeys'
import { AddToDataset } from '../datasets/AddToDataset'
import { SearchIcon } from '../ui/icons'
import { SpanDetail, type Tab } from './SpanDetail'
import { SpanTree } from './SpanTree'

function matcher(query: string): ((s: Span) => boolean) | undefined {
  const q = query.trim().toLowerCase()
  if (!q) return undefined
  return (s) =>
    s.name.toLowerCase().includes(q) ||
    s.kind.toLowerCase() === q ||
    s.span_id === q ||
    s.model_request.toLowerCase().includes(q) ||
    s.status_message.toLowerCase().includes(q) ||
    s.input.toLowerCase().includes(q) ||
    s.output.toLowerCase().includes(q)
}

export function TraceView() {
  const url = useUrlState()
  const router = useRouter()
  const traceId = url.get('id') ?? ''
  const modelName = useModelNames()
  const trace = useApi(traceId ? `trace:${traceId}` : null, () =>
    read(api.traces[':traceId'].$get({ param: { traceId } })),
  )
  const data = trace.data?.trace_id === traceId ? trace.data : undefined
  const tree = useMemo(() => (data ? buildSpanTree(data.spans) : undefined), [data])
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set())
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const searchBox = useRef<HTMLInputElement>(null)
  const found = useMemo(() => {
    const m = matcher(deferredSearch)
    return tree && m ? searchSpans(tree, m) : undefined
  }, [tree, deferredSearch])
  const rows = useMemo(
    () => (tree ? visibleRows(tree, found ? new Set() : collapsed, found?.keep) : []),
    [tree, collapsed, found],
  )
  const selectedId = url.get('span') ?? rows[0]?.span.span_id
  const selected = selectedId ? tree?.byId.get(selectedId)?.span : undefined

  const eventsBySpan = useMemo(() => {
    const map = new Map<string, NonNullable<typeof data>['events']>()
    for (const e of data?.events ?? []) {
      const list = map.get(e.span_id)
      if (list) list.push(e)
      else map.set(e.span_id, [e])
    }
    return map
  }, [data])

  const select = useCallback((id: string) => url.set({ span: id }), [url])
  const toggle = useCallback((id: string) => {
    setCollapsed((c) => {
      const next = new Set(c)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])

  const index = selectedId ? rows.findIndex((r) => r.span.span_id === selectedId) : -1
  const move = (delta: number) => {
    const next = rows[Math.max(0, Math.min(rows.length - 1, index + delta))]
    if (next) select(next.span.span_id)
  }
  useHotkeys({
    j: () => move(1),
    arrowdown: () => move(1),
    k: () => move(-1),
    arrowup: () => move(-1),
    arrowleft: () => {
      const node = selectedId ? tree?.byId.get(selectedId) : undefined
      if (!node) return
      if (node.children.length > 0 && !collapsed.has(node.span.span_id)) toggle(node.span.span_id)
      else if (node.span.parent_span_id && tree?.byId.has(node.span.parent_span_id))
        select(node.span.parent_span_id)
    },
    arrowright: () => selectedId && collapsed.has(selectedId) && toggle(selectedId),
    '/': () => searchBox.current?.focus(),
    escape: () => router.push('/traces'),
  })

  useEffect(() => {
    if (data) document.title = `${tree?.roots[0]?.span.name ?? 'Trace'} · Assay`
  }, [data, tree])

  if (!traceId) return <div className="page loading">No trace id in the address.</div>
  if (trace.error && !data)
    return (
      <div className="page">
        <div className="banner">{trace.error.message}</div>
        <Link href="/traces">Back to traces</Link>
      </div>
    )
  if (!data || !tree) return <div className="page loading">Loading trace…</div>

  const root = tree.roots[0]!.span
  const spans = data.spans
  let tokens = 0
  let cost = 0
  let errors = 0
  for (const s of spans) {
    tokens += s.total_tokens
    cost += s.cost_usd
    if (s.status_code === 'ERROR') errors++
  }
  const standing = new Map<string, unknown>()
  for (const a of data.assessments) if (a.span_id === '' && a.valid && !a.error) standing.set(a.name, a.value)
  const first = spans.reduce((m, s) => (BigInt(s.start_time) < BigInt(m) ? s.start_time : m), root.start_time)

  return (
    <div className="page trace-page">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/traces">Traces</Link>
          <span>/</span>
          <h1 className="ellipsis">{root.name || '(unnamed)'}</h1>
        </div>
        {errors > 0 ? (
          <span className="pill error">
            {errors} error{errors > 1 ? 's' : ''}
          </span>
        ) : (
          <span className="pill ok">OK</span>
        )}
        {[...standing].map(([name, value]) => (
          <span key={name} className="pill" title="assessment">
            {name}: {formatValue(value)}
          </span>
        ))}
        <AddToDataset traceId={traceId} />
      </div>
      <dl className="facts trace-facts">
        <div>
          <dt>Started</dt>
          <dd>{formatTime(nsToMs(first))}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(tree.totalMs)}</dd>
        </div>
        <div>
          <dt>Spans</dt>
          <dd>{spans.length.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>{formatCount(tokens)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatCost(cost)}</dd>
        </div>
        {root.session_id && (
          <div>
            <dt>Session</dt>
            <dd>
              <Link href={`/sessions/view?id=${encodeURIComponent(root.session_id)}`}>{root.session_id}</Link>
            </dd>
          </div>
        )}
        {root.user_id && (
          <div>
            <dt>User</dt>
            <dd>{root.user_id}</dd>
          </div>
        )}
        {root.model_id && (
          <div>
            <dt>App version</dt>
            <dd>
              <Link
                href={`/traces?${new URLSearchParams({ filter: `model.id = '${root.model_id}'`, range: '30d' })}`}
              >
                {modelName(root.model_id)}
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>Trace id</dt>
          <dd className="mono">{traceId}</dd>
        </div>
      </dl>
      <div className="trace-split">
        <div className="panel tree-panel">
          <div className="tree-tools">
            <div className="search-field">
              <SearchIcon />
              <input
                ref={searchBox}
                className="search-input"
                placeholder="Search spans (name, kind, model, text)  /"
                aria-label="Search spans"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key !== 'Escape') return
                  setSearch('')
                  e.currentTarget.blur()
                }}
              />
            </div>
            {found && (
              <span className="muted" data-testid="search-hits">
                {found.matched.size} match{found.matched.size === 1 ? '' : 'es'}
              </span>
            )}
            <span className="spacer" />
            <button type="button" className="btn ghost" onClick={() => setCollapsed(new Set())}>
              Expand all
            </button>
            <button
              type="button"
              className="btn ghost"
              onClick={() =>
                setCollapsed(
                  new Set(
                    [...tree.byId.values()]
                      .filter((n) => n.children.length > 0 && n.depth > 0)
                      .map((n) => n.span.span_id),
                  ),
                )
              }
            >
              Collapse
            </button>
          </div>
          <SpanTree
            tree={tree}
            rows={rows}
            selectedId={selectedId}
            collapsed={collapsed}
            hits={found?.matched}
            onSelect={select}
            onToggle={toggle}
          />
        </div>
        <div className="panel detail-panel">
          {selected ? (
            <SpanDetail
              key={selected.span_id}
              span={selected}
              events={eventsBySpan.get(selected.span_id) ?? []}
              traceStartNs={first}
              modelName={modelName}
              assessmentCount={
                data.assessments.filter((a) => a.span_id === selected.span_id || a.span_id === '').length
              }
              onAssessed={trace.reload}
              tab={(url.get('tab') as Tab | undefined) ?? 'io'}
              onTab={(t) => url.set({ tab: t === 'io' ? undefined : t })}
            />
          ) : (
            <div className="muted none">Select a span.</div>
          )}
        </div>
      </div>
    </div>
  )
}
