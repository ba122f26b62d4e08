'use client'
/**
 * A run against a baseline (`?id=&baseline=`), item by item: regressions
 * first, then improvements; per scorer the pass rates before and after and
 * how many items moved each way.
 */
import Link from 'next/link'
import { api, read } from '@/lib/api'
import type { RunComparison } from '@/lib/api-types'
import { previewOf } from '@/lib/content-shape'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { pct } from '../models/model-metrics'
import { runHref } from './RunsView'

const CHANGES = ['regressed', 'improved', 'added', 'removed', 'unchanged'] as const
type Change = (typeof CHANGES)[number]

function Cell({ c }: { c: RunComparison['items'][number]['base'][string] | undefined }) {
  if (!c) return <span className="muted">–</span>
  const cls = c.error || c.passed === false ? 'fail' : c.passed ? 'pass' : ''
  return (
    <span className={`verdict-chip ${cls}`}>
      {c.error ? 'error' : c.passed === null ? String(c.value) : c.passed ? 'pass' : 'fail'}
    </span>
  )
}

export function RunCompareView() {
  const url = useUrlState()
  const id = url.get('id') ?? ''
  const baseline = url.get('baseline') ?? ''
  const show = (url.get('show') as Change | 'all' | undefined) ?? 'changed'
  const cmp = useApi(id && baseline ? `run-compare:${id}:${baseline}` : null, () =>
    read(api.runs[':id'].compare.$get({ param: { id }, query: { baseline } })),
  )
  const head = useApi(id ? `run:${id}` : null, () => read(api.runs[':id'].$get({ param: { id } })))
  const base = useApi(baseline ? `run:${baseline}` : null, () =>
    read(api.runs[':id'].$get({ param: { id: baseline } })),
  )
  const d = cmp.data
  const scorerNames = d?.scorers.map((s) => s.name) ?? []
  const rows = (d?.items ?? []).filter((i) =>
    show === 'all'
      ? true
      : show === 'changed'
        ? i.change === 'improved' || i.change === 'regressed'
        : i.change === show,
  )
  const label = (r: typeof head.data, fallback: string) => (r ? r.name || r.id.slice(0, 8) : fallback)

  return (
    <div className="page flow">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/evaluations">Evaluations</Link>
          <span>/</span>
          <Link href={runHref(baseline)}>{label(base.data, 'baseline')}</Link>
          <span>→</span>
          <Link href={runHref(id)}>{label(head.data, 'run')}</Link>
          <span>/</span>
          <h1>Compare</h1>
        </div>
      </div>
      {cmp.error && <div className="banner">{cmp.error.message}</div>}
      {cmp.loading && !d && <div className="loading">Comparing…</div>}
      {d && (
        <>
          <div className="stats">
            {(['regressed', 'improved', 'unchanged', 'added', 'removed'] as const).map((c) => (
              <button
                type="button"
                key={c}
                className={`stat stat-button ${show === c ? 'on' : ''}`}
                data-change={c}
                onClick={() => url.set({ show: show === c ? undefined : c })}
              >
                <dt>{c}</dt>
                <dd
                  className={
                    c === 'regressed' && d.counts[c]
                      ? 'error-text'
                      : c === 'improved' && d.counts[c]
                        ? 'ok-text'
                        : ''
                  }
                >
                  {d.counts[c]}
                </dd>
              </button>
            ))}
          </div>
          <div className="panel">
            <table className="simple-table">
              <thead>
                <tr>
                  <th>Scorer</th>
                  <th className="right">Baseline</th>
                  <th className="right">This run</th>
                  <th className="right">Δ</th>
                  <th className="right">Improved</th>
                  <th className="right">Regressed</th>
                </tr>
              </thead>
              <tbody>
                {d.scorers.map((s) => {
                  const a = s.basePassRate ?? s.baseMean
                  const b = s.headPassRate ?? s.headMean
                  const delta = a !== null && b !== null ? b - a : null
                  const rate = s.basePassRate !== null || s.headPassRate !== null
                  return (
                    <tr key={s.name} className="static" data-scorer={s.name}>
                      <td className="cell-name">{s.name}</td>
                      <td className="right">{a === null ? '–' : rate ? pct(a) : a.toFixed(3)}</td>
                      <td className="right">{b === null ? '–' : rate ? pct(b) : b.toFixed(3)}</td>
                      <td
                        className={`right ${delta && delta > 0 ? 'ok-text' : delta && delta < 0 ? 'error-text' : ''}`}
                      >
                        {delta === null
                          ? '–'
                          : `${delta > 0 ? '+' : ''}${rate ? `${(delta * 100).toFixed(1)} pt` : delta.toFixed(3)}`}
                      </td>
                      <td className="right">{s.improved}</td>
                      <td className="right">{s.regressed}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
          <div className="panel">
            <div className="panel-head">
              Items
              <span className="count">{rows.length}</span>
              <span className="spacer" />
              <select
                className="input"
                aria-label="Show items"
                value={show}
                onChange={(e) => url.set({ show: e.target.value === 'changed' ? undefined : e.target.value })}
              >
                <option value="changed">improved and regressed</option>
                <option value="all">all</option>
                {CHANGES.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <table className="simple-table compare-items">
              <thead>
                <tr>
                  <th>Change</th>
                  <th>Input</th>
                  {scorerNames.map((n) => (
                    <th key={n}>{n}</th>
                  ))}
                  <th aria-label="Traces" />
                </tr>
              </thead>
              <tbody>
                {rows.map((i) => (
                  <tr
                    key={`${i.key}:${i.baseTraceId}:${i.headTraceId}`}
                    className="static"
                    data-change={i.change}
                  >
                    <td>
                      <span
                        className={`pill ${i.change === 'regressed' ? 'error' : i.change === 'improved' ? 'ok' : ''}`}
                      >
                        {i.change}
                      </span>
                    </td>
                    <td className="ellipsis preview-cell">{previewOf(i.input, 'input')}</td>
                    {scorerNames.map((n) => (
                      <td key={n}>
                        <Cell c={i.base[n]} /> <span className="muted">→</span> <Cell c={i.head[n]} />
                      </td>
                    ))}
                    <td className="right">
                      {i.baseTraceId && (
                        <Link href={`${runHref(baseline)}&item=${i.baseTraceId}`}>before</Link>
                      )}
                      {i.baseTraceId && i.headTraceId && ' · '}
                      {i.headTraceId && <Link href={`${runHref(id)}&item=${i.headTraceId}`}>after</Link>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && (
              <div className="empty-rows">No items {show === 'changed' ? 'changed' : `are ${show}`}.</div>
            )}
          </div>
        </>
      )}
    </div>
  )
}
