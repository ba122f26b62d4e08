'use client'
/** One evaluated item: each scorer's verdict with its rationale first, then input, output and expectations. */
import Link from 'next/link'
import type { RunItem, RunScore } from '@/lib/api-types'
import { previewOf } from '@/lib/content-shape'
import { formatDuration, formatValue } from '@/lib/format'
import { ContentView } from '../content/ContentView'
import { JsonTree } from '../content/JsonTree'

export function Verdict({ passed, error }: { passed: boolean | null; error?: string }) {
  if (error) return <span className="pill error">error</span>
  if (passed === null) return <span className="pill">no verdict</span>
  return passed ? <span className="pill ok">pass</span> : <span className="pill error">fail</span>
}

function Score({ s }: { s: RunScore }) {
  return (
    <li className={`score${s.passed === false || s.error ? ' failed' : ''}`} data-scorer={s.name}>
      <div className="assessment-head">
        <span className="assessment-name">{s.name}</span>
        <Verdict passed={s.passed} error={s.error} />
        {s.value !== null && typeof s.value !== 'boolean' && (
          <span className="pill">{formatValue(s.value)}</span>
        )}
        <span className="spacer" />
        <span className="muted">
          {s.sourceType.toLowerCase().replace('_', ' ')}
          {s.sourceId ? ` · ${s.sourceId}` : ''}
        </span>
      </div>
      {s.error && <div className="error-text">{s.error}</div>}
      {s.rationale && <p className="rationale">{s.rationale}</p>}
    </li>
  )
}

export function ItemDetail({ item }: { item: RunItem }) {
  return (
    <div className="item-detail" data-testid="item-detail">
      <div className="detail-head">
        <h2 className="ellipsis" title={item.evalItem ? `dataset item ${item.evalItem}` : undefined}>
          {previewOf(item.input, 'input') || item.name || 'Item'}
        </h2>
        <Verdict passed={item.passed} />
        <span className="spacer" />
        <span className="muted">{formatDuration(item.durationMs)}</span>
        <Link href={`/traces/view?id=${item.traceId}`}>Open trace →</Link>
      </div>
      <div className="detail-body">
        <div className="sub-head">Scores</div>
        <ul className="assessment-list">
          {item.scores.map((s) => (
            <Score key={s.assessmentId} s={s} />
          ))}
        </ul>
        <div className="sub-head">Input</div>
        <ContentView text={item.input} />
        <div className="sub-head">Output</div>
        <ContentView text={item.output} />
        <div className="sub-head">Expectations</div>
        {item.expectations ? (
          <JsonTree value={item.expectations} />
        ) : (
          <div className="muted">none recorded</div>
        )}
        {item.truncated && <div className="muted">Input or output is cut here; the trace has all of it.</div>}
      </div>
    </div>
  )
}
