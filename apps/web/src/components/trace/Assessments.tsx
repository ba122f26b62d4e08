'use client'
/**
 * Assessments on the trace and on the selected span: the standing ones,
 * or with "history" every one (overridden and deleted ones struck out,
 * each override beside what it replaced), and the form to add feedback.
 */
import { useState } from 'react'
import { type AssessmentRecord, api, read } from '@/lib/api'
import { formatAgo, formatValue } from '@/lib/format'
import { useApi } from '@/lib/use-api'
import { FeedbackForm } from './FeedbackForm'

function tone(v: unknown): string {
  if (v === true || (typeof v === 'number' && v >= 0.5)) return 'ok'
  if (v === false || typeof v === 'number') return 'error'
  return ''
}

function Item({ a }: { a: AssessmentRecord }) {
  const gone = a.deleted || !a.valid
  return (
    <li className={`assessment${gone ? ' gone' : ''}`} data-assessment={a.name}>
      <div className="assessment-head">
        <span className="assessment-name">{a.name}</span>
        {a.error ? (
          <span className="pill error">error</span>
        ) : (
          <span className={`pill ${tone(a.value)}`}>{formatValue(a.value)}</span>
        )}
        {a.type === 'expectation' && <span className="pill">expectation</span>}
        <span className="spacer" />
        <span className="muted">
          {a.source_type.toLowerCase().replace('_', ' ')}
          {a.source_id ? ` · ${a.source_id}` : ''} · {formatAgo(a.created_at)}
        </span>
      </div>
      {a.deleted && <div className="muted">deleted</div>}
      {!a.deleted && a.overridden_by && <div className="muted">overridden</div>}
      {a.overrides && <div className="muted">replaces an earlier value</div>}
      {a.error && <div className="error-text">{a.error}</div>}
      {a.rationale && <div className="assessment-why">{a.rationale}</div>}
    </li>
  )
}

export function Assessments({
  traceId,
  spanId,
  spanName,
  onChange,
}: {
  traceId: string
  spanId: string | undefined
  spanName: string | undefined
  onChange: () => void
}) {
  const [history, setHistory] = useState(false)
  const list = useApi(`assessments:${traceId}:${history}`, () =>
    read(
      api.traces[':traceId'].assessments.$get({
        param: { traceId },
        query: history ? { history: 'true' } : {},
      }),
    ),
  )
  const items = list.data?.items ?? []
  const onSpan = spanId ? items.filter((a) => a.span_id === spanId) : []
  const onTrace = items.filter((a) => a.span_id === '')
  return (
    <div className="assessments">
      <div className="section-head">
        <span>Assessments</span>
        <span className="spacer" />
        <label className="muted check">
          <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} /> history
        </label>
      </div>
      {list.error && <div className="banner">{list.error.message}</div>}
      {spanId && (
        <>
          <div className="sub-head">On this span</div>
          {onSpan.length ? (
            <ul className="assessment-list">
              {onSpan.map((a) => (
                <Item key={a.assessment_id} a={a} />
              ))}
            </ul>
          ) : (
            <div className="muted none">None yet.</div>
          )}
        </>
      )}
      <div className="sub-head">On the trace</div>
      {onTrace.length ? (
        <ul className="assessment-list">
          {onTrace.map((a) => (
            <Item key={a.assessment_id} a={a} />
          ))}
        </ul>
      ) : (
        <div className="muted none">None yet.</div>
      )}
      <FeedbackForm
        traceId={traceId}
        spanId={spanId}
        spanName={spanName}
        names={[...new Set(items.map((a) => a.name))]}
        onSaved={() => {
          list.reload()
          onChange()
        }}
      />
    </div>
  )
}
