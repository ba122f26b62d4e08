'use client'
/** One assessment's values over time: pass rate for pass/fail, mean for numbers, count otherwise. */
import { useState } from 'react'
import { api, read } from '@/lib/api'
import { formatValue } from '@/lib/format'
import { useApi } from '@/lib/use-api'
import { PALETTE, TimeChart } from './TimeChart'

export function AssessmentChart({
  window,
  bucket,
}: {
  window: { from: string; to: string }
  bucket: string
}) {
  const names = useApi(`feedback-names:${window.from}`, () =>
    read(
      api.filter.values.$get({ query: { field: 'feedback', from: window.from, to: window.to, limit: '50' } }),
    ),
  )
  const [picked, setPicked] = useState<string>()
  const name = picked ?? names.data?.values[0]
  const series = useApi(name ? `assessment-ts:${name}:${window.from}:${bucket}` : null, () =>
    read(api.assessments.timeseries.$get({ query: { name: name!, ...window, bucket } })),
  )
  const buckets = series.data?.buckets ?? []
  const isBool = buckets.some((b) => b.boolean)
  const isNum = !isBool && buckets.some((b) => b.number)
  const values = buckets.map((b) =>
    isBool
      ? b.boolean
        ? b.boolean.pass_rate
        : null
      : isNum
        ? b.number
          ? b.number.mean
          : null
        : b.count || null,
  )
  return (
    <section className="panel chart-card">
      <div className="chart-title">
        Assessment
        {names.data && names.data.values.length > 0 && (
          <select
            className="input chart-select"
            aria-label="Assessment"
            value={name}
            onChange={(e) => setPicked(e.target.value)}
          >
            {names.data.values.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        )}
        <span className="muted">{isBool ? 'pass rate' : isNum ? 'mean' : 'count'}</span>
      </div>
      {names.data && names.data.values.length === 0 ? (
        <div className="muted chart-empty">
          No assessments in this window. Add feedback on a trace, or run an evaluation.
        </div>
      ) : (
        <TimeChart
          times={buckets.map((b) => b.start)}
          format={(v) => (isBool ? `${Math.round(v * 100)}%` : formatValue(v))}
          series={[{ name: name ?? '', color: PALETTE[1]!, values }]}
        />
      )}
    </section>
  )
}
