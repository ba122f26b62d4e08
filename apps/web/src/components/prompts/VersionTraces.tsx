'use client'
/** The traces whose spans used one version, newest first, over the last 30 days. */
import Link from 'next/link'
import { useState } from 'react'
import { api, read } from '@/lib/api'
import { formatAgo, formatCost, formatDuration, nsToMs } from '@/lib/format'
import { useApi } from '@/lib/use-api'

export function VersionTraces({ name, version }: { name: string; version: number }) {
  const [from] = useState(() => new Date(Date.now() - 30 * 86_400_000).toISOString())
  const traces = useApi(`prompt-traces:${name}:${version}`, () =>
    read(
      api.prompts[':name'].versions[':version'].traces.$get({
        param: { name, version: String(version) },
        query: { from, limit: '50' },
      }),
    ),
  )
  const items = traces.data?.items ?? []
  const all = `/traces?${new URLSearchParams({ filter: `prompt = "${name}/${version}"`, range: '30d' })}`
  return (
    <div data-testid="version-traces">
      <div className="form-row">
        <span className="muted">
          {traces.loading
            ? 'loading…'
            : `${items.length}${traces.data?.nextCursor ? '+' : ''} traces in the last 30 days`}
        </span>
        <span className="spacer" />
        <Link href={all}>Open in traces →</Link>
      </div>
      {traces.error && <div className="banner">{traces.error.message}</div>}
      <table className="simple-table">
        <tbody>
          {items.map((t) => (
            <tr key={t.trace_id} className="static">
              <td>
                <Link href={`/traces/view?id=${t.trace_id}`} className="cell-name">
                  {t.name || 'trace'}
                </Link>
              </td>
              <td className="ellipsis preview-cell">{t.input_preview}</td>
              <td className="right">{formatDuration(t.duration_ms)}</td>
              <td className="right">{formatCost(t.cost_usd)}</td>
              <td>{formatAgo(nsToMs(t.start_time))}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {!traces.loading && items.length === 0 && (
        <div className="empty-rows">No trace used this version in the last 30 days.</div>
      )}
    </div>
  )
}
