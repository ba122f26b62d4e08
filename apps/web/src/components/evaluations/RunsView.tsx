'use client'
/** Evaluation runs, newest first: per-scorer pass rates and means, the dataset version and model each ran on. */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api, read } from '@/lib/api'
import { formatAgo, formatCost, formatDuration, formatTime } from '@/lib/format'
import { useModelNames } from '@/lib/model-names'
import { useApi } from '@/lib/use-api'
import { headline, tracesHref } from '../models/model-metrics'

/** Links inside a clickable row open themselves, not the row. */
const stop = (e: React.MouseEvent) => e.stopPropagation()
export const runHref = (id: string) => `/evaluations/view?id=${encodeURIComponent(id)}`

export function StatusPill({ status }: { status: string }) {
  const tone = status === 'completed' ? 'ok' : status === 'failed' ? 'error' : ''
  return <span className={`pill ${tone}`}>{status}</span>
}

export function RunsView() {
  const router = useRouter()
  const runs = useApi('runs', () => read(api.runs.$get({ query: { limit: '100' } })))
  const datasets = useApi('datasets', () => read(api.datasets.$get({ query: { limit: '200' } })))
  const modelName = useModelNames()
  const items = runs.data?.items ?? []
  const [baseline, setBaseline] = useState<string>()
  const datasetName = (id: string | null) => datasets.data?.items.find((d) => d.id === id)?.name ?? id

  return (
    <div className="page flow">
      <div className="page-head">
        <h1>Evaluations</h1>
        <span className="muted">
          {runs.loading ? 'loading…' : `${items.length}${runs.data?.nextCursor ? '+' : ''} runs`}
        </span>
        <div className="spacer" />
        <Link href="/evaluations/calibration" className="btn">
          Judge calibration
        </Link>
      </div>
      {runs.error && <div className="banner">{runs.error.message}</div>}
      {baseline && (
        <div className="hint-bar">
          Baseline picked: <b>{items.find((r) => r.id === baseline)?.name || baseline}</b>. Choose the run to
          compare it with.
          <button type="button" className="link" onClick={() => setBaseline(undefined)}>
            Cancel
          </button>
        </div>
      )}
      <div className="panel">
        <table className="simple-table runs-table">
          <thead>
            <tr>
              <th>Run</th>
              <th>Status</th>
              <th>Scorers</th>
              <th className="right">Items</th>
              <th>Dataset</th>
              <th>Model</th>
              <th className="right">Duration</th>
              <th className="right">Judge cost</th>
              <th>Started</th>
              <th aria-label="Compare" />
            </tr>
          </thead>
          <tbody>
            {items.map((r) => {
              const scorers = Object.entries(r.summary?.scorers ?? {})
              return (
                <tr key={r.id} data-run={r.name} onClick={() => router.push(runHref(r.id))}>
                  <td>
                    <Link href={runHref(r.id)} className="cell-name">
                      {r.name || r.id.slice(0, 8)}
                    </Link>
                  </td>
                  <td>
                    <StatusPill status={r.status} />
                  </td>
                  <td className="scorer-cells">
                    {scorers.map(([name, s]) => (
                      <span
                        key={name}
                        className={`pill ${s.passRate == null ? '' : s.passRate >= 0.8 ? 'ok' : s.passRate < 0.5 ? 'error' : 'warn'}`}
                      >
                        {name} {headline(s)}
                      </span>
                    ))}
                    {scorers.length === 0 && <span className="muted">–</span>}
                  </td>
                  <td className="right">{r.summary?.itemCount ?? '–'}</td>
                  <td>
                    {r.datasetId ? (
                      <Link
                        onClick={stop}
                        href={`/datasets/view?id=${r.datasetId}&version=${r.datasetVersion ?? ''}`}
                      >
                        {datasetName(r.datasetId)} <span className="muted">v{r.datasetVersion}</span>
                      </Link>
                    ) : (
                      <span className="muted">traces</span>
                    )}
                  </td>
                  <td>
                    {r.loggedModelId ? (
                      <Link onClick={stop} href={tracesHref(r.loggedModelId)} title="This model's traces">
                        {modelName(r.loggedModelId)}
                      </Link>
                    ) : (
                      <span className="muted">–</span>
                    )}
                  </td>
                  <td className="right">{r.summary ? formatDuration(r.summary.durationMs) : '–'}</td>
                  <td className="right">{r.summary ? formatCost(r.summary.costUsd) : '–'}</td>
                  <td title={formatTime(r.createdAt)}>{formatAgo(r.createdAt)}</td>
                  <td>
                    {baseline && baseline !== r.id ? (
                      <Link
                        onClick={stop}
                        className="btn"
                        href={`/evaluations/compare?id=${r.id}&baseline=${baseline}`}
                      >
                        Compare
                      </Link>
                    ) : (
                      <button
                        type="button"
                        className="btn ghost"
                        onClick={(e) => {
                          stop(e)
                          setBaseline(r.id)
                        }}
                        disabled={baseline === r.id}
                      >
                        {baseline === r.id ? 'Baseline' : 'Use as baseline'}
                      </button>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        {!runs.loading && items.length === 0 && (
          <div className="empty-rows">
            No evaluation runs yet. <code>assay eval</code> records one per run, linked to its dataset version
            and model.
          </div>
        )}
      </div>
    </div>
  )
}
