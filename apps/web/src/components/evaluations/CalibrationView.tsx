'use client'
/**
 * How far each judge agrees with human labels of one assessment name
 * (`?name=`): pairs, agreement, Cohen's kappa, true and false positive
 * rates, and the confusion table (rows: the human, columns: the judge).
 */
import Link from 'next/link'
import { useEffect, useState } from 'react'
import { api, read } from '@/lib/api'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { pct } from '../models/model-metrics'

const fixed = (v: number | null) => (v === null ? '–' : v.toFixed(2))

function trust(kappa: number | null): { label: string; tone: string } {
  if (kappa === null) return { label: 'undetermined', tone: '' }
  if (kappa >= 0.8) return { label: 'strong', tone: 'ok' }
  if (kappa >= 0.6) return { label: 'substantial', tone: 'ok' }
  if (kappa >= 0.4) return { label: 'moderate', tone: 'warn' }
  return { label: 'weak', tone: 'error' }
}

export function CalibrationView() {
  const url = useUrlState()
  const name = url.get('name') ?? ''
  const [draft, setDraft] = useState(name)
  useEffect(() => setDraft(name), [name])
  const [from] = useState(() => new Date(Date.now() - 30 * 86_400_000).toISOString())
  const names = useApi('feedback-names-cal', () =>
    read(api.filter.values.$get({ query: { field: 'feedback', from, limit: '50' } })),
  )
  const report = useApi(name ? `calibration:${name}` : null, () =>
    read(api.calibration.$get({ query: { name } })),
  )
  const judges = report.data?.judges ?? []

  return (
    <div className="page flow">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/evaluations">Evaluations</Link>
          <span>/</span>
          <h1>Judge calibration</h1>
        </div>
        <div className="spacer" />
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault()
            url.set({ name: draft.trim() })
          }}
        >
          <input
            className="input"
            aria-label="Assessment name"
            list="calibration-names"
            placeholder="Assessment name, e.g. correctness"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <datalist id="calibration-names">
            {(names.data?.values ?? []).map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
          <button type="submit" className="btn">
            Show
          </button>
        </form>
      </div>
      <p className="muted">
        Where people labelled the same traces a judge scored (an annotation queue writes human assessments
        under the label's name), each judge's agreement with them. Kappa corrects for chance: above 0.6 a
        judge is worth trusting for that name.
      </p>
      {report.error && <div className="banner">{report.error.message}</div>}
      {!name && (
        <div className="empty-rows panel">Pick the assessment name that both humans and judges write.</div>
      )}
      {report.data && judges.length === 0 && (
        <div className="empty-rows panel">
          No trace carries both a human label and a judge's verdict named “{name}” yet.
        </div>
      )}
      <div className="calibration-grid">
        {judges.map((j) => {
          const t = trust(j.kappa)
          return (
            <section key={j.sourceId} className="panel chart-card" data-judge={j.sourceId}>
              <div className="chart-title">
                {j.sourceId}
                <span className={`pill ${t.tone}`}>{t.label}</span>
              </div>
              <dl className="facts">
                <div>
                  <dt>Pairs</dt>
                  <dd>{j.n}</dd>
                </div>
                <div>
                  <dt>Agreement</dt>
                  <dd>{pct(j.agreement)}</dd>
                </div>
                <div>
                  <dt>Kappa</dt>
                  <dd>{fixed(j.kappa)}</dd>
                </div>
                <div>
                  <dt>TPR</dt>
                  <dd>{pct(j.tpr)}</dd>
                </div>
                <div>
                  <dt>FPR</dt>
                  <dd>{pct(j.fpr)}</dd>
                </div>
              </dl>
              <table className="simple-table confusion">
                <thead>
                  <tr>
                    <th>human ↓ judge →</th>
                    {j.confusion.labels.map((l) => (
                      <th key={l} className="right">
                        {l}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {j.confusion.matrix.map((row, r) => (
                    <tr key={j.confusion.labels[r]} className="static">
                      <td className="cell-name">{j.confusion.labels[r]}</td>
                      {row.map((n, c) => (
                        <td
                          key={j.confusion.labels[c]}
                          className={`right${r === c ? ' diag' : n ? ' off' : ''}`}
                        >
                          {n}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          )
        })}
      </div>
    </div>
  )
}
