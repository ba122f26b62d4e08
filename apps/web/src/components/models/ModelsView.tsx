'use client'
/**
 * LoggedModels (application versions), newest first: params, git commit,
 * the latest evaluation's metrics and trace totals. Tick two or more to
 * compare them; each name opens the model's traces.
 */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api, read } from '@/lib/api'
import type { ComparedModel } from '@/lib/api-types'
import { formatAgo, formatCost, formatDuration, formatTime } from '@/lib/format'
import { useApi } from '@/lib/use-api'
import { ListHead } from '../ui/ListHead'
import { commitText, headline, tracesHref } from './model-metrics'

/** Metrics and trace totals of every listed model, ten at a time (the compare route's limit). */
async function loadStats(ids: string[]): Promise<Map<string, ComparedModel>> {
  const out = new Map<string, ComparedModel>()
  const chunks: string[][] = []
  for (let i = 0; i < ids.length; i += 10) chunks.push(ids.slice(i, i + 10))
  // A lone model in the last chunk is compared with the one before it (the route takes 2 to 10).
  const last = chunks.at(-1)
  if (last && last.length === 1 && ids.length > 1) last.unshift(ids[ids.length - 2]!)
  await Promise.all(
    chunks
      .filter((c) => c.length > 1)
      .map(async (c) => {
        const res = await read(api.models.compare.$get({ query: { ids: c.join(',') } }))
        for (const m of res.models) out.set(m.model.id, m)
      }),
  )
  return out
}

export function ModelsView() {
  const router = useRouter()
  const [query, setQuery] = useState('')
  const list = useApi(`models:${query}`, () =>
    read(api.models.$get({ query: { limit: '100', ...(query.trim() ? { name: query.trim() } : {}) } })),
  )
  const items = list.data?.items ?? []
  const ids = items.map((m) => m.id)
  const stats = useApi(ids.length ? `model-stats:${ids.join(',')}` : null, () => loadStats(ids))
  const [picked, setPicked] = useState<string[]>([])
  const scorers = [
    ...new Set(
      [...(stats.data?.values() ?? [])].flatMap((m) => Object.keys(m.latestRun?.summary?.scorers ?? {})),
    ),
  ].slice(0, 4)
  const toggle = (id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]))

  return (
    <div className="page flow">
      <ListHead
        title="Models"
        loading={list.loading}
        count={items.length}
        more={Boolean(list.data?.nextCursor)}
        unit="versions"
        error={list.error}
      >
        <input
          className="input"
          aria-label="Search models by name"
          placeholder="Name"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          className="btn primary"
          disabled={picked.length < 2}
          onClick={() => router.push(`/models/compare?ids=${picked.join(',')}`)}
        >
          Compare {picked.length >= 2 ? picked.length : ''}
        </button>
      </ListHead>
      <div className="panel">
        <table className="simple-table models-table">
          <thead>
            <tr>
              <th className="check-col" aria-label="Pick" />
              <th>Model</th>
              <th>Params</th>
              <th>Commit</th>
              {scorers.map((s) => (
                <th key={s} className="right">
                  {s}
                </th>
              ))}
              <th className="right">Traces</th>
              <th className="right">p50</th>
              <th className="right">Cost</th>
              <th>Created</th>
            </tr>
          </thead>
          <tbody>
            {items.map((m) => {
              const s = stats.data?.get(m.id)
              const on = picked.includes(m.id)
              return (
                <tr
                  key={m.id}
                  className={on ? 'selected' : ''}
                  data-model={m.name}
                  onClick={() => toggle(m.id)}
                >
                  <td className="check-col">
                    <input
                      type="checkbox"
                      aria-label={`Compare ${m.name}`}
                      checked={on}
                      onChange={() => toggle(m.id)}
                      onClick={(e) => e.stopPropagation()}
                    />
                  </td>
                  <td>
                    <Link
                      href={tracesHref(m.id)}
                      className="cell-name"
                      onClick={(e) => e.stopPropagation()}
                      title="This model's traces"
                    >
                      {m.name}
                    </Link>
                    {m.status !== 'ready' && (
                      <span className={`pill ${m.status === 'failed' ? 'error' : ''}`}>{m.status}</span>
                    )}
                  </td>
                  <td className="params-cell">
                    {Object.entries(m.params)
                      .slice(0, 4)
                      .map(([k, v]) => (
                        <span key={k} className="param">
                          <span className="muted">{k}</span> {String(v)}
                        </span>
                      ))}
                  </td>
                  <td className="mono" title={m.git.branch ?? undefined}>
                    {commitText(m.git)}
                  </td>
                  {scorers.map((sc) => (
                    <td key={sc} className="right">
                      {headline(s?.latestRun?.summary?.scorers[sc])}
                    </td>
                  ))}
                  <td className="right">{s ? s.traces.traceCount : '–'}</td>
                  <td className="right">
                    {s?.traces.latencyMs.p50 != null ? formatDuration(s.traces.latencyMs.p50) : '–'}
                  </td>
                  <td className="right">{s ? formatCost(s.traces.costUsd.total) : '–'}</td>
                  <td title={formatTime(m.createdAt)}>{formatAgo(m.createdAt)}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {!list.loading && items.length === 0 && (
          <div className="empty-rows">
            No models yet. The SDK's <code>{'setActiveModel({ name, params })'}</code> records one and stamps
            its id on every span that follows.
          </div>
        )}
      </div>
    </div>
  )
}
