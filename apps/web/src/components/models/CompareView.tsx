'use client'
/**
 * Two or more models side by side (`?ids=a,b`): each one's latest
 * evaluation (per-scorer pass rate or mean), trace count, errors, latency,
 * tokens and cost, as a table and as bars; the best value of a row marked.
 */
import Link from 'next/link'
import { api, read } from '@/lib/api'
import type { ComparedModel } from '@/lib/api-types'
import { formatCost, formatCount, formatDuration } from '@/lib/format'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { BarChart, type BarGroup } from './BarChart'
import { commitText, pct, tracesHref } from './model-metrics'

interface Row {
  label: string
  value: (m: ComparedModel) => number | null
  format: (v: number) => string
  /** Which way is better: for the mark on the best value. */
  better: 'high' | 'low'
  chart?: boolean
  rate?: boolean
}

function rows(models: ComparedModel[]): Row[] {
  const scorers = [...new Set(models.flatMap((m) => Object.keys(m.latestRun?.summary?.scorers ?? {})))]
  const scorerRows: Row[] = scorers.map((name) => {
    const hasRate = models.some((m) => m.latestRun?.summary?.scorers[name]?.passRate != null)
    return {
      label: name,
      value: (m) => {
        const s = m.latestRun?.summary?.scorers[name]
        return (hasRate ? s?.passRate : s?.mean) ?? null
      },
      format: hasRate ? (v) => pct(v) : (v) => v.toFixed(3),
      better: 'high',
      chart: true,
      rate: hasRate,
    }
  })
  const t = (f: (m: ComparedModel) => number | null) => (m: ComparedModel) =>
    m.traces.traceCount ? f(m) : null
  return [
    ...scorerRows,
    {
      label: 'Traces',
      value: (m) => m.traces.traceCount,
      format: (v) => formatCount(v) || '0',
      better: 'high',
    },
    {
      label: 'Error rate',
      value: t((m) => m.traces.errorCount / m.traces.traceCount),
      format: pct,
      better: 'low',
      chart: true,
      rate: true,
    },
    {
      label: 'Latency p50',
      value: t((m) => m.traces.latencyMs.p50),
      format: formatDuration,
      better: 'low',
      chart: true,
    },
    {
      label: 'Latency p95',
      value: t((m) => m.traces.latencyMs.p95),
      format: formatDuration,
      better: 'low',
      chart: true,
    },
    {
      label: 'Tokens / trace',
      value: t((m) => m.traces.totalTokens.meanPerTrace),
      format: (v) => formatCount(Math.round(v)) || '0',
      better: 'low',
      chart: true,
    },
    {
      label: 'Cost / trace',
      value: t((m) => m.traces.costUsd.meanPerTrace),
      format: formatCost,
      better: 'low',
      chart: true,
    },
    { label: 'Total cost', value: (m) => m.traces.costUsd.total, format: formatCost, better: 'low' },
  ]
}

function best(row: Row, models: ComparedModel[]): number | null {
  const values = models.map(row.value).filter((v): v is number => v !== null)
  if (values.length < 2 || new Set(values).size === 1) return null
  return row.better === 'high' ? Math.max(...values) : Math.min(...values)
}

export function CompareView() {
  const url = useUrlState()
  const ids = url.get('ids') ?? ''
  const data = useApi(ids.includes(',') ? `compare:${ids}` : null, () =>
    read(api.models.compare.$get({ query: { ids } })),
  )
  const models = data.data?.models ?? []
  const table = rows(models)
  const names = models.map(
    (m) =>
      m.model.name +
      (models.filter((x) => x.model.name === m.model.name).length > 1 ? ` (${commitText(m.model.git)})` : ''),
  )
  const groups: BarGroup[] = table
    .filter((r) => r.chart)
    .map((r) => ({
      label: r.label,
      values: models.map(r.value),
      format: r.format,
      max: r.rate ? 1 : undefined,
    }))

  return (
    <div className="page flow">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/models">Models</Link>
          <span>/</span>
          <h1>Compare</h1>
        </div>
        <span className="muted">latest completed run per model · traces of the last 30 days</span>
      </div>
      {ids.split(',').filter(Boolean).length < 2 ? (
        <div className="empty-rows panel">
          Pick two or more models to compare on the <Link href="/models">models list</Link>.
        </div>
      ) : (
        data.error && <div className="banner">{data.error.message}</div>
      )}
      {data.loading && !data.data && <div className="loading">Loading…</div>}
      {models.length > 0 && (
        <>
          <div className="panel">
            <table className="simple-table compare-table" data-testid="model-compare">
              <thead>
                <tr>
                  <th>Metric</th>
                  {models.map((m, i) => (
                    <th key={m.model.id} className="right">
                      <Link href={tracesHref(m.model.id)} className="model-head" title="This model's traces">
                        {names[i]}
                      </Link>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <tr className="static">
                  <td className="muted">Params</td>
                  {models.map((m) => (
                    <td key={m.model.id} className="right params-cell">
                      {Object.entries(m.model.params).map(([k, v]) => (
                        <span key={k} className="param">
                          <span className="muted">{k}</span> {String(v)}
                        </span>
                      ))}
                    </td>
                  ))}
                </tr>
                <tr className="static">
                  <td className="muted">Commit</td>
                  {models.map((m) => (
                    <td key={m.model.id} className="right mono">
                      {commitText(m.model.git)}
                    </td>
                  ))}
                </tr>
                <tr className="static">
                  <td className="muted">Evaluation</td>
                  {models.map((m) => (
                    <td key={m.model.id} className="right">
                      {m.latestRun ? (
                        <Link href={`/evaluations/view?id=${m.latestRun.id}`}>
                          {m.latestRun.name || 'run'} →
                        </Link>
                      ) : (
                        <span className="muted">no completed run</span>
                      )}
                    </td>
                  ))}
                </tr>
                {table.map((r) => {
                  const top = best(r, models)
                  return (
                    <tr key={r.label} className="static" data-metric={r.label}>
                      <td className="cell-name">{r.label}</td>
                      {models.map((m) => {
                        const v = r.value(m)
                        return (
                          <td key={m.model.id} className={`right${v !== null && v === top ? ' best' : ''}`}>
                            {v === null ? '–' : r.format(v)}
                          </td>
                        )
                      })}
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          <section className="panel chart-card">
            <div className="chart-title">Side by side</div>
            <BarChart groups={groups} names={names} />
          </section>
        </>
      )}
    </div>
  )
}
