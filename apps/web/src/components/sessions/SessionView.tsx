'use client'
/**
 * One session as the conversation it was: each trace's user input and final
 * output in order, with the turn's latency, tokens, cost, status and scores,
 * each linking to its trace.
 */
import Link from 'next/link'
import { api, read, type TraceItem } from '@/lib/api'
import { previewOf } from '@/lib/content-shape'
import { formatCost, formatCount, formatDuration, formatTime, formatValue, nsToMs } from '@/lib/format'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { FoldedText } from '../content/FoldedText'

function Turn({ t, n }: { t: TraceItem; n: number }) {
  const input = previewOf(t.input_preview, 'input')
  const output = previewOf(t.output_preview, 'output')
  return (
    <li className={`turn${t.status_code === 'ERROR' ? ' err' : ''}`} data-trace-id={t.trace_id}>
      <div className="turn-meta">
        <span className="turn-n">Turn {n}</span>
        <span className="muted">{formatTime(nsToMs(t.start_time))}</span>
        <span className="spacer" />
        <span>{formatDuration(t.duration_ms)}</span>
        <span>{formatCount(t.total_tokens)} tok</span>
        <span>{formatCost(t.cost_usd)}</span>
        {t.status_code === 'ERROR' && <span className="pill error">Error</span>}
        {Object.entries(t.assessments).map(([k, v]) => (
          <span key={k} className="pill">
            {k}: {formatValue(v)}
          </span>
        ))}
        <Link href={`/traces/view?id=${t.trace_id}`} className="turn-link">
          {t.name || 'trace'} →
        </Link>
      </div>
      <div className="bubble user">
        <div className="msg-role">user</div>
        {input ? <FoldedText text={input} /> : <span className="muted">(no input)</span>}
      </div>
      <div className="bubble assistant">
        <div className="msg-role">assistant</div>
        {output ? <FoldedText text={output} /> : <span className="muted">(no output)</span>}
      </div>
    </li>
  )
}

export function SessionView() {
  const url = useUrlState()
  const id = url.get('id') ?? ''
  const session = useApi(id ? `session:${id}` : null, () =>
    read(api.sessions[':sessionId'].$get({ param: { sessionId: id }, query: { limit: '500' } })),
  )
  const s = session.data?.session
  return (
    <div className="page">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/sessions">Sessions</Link>
          <span>/</span>
          <h1 className="ellipsis">{id}</h1>
        </div>
      </div>
      {session.error && <div className="banner">{session.error.message}</div>}
      {s && (
        <dl className="facts">
          <div>
            <dt>User</dt>
            <dd>{s.user_id || '–'}</dd>
          </div>
          <div>
            <dt>Turns</dt>
            <dd>{s.trace_count}</dd>
          </div>
          <div>
            <dt>Errors</dt>
            <dd>{s.error_count}</dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{formatDuration(s.duration_ms)}</dd>
          </div>
          <div>
            <dt>Tokens</dt>
            <dd>{formatCount(s.total_tokens)}</dd>
          </div>
          <div>
            <dt>Cost</dt>
            <dd>{formatCost(s.cost_usd)}</dd>
          </div>
          <div>
            <dt>Started</dt>
            <dd>{formatTime(nsToMs(s.start_time))}</dd>
          </div>
        </dl>
      )}
      {session.loading && !s && <div className="loading">Loading session…</div>}
      <ol className="conversation">
        {session.data?.traces.map((t, i) => (
          <Turn key={t.trace_id} t={t} n={i + 1} />
        ))}
      </ol>
    </div>
  )
}
