'use client'
/**
 * One evaluation run (`?id=&outcome=failed&item=<trace>`): per-scorer pass
 * rates and means, the dataset version and model it ran on; its items with
 * each scorer's verdict, filterable to failures; the chosen item's
 * rationale, input, output and expectations. Keys: j/k move, f failures.
 */
import Link from 'next/link'
import { useEffect } from 'react'
import { api, read } from '@/lib/api'
import { previewOf } from '@/lib/content-shape'
import { formatCost, formatDuration, formatTime } from '@/lib/format'
import { useModelNames } from '@/lib/model-names'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { useHotkeys } from '@/lib/use-hotkeys'
import { pct, tracesHref } from '../models/model-metrics'
import { ItemDetail } from './ItemDetail'
import { StatusPill } from './RunsView'

export function RunView() {
  const url = useUrlState()
  const id = url.get('id') ?? ''
  const outcome = url.get('outcome') === 'failed' ? 'failed' : 'all'
  const modelName = useModelNames()
  const run = useApi(id ? `run:${id}` : null, () => read(api.runs[':id'].$get({ param: { id } })))
  const items = useApi(id ? `run-items:${id}:${outcome}` : null, () =>
    read(api.runs[':id'].items.$get({ param: { id }, query: { outcome, limit: '500' } })),
  )
  const others = useApi(run.data?.datasetId ? `runs-on:${run.data.datasetId}` : null, () =>
    read(api.runs.$get({ query: { dataset_id: run.data!.datasetId!, limit: '50' } })),
  )
  const list = items.data?.items ?? []
  const chosenId = url.get('item') ?? list[0]?.traceId
  const index = list.findIndex((i) => i.traceId === chosenId)
  const chosen = list[index]
  const move = (d: number) => {
    // From the item the address names now: two quick presses move two items (see url-state.ts).
    const nowId = url.now('item') ?? list[0]?.traceId
    const at = list.findIndex((i) => i.traceId === nowId)
    const next = list[Math.max(0, Math.min(list.length - 1, at + d))]
    if (next) url.set({ item: next.traceId })
  }
  const keys: Record<string, () => void> = {
    j: () => move(1),
    arrowdown: () => move(1),
    k: () => move(-1),
    arrowup: () => move(-1),
    f: () => url.set({ outcome: url.now('outcome') === 'failed' ? undefined : 'failed', item: undefined }),
  }
  useHotkeys(keys)
  // biome-ignore lint/correctness/useExhaustiveDependencies: scroll when the chosen item changes
  useEffect(() => {
    document.querySelector('.run-item.selected')?.scrollIntoView({ block: 'nearest' })
  }, [chosenId])

  const r = run.data
  if (!id) return <div className="page loading">No run id in the address.</div>
  const scorers = Object.entries(r?.summary?.scorers ?? {})
  const comparable = (others.data?.items ?? []).filter((o) => o.id !== id)

  return (
    <div className="page run-page">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/evaluations">Evaluations</Link>
          <span>/</span>
          <h1 className="ellipsis">{r ? r.name || r.id.slice(0, 8) : 'Run'}</h1>
        </div>
        {r && <StatusPill status={r.status} />}
        <div className="spacer" />
        {comparable.length > 0 && (
          <select
            className="input"
            aria-label="Compare with"
            value=""
            onChange={(e) =>
              e.target.value &&
              window.location.assign(`/evaluations/compare?id=${id}&baseline=${e.target.value}`)
            }
          >
            <option value="">Compare with…</option>
            {comparable.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name || o.id.slice(0, 8)} · {formatTime(o.createdAt)}
              </option>
            ))}
          </select>
        )}
      </div>
      {(run.error ?? items.error) && <div className="banner">{(run.error ?? items.error)?.message}</div>}
      {r && (
        <dl className="facts">
          <div>
            <dt>Dataset</dt>
            <dd>
              {r.datasetId ? (
                <Link href={`/datasets/view?id=${r.datasetId}&version=${r.datasetVersion ?? ''}`}>
                  version {r.datasetVersion}
                </Link>
              ) : (
                'traces'
              )}
            </dd>
          </div>
          <div>
            <dt>Model</dt>
            <dd>
              {r.loggedModelId ? (
                <Link href={tracesHref(r.loggedModelId)} title="This model's traces">
                  {modelName(r.loggedModelId)}
                </Link>
              ) : (
                '–'
              )}
            </dd>
          </div>
          <div>
            <dt>Items</dt>
            <dd>{r.summary?.itemCount ?? items.data?.total ?? '–'}</dd>
          </div>
          <div>
            <dt>Failed</dt>
            <dd className={items.data?.failed ? 'error-text' : ''}>{items.data?.failed ?? '–'}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{r.summary ? formatDuration(r.summary.durationMs) : '–'}</dd>
          </div>
          <div>
            <dt>Judge cost</dt>
            <dd>{r.summary ? formatCost(r.summary.costUsd) : '–'}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{formatTime(r.startedAt ?? r.createdAt)}</dd>
          </div>
          {r.error && (
            <div>
              <dt>Error</dt>
              <dd className="error-text">{r.error}</dd>
            </div>
          )}
        </dl>
      )}
      {scorers.length > 0 && (
        <div className="stats scorer-stats">
          {scorers.map(([name, s]) => (
            <div key={name} className="stat" data-scorer={name}>
              <dt>{name}</dt>
              <dd className={s.passRate != null && s.passRate < 0.5 ? 'error-text' : ''}>
                {s.passRate != null ? pct(s.passRate) : s.mean != null ? s.mean.toFixed(3) : '–'}
              </dd>
              <div className="muted stat-sub">
                {s.passRate != null ? 'pass rate' : 'mean'}
                {s.passRate != null && s.mean != null ? ` · mean ${s.mean.toFixed(2)}` : ''}
                {s.errorCount ? ` · ${s.errorCount} errors` : ''}
              </div>
            </div>
          ))}
        </div>
      )}
      <div className="run-split">
        <div className="panel run-items">
          <div className="tree-tools">
            <div className="seg" role="radiogroup" aria-label="Show">
              <button
                type="button"
                className={outcome === 'all' ? 'on' : ''}
                onClick={() => url.set({ outcome: undefined, item: undefined })}
              >
                All <span className="count">{items.data?.total ?? ''}</span>
              </button>
              <button
                type="button"
                className={outcome === 'failed' ? 'on bad' : ''}
                onClick={() => url.set({ outcome: 'failed', item: undefined })}
              >
                Failures <span className="count">{items.data?.failed ?? ''}</span>
              </button>
            </div>
            <span className="spacer" />
            <span className="muted hints-inline">
              <kbd>j</kbd>
              <kbd>k</kbd> move · <kbd>f</kbd> failures
            </span>
          </div>
          <ul className="run-item-list" aria-label="Items">
            {list.map((item) => (
              <li key={item.traceId}>
                <button
                  type="button"
                  className={`run-item${item.traceId === chosenId ? ' selected' : ''}`}
                  data-passed={String(item.passed)}
                  onClick={() => url.set({ item: item.traceId })}
                >
                  <span className={`dot ${item.passed === false ? 'error' : item.passed ? 'ok' : ''}`} />
                  <span className="ellipsis run-item-input">
                    {previewOf(item.input, 'input') || item.name}
                  </span>
                  <span className="run-item-scores">
                    {item.scores.map((s) => (
                      <span
                        key={s.assessmentId}
                        className={`verdict-chip ${s.error || s.passed === false ? 'fail' : s.passed ? 'pass' : ''}`}
                        title={`${s.name}: ${s.error ? 'error' : s.passed === null ? String(s.value) : s.passed ? 'pass' : 'fail'}`}
                      >
                        {s.name}
                      </span>
                    ))}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {!items.loading && list.length === 0 && (
            <div className="empty-rows">
              {outcome === 'failed' ? 'No failures in this run.' : 'This run scored no items yet.'}
            </div>
          )}
          {items.data?.nextCursor && (
            <div className="tfoot muted">Showing the first {list.length} items.</div>
          )}
        </div>
        <div className="panel detail-panel">
          {chosen ? <ItemDetail item={chosen} /> : <div className="muted none">Select an item.</div>}
        </div>
      </div>
    </div>
  )
}
