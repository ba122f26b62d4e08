'use client'
/** Sessions in a window, newest first; each row opens the conversation. */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api, read } from '@/lib/api'
import { formatAgo, formatCost, formatCount, formatDuration, formatTime, nsToMs } from '@/lib/format'
import { resolveRange, type TimeRange } from '@/lib/time-range'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { useHotkeys } from '@/lib/use-hotkeys'
import { TimeRangePicker } from '../traces/TimeRangePicker'
import { ListHead } from '../ui/ListHead'

export function SessionsView() {
  const url = useUrlState()
  const router = useRouter()
  const range: TimeRange = { range: url.get('range') ?? '7d', from: url.get('from'), to: url.get('to') }
  const key = JSON.stringify(range)
  const list = useApi(`sessions:${key}`, () =>
    read(api.sessions.$get({ query: { ...resolveRange(range), limit: '200' } })),
  )
  const [selected, setSelected] = useState(-1)
  const items = list.data?.items ?? []
  const href = (id: string) => `/sessions/view?id=${encodeURIComponent(id)}`
  useHotkeys({
    j: () => setSelected((s) => Math.min(s + 1, items.length - 1)),
    k: () => setSelected((s) => Math.max(s - 1, 0)),
    enter: () => items[selected] && router.push(href(items[selected]!.session_id)),
  })

  return (
    <div className="page">
      <ListHead
        title="Sessions"
        loading={list.loading}
        count={items.length}
        more={Boolean(list.data?.nextCursor)}
        unit="in window"
        error={list.error}
      >
        <TimeRangePicker
          value={range}
          onChange={(r) => url.set({ range: r.range, from: r.from, to: r.to })}
        />
      </ListHead>
      <div className="panel">
        <table className="simple-table">
          <thead>
            <tr>
              <th>Session</th>
              <th>User</th>
              <th className="right">Turns</th>
              <th className="right">Errors</th>
              <th className="right">Duration</th>
              <th className="right">Tokens</th>
              <th className="right">Cost</th>
              <th>Started</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s, i) => (
              <tr
                key={s.session_id}
                className={i === selected ? 'selected' : ''}
                onClick={() => router.push(href(s.session_id))}
              >
                <td>
                  <Link href={href(s.session_id)} className="cell-name">
                    {s.session_id}
                  </Link>
                </td>
                <td>{s.user_id || <span className="muted">–</span>}</td>
                <td className="right">{s.trace_count}</td>
                <td className="right">
                  {s.error_count ? (
                    <span className="pill error">{s.error_count}</span>
                  ) : (
                    <span className="muted">0</span>
                  )}
                </td>
                <td className="right">{formatDuration(s.duration_ms)}</td>
                <td className="right">{formatCount(s.total_tokens)}</td>
                <td className="right">{formatCost(s.cost_usd)}</td>
                <td title={formatTime(nsToMs(s.start_time))}>{formatAgo(nsToMs(s.start_time))}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {!list.loading && items.length === 0 && (
          <div className="empty-rows">
            No sessions in this window. Traces join a session through <code>session.id</code> (OpenInference),
            the SDK's <code>{'setTraceAttributes({ sessionId })'}</code>, or <code>assay.session.id</code>.
          </div>
        )}
      </div>
    </div>
  )
}
