'use client'
/**
 * The labelling view (`?queue=&item=`): claims the next item when none is
 * named, shows it with the queue's label controls, and after a submit or a
 * skip claims the next one. Progress on top; everything works from the
 * keyboard (see LabelForm).
 */
import Link from 'next/link'
import { useEffect, useState } from 'react'
import { api, read } from '@/lib/api'
import type { Queue } from '@/lib/api-types'
import { useUrlState } from '@/lib/url-state'
import { useAction } from '@/lib/use-action'
import { useApi } from '@/lib/use-api'
import { LabelForm, type Submission } from './LabelForm'
import { currentLabeller, setLabeller } from './labeller'
import { Progress } from './Progress'

export function LabelView() {
  const url = useUrlState()
  const queueId = url.get('queue') ?? ''
  const itemId = url.get('item')
  const [user, setUser] = useState('dashboard')
  useEffect(() => setUser(currentLabeller()), [])
  const queue = useApi(queueId ? `queue:${queueId}` : null, () =>
    read(api['annotation-queues'][':id'].$get({ param: { id: queueId } })),
  )
  const [progress, setProgress] = useState<Queue['progress']>()
  const [done, setDone] = useState(false)
  const view = useApi(queueId && itemId ? `queue-item:${queueId}:${itemId}` : null, () =>
    read(api['annotation-queues'][':id'].items[':itemId'].$get({ param: { id: queueId, itemId: itemId! } })),
  )

  const claim = useAction(async () => {
    const res = await read(
      api['annotation-queues'][':id'].next.$post({
        param: { id: queueId },
        json: { user: currentLabeller() },
      }),
    )
    setProgress(res.progress)
    if (res.next) {
      setDone(false)
      url.set({ item: res.next.item.id })
    } else {
      setDone(true)
      url.set({ item: undefined })
    }
  })
  // biome-ignore lint/correctness/useExhaustiveDependencies: claim once per queue opened without an item
  useEffect(() => {
    if (queueId && !itemId) claim.run()
  }, [queueId, itemId])

  const submit = useAction(async (labels: Submission[]) => {
    const res = await read(
      api['annotation-queues'][':id'].items[':itemId'].labels.$post({
        param: { id: queueId, itemId: itemId! },
        json: { labels, user: currentLabeller() },
      }),
    )
    setProgress(res.progress)
    await claim.run()
  })
  const skip = useAction(async () => {
    const res = await read(
      api['annotation-queues'][':id'].items[':itemId'].skip.$post({
        param: { id: queueId, itemId: itemId! },
        json: { user: currentLabeller() },
      }),
    )
    setProgress(res.progress)
    await claim.run()
  })

  const v = view.data?.item.id === itemId ? view.data : undefined
  const p = progress ?? queue.data?.progress
  const error = submit.error ?? skip.error ?? claim.error

  if (!queueId) return <div className="page loading">No queue in the address.</div>
  return (
    <div className="page label-page">
      <div className="page-head">
        <div className="crumbs">
          <Link href="/annotation">Annotation</Link>
          <span>/</span>
          <h1 className="ellipsis">{queue.data?.name ?? 'Queue'}</h1>
        </div>
        {v && (
          <span className="muted" data-testid="item-position">
            item {v.index} of {v.total}
          </span>
        )}
        <div className="spacer" />
        {p && <Progress p={p} />}
        <label className="labeller">
          <span className="muted">Labelling as</span>
          <input
            className="input"
            aria-label="Labeller"
            value={user}
            onChange={(e) => {
              setUser(e.target.value)
              if (e.target.value.trim()) setLabeller(e.target.value.trim())
            }}
          />
        </label>
      </div>
      {(queue.error ?? view.error) && <div className="banner">{(queue.error ?? view.error)?.message}</div>}
      {done && !itemId && (
        <div className="panel empty" data-testid="queue-done">
          <h2>Queue complete</h2>
          <p className="muted">
            Every item is labelled or skipped. Labels are human assessments on the traces.
          </p>
          <Link href="/annotation">Back to queues</Link>
        </div>
      )}
      {!v && !done && <div className="loading">Loading item…</div>}
      {v && (
        <LabelForm
          key={v.item.id}
          view={v}
          busy={submit.busy || skip.busy || claim.busy}
          error={error}
          onSubmit={(labels) => submit.run(labels)}
          onSkip={() => skip.run()}
          onMove={(id) => id && url.set({ item: id })}
        />
      )}
    </div>
  )
}
