'use client'
/** Annotation queues with their progress; a new one from a filter (`?filter=` prefills it, as the traces list links). */
import Link from 'next/link'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api, read } from '@/lib/api'
import { formatAgo, formatTime } from '@/lib/format'
import { useUrlState } from '@/lib/url-state'
import { useApi } from '@/lib/use-api'
import { queueHref } from './labeller'
import { NewQueueForm } from './NewQueueForm'
import { Progress } from './Progress'

export function QueuesView() {
  const router = useRouter()
  const url = useUrlState()
  const queues = useApi('queues', () => read(api['annotation-queues'].$get({ query: { limit: '100' } })))
  const schemas = useApi('label-schemas', () => read(api['label-schemas'].$get({ query: { limit: '200' } })))
  const [creating, setCreating] = useState(url.get('filter') !== undefined)
  const [notice, setNotice] = useState<string>()
  const items = queues.data?.items ?? []

  return (
    <div className="page flow">
      <div className="page-head">
        <h1>Annotation</h1>
        <span className="muted">
          {queues.loading ? 'loading…' : `${items.length} queue${items.length === 1 ? '' : 's'}`}
        </span>
        <div className="spacer" />
        <button type="button" className="btn primary" onClick={() => setCreating(true)} disabled={creating}>
          New queue
        </button>
      </div>
      {queues.error && <div className="banner">{queues.error.message}</div>}
      {notice && <div className="hint-bar">{notice}</div>}
      {creating && (
        <NewQueueForm
          schemas={schemas.data?.items ?? []}
          initialFilter={url.get('filter') ?? ''}
          onSchema={schemas.reload}
          onCancel={() => setCreating(false)}
          onCreated={(id, added) => {
            setCreating(false)
            setNotice(`Queue created with ${added} trace${added === 1 ? '' : 's'}.`)
            queues.reload()
            url.set({ filter: undefined })
            void id
          }}
        />
      )}
      <div className="panel">
        <table className="simple-table">
          <thead>
            <tr>
              <th>Queue</th>
              <th>Progress</th>
              <th className="right">To go</th>
              <th>Labels</th>
              <th>Created</th>
              <th aria-label="Label" />
            </tr>
          </thead>
          <tbody>
            {items.map((q) => (
              <tr key={q.id} data-queue={q.name} onClick={() => router.push(queueHref(q.id))}>
                <td>
                  <Link href={queueHref(q.id)} className="cell-name">
                    {q.name}
                  </Link>
                  {q.description && <span className="muted"> · {q.description}</span>}
                </td>
                <td className="progress-cell">
                  <Progress p={q.progress} />
                </td>
                <td className="right">{q.progress.pending + q.progress.inProgress}</td>
                <td>
                  {q.labelSchemaIds
                    .map((id) => schemas.data?.items.find((s) => s.id === id)?.name)
                    .filter(Boolean)
                    .join(', ') || <span className="muted">–</span>}
                </td>
                <td title={formatTime(q.createdAt)}>{formatAgo(q.createdAt)}</td>
                <td className="right">
                  <Link href={queueHref(q.id)} className="btn" onClick={(e) => e.stopPropagation()}>
                    {q.progress.completed === 0 ? 'Start labelling' : 'Continue'}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {!queues.loading && items.length === 0 && !creating && (
          <div className="empty-rows">
            No queues yet. A queue collects traces for people to label, chosen by a filter.
          </div>
        )}
      </div>
    </div>
  )
}
