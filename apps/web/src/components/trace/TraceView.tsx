'use client'
/**
 * One trace: its facts and assessments on top, the span tree with its
 * waterfall on the left, the selected span on the right. `?id=<trace>&span=<span>`.
 * Keys: j/k or arrows move, ←/→ collapse and expand, / searches, Esc goes back.
 */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react'
import { api, read } from '@/lib/api'
import { formatCost, formatCount, formatDuration, formatTime, formatValue, nsToMs } from '@/lib/format'
import { useModelNames } from '@/lib/model-names'
import { buildSpanTree, isError, nameOf, visibleRows } from '@/lib/span-tree'
import { loadTraceTree } from '@/lib/trace-api'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { useHotkeys } from '@/lib/use-hotkeys'
import { useTraceSearch } from '@/lib/use-trace-search'
import { AddToDataset } from '../datasets/AddToDataset'
import { SearchIcon } from '../ui/icons'
import { SelectedSpan } from './SelectedSpan'
import type { Tab } from './SpanDetail'
import { SpanTree } from './SpanTree'

export function TraceView() {
  const url = useUrlState()
  const router = useRouter()
  const traceId = url.get('id') ?? ''
  const modelName = useModelNames()
  // The tree columns of every span; a span's payload loads when it is selected (SelectedSpan).
  const trace = useApi(traceId ? `trace:${traceId}` : null, () => loadTraceTree(traceId))
  const data = trace.data?.trace_id === traceId ? trace.data : undefined
  const tree = useMemo(() => (data ? buildSpanTree(data) : undefined), [data])
  const assessments = useApi(traceId ? `assessments:${traceId}` : null, () =>
    read(api.traces[':traceId'].assessments.$get({ param: { traceId }, query: {} })),
  )
  const standingAssessments = assessments.data?.items ?? []
  const [collapsed, setCollapsed] = useState<Set<string>>(() => new Set())
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)
  const searchBox = useRef<HTMLInputElement>(null)
  const found = useTraceSearch(traceId, tree, deferredSearch)
  const rows = useMemo(
    () => (tree ? visibleRows(tree, found ? new Set() : collapsed, found?.keep) : new Int32Array(0)),
    [tree, collapsed, found],
  )
  const idAt = (i: number | undefined) => (tree && i !== undefined ? tree.columns.span_id[i] : undefined)
  const selectedId = url.get('span') ?? idAt(rows[0])
  const selected = selectedId !== undefined ? tree?.indexOf.get(selectedId) : undefined

  const select = useCallback((id: string) => url.set({ span: id }), [url])
  const toggle = useCallback((id: string) => {
    setCollapsed((c) => {
      const next = new Set(c)
      if (next.has(id)) next.delete(id)
      else next.add(id)
      return next
    })
  }, [])

  // Keys act on the span the address names when they are pressed (see url-state.ts).
  const selectedNow = () => {
    const id = url.now('span') ?? idAt(rows[0])
    return { id, index: id !== undefined ? tree?.indexOf.get(id) : undefined }
  }
  const move = (delta: number) => {
    const { index: current } = selectedNow()
    const at = current !== undefined ? rows.indexOf(current) : -1
    const next = idAt(rows[Math.max(0, Math.min(rows.length - 1, at + delta))])
    if (next) select(next)
  }
  useHotkeys({
    j: () => move(1),
    arrowdown: () => move(1),
    k: () => move(-1),
    arrowup: () => move(-1),
    arrowleft: () => {
      const { id, index: current } = selectedNow()
      if (!tree || current === undefined || id === undefined) return
      const parent = idAt(tree.parent[current]! >= 0 ? tree.parent[current] : undefined)
      if (tree.childCount[current]! > 0 && !collapsed.has(id)) toggle(id)
      else if (parent) select(parent)
    },
    arrowright: () => {
      const { id } = selectedNow()
      if (id && collapsed.has(id)) toggle(id)
    },
    '/': () => searchBox.current?.focus(),
    escape: () => router.push('/traces'),
  })

  useEffect(() => {
    if (tree) document.title = `${tree.roots.length > 0 ? nameOf(tree, tree.roots[0]!) : 'Trace'} · Assay`
  }, [tree])

  if (!traceId) return <div className="page loading">No trace id in the address.</div>
  if (trace.error && !data)
    return (
      <div className="page">
        <div className="banner">{trace.error.message}</div>
        <Link href="/traces">Back to traces</Link>
      </div>
    )
  if (!data || !tree) return <div className="page loading">Loading trace…</div>

  const rootName = tree.roots.length > 0 ? nameOf(tree, tree.roots[0]!) : ''
  let tokens = 0
  let cost = 0
  let errors = 0
  for (let i = 0; i < tree.count; i++) {
    tokens += data.total_tokens[i]!
    cost += data.cost_usd[i]!
    if (isError(tree, i)) errors++
  }
  const standing = new Map<string, unknown>()
  for (const a of standingAssessments)
    if (a.span_id === '' && a.valid && !a.error) standing.set(a.name, a.value)
  const first =
    tree.firstStartNs === 0 ? data.origin : String(BigInt(data.origin) + BigInt(tree.firstStartNs))

  return (
    <div className="page trace-page">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/traces">Traces</Link>
          <span>/</span>
          <h1 className="ellipsis">{rootName || '(unnamed)'}</h1>
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
          <dd>{tree.count.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd>{formatCount(tokens)}</dd>
        </div>
        <div>
          <dt>Cost</dt>
          <dd>{formatCost(cost)}</dd>
        </div>
        {data.session_id && (
          <div>
            <dt>Session</dt>
            <dd>
              <Link href={`/sessions/view?id=${encodeURIComponent(data.session_id)}`}>{data.session_id}</Link>
            </dd>
          </div>
        )}
        {data.user_id && (
          <div>
            <dt>User</dt>
            <dd>{data.user_id}</dd>
          </div>
        )}
        {data.model_id && (
          <div>
            <dt>App version</dt>
            <dd>
              <Link
                href={`/traces?${new URLSearchParams({ filter: `model.id = '${data.model_id}'`, range: '30d' })}`}
              >
                {modelName(data.model_id)}
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
                {found.count} match{found.count === 1 ? '' : 'es'}
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
                    tree.columns.span_id.filter((_, i) => tree.childCount[i]! > 0 && tree.depth[i]! > 0),
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
          {selectedId !== undefined && selected !== undefined ? (
            <SelectedSpan
              traceId={traceId}
              spanId={selectedId}
              traceStartNs={first}
              modelName={modelName}
              assessmentCount={
                standingAssessments.filter((a) => a.span_id === selectedId || a.span_id === '').length
              }
              onAssessed={assessments.reload}
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
