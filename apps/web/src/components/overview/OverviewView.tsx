'use client'
/**
 * The overview: volume, errors, latency, tokens and cost over the window,
 * by model where it matters, and one assessment's values over time. Before
 * the first trace it is the getting-started guide instead.
 */
import { useEffect, useState } from 'react'
import { api, read } from '@/lib/api'
import { formatCost, formatCount, formatDuration, nsToMs } from '@/lib/format'
import { bucketFor, resolveRange, type TimeRange } from '@/lib/time-range'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { TimeRangePicker } from '../traces/TimeRangePicker'
import { EmptyState } from '../ui/EmptyState'
import { AssessmentChart } from './AssessmentChart'
import { PALETTE, TimeChart } from './TimeChart'

const pct = (v: number) => `${(v * 100).toFixed(v < 0.1 ? 1 : 0)}%`

function Card({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="panel chart-card">
      <div className="chart-title">{title}</div>
      {children}
    </section>
  )
}

export function OverviewView() {
  const url = useUrlState()
  const range: TimeRange = { range: url.get('range') ?? '7d', from: url.get('from'), to: url.get('to') }
  const key = JSON.stringify(range)
  const [window, setWindow] = useState(() => resolveRange(range))
  // biome-ignore lint/correctness/useExhaustiveDependencies: key stands for range
  useEffect(() => setWindow(resolveRange(range)), [key])
  const bucket = bucketFor(Date.parse(window.to) - Date.parse(window.from))
  const totals = useApi(`metrics:${key}`, () => read(api.metrics.$get({ query: { ...window, bucket } })))
  const byModel = useApi(`metrics-model:${key}`, () =>
    read(api.metrics.$get({ query: { ...window, bucket, group_by: 'model' } })),
  )
  const any = useApi('any-trace', () => read(api.traces.$get({ query: { from: '1', limit: '1' } })))

  if (any.data && any.data.items.length === 0)
    return (
      <div className="page">
        <div className="page-head">
          <h1>Overview</h1>
        </div>
        <EmptyState />
      </div>
    )

  const points = totals.data?.series[0]?.points ?? []
  const times = points.map((p) => nsToMs(p.bucket))
  const sum = (f: (p: (typeof points)[number]) => number) => points.reduce((s, p) => s + f(p), 0)
  const spans = sum((p) => p.spans)
  const errors = sum((p) => p.errors)
  const models = (byModel.data?.series ?? []).filter((s) => s.group).slice(0, 8)
  const modelTimes = models[0]?.points.map((p) => nsToMs(p.bucket)) ?? []

  return (
    <div className="page overview">
      <div className="page-head">
        <h1>Overview</h1>
        <div className="spacer" />
        <TimeRangePicker
          value={range}
          onChange={(r) => url.set({ range: r.range, from: r.from, to: r.to })}
        />
      </div>
      {totals.error && <div className="banner">{totals.error.message}</div>}
      <div className="stats">
        <div className="stat">
          <dt>Traces</dt>
          <dd>{formatCount(sum((p) => p.traces)) || 0}</dd>
        </div>
        <div className="stat">
          <dt>Spans</dt>
          <dd>{formatCount(spans) || 0}</dd>
        </div>
        <div className="stat">
          <dt>Span error rate</dt>
          <dd className={errors ? 'error-text' : ''}>{spans ? pct(errors / spans) : '–'}</dd>
        </div>
        <div className="stat">
          <dt>Tokens</dt>
          <dd>{formatCount(sum((p) => p.total_tokens)) || 0}</dd>
        </div>
        <div className="stat">
          <dt>Cost</dt>
          <dd>{formatCost(sum((p) => p.cost_usd))}</dd>
        </div>
      </div>
      <div className="chart-grid">
        <Card title="Traces">
          <TimeChart
            times={times}
            kind="bar"
            format={(v) => formatCount(v) || '0'}
            series={[{ name: 'traces', color: PALETTE[0]!, values: points.map((p) => p.traces) }]}
          />
        </Card>
        <Card title="Error rate">
          <TimeChart
            times={times}
            format={pct}
            series={[
              {
                name: 'error rate',
                color: '#d92d20',
                values: points.map((p) => (p.spans ? p.error_rate : null)),
              },
            ]}
          />
        </Card>
        <Card title="Trace latency">
          <TimeChart
            times={times}
            format={formatDuration}
            series={[
              { name: 'p50', color: PALETTE[0]!, values: points.map((p) => p.trace_latency_ms?.p50 ?? null) },
              { name: 'p95', color: PALETTE[2]!, values: points.map((p) => p.trace_latency_ms?.p95 ?? null) },
            ]}
          />
        </Card>
        <Card title="Tokens by model">
          <TimeChart
            times={modelTimes}
            kind="bar"
            format={(v) => formatCount(v) || '0'}
            series={models.map((s, i) => ({
              name: s.group ?? '',
              color: PALETTE[i % PALETTE.length]!,
              values: s.points.map((p) => p.total_tokens),
            }))}
          />
        </Card>
        <Card title="Cost by model">
          <TimeChart
            times={modelTimes}
            kind="bar"
            format={(v) => (v ? formatCost(v) : '$0')}
            series={models.map((s, i) => ({
              name: s.group ?? '',
              color: PALETTE[i % PALETTE.length]!,
              values: s.points.map((p) => p.cost_usd),
            }))}
          />
        </Card>
        <AssessmentChart window={window} bucket={bucket} />
      </div>
    </div>
  )
}
