/** A queue's progress: completed and skipped out of the total, as a bar and words. */
import type { Queue } from '@/lib/api-types'

export function Progress({ p }: { p: Queue['progress'] }) {
  const done = p.total ? (p.completed / p.total) * 100 : 0
  const skipped = p.total ? (p.skipped / p.total) * 100 : 0
  return (
    <div
      className="progress"
      title={`${p.completed} labelled, ${p.skipped} skipped, ${p.pending + p.inProgress} to go`}
    >
      <div
        className="progress-bar"
        role="progressbar"
        aria-label="Labelled"
        aria-valuemin={0}
        aria-valuemax={p.total}
        aria-valuenow={p.completed}
      >
        <span className="progress-done" style={{ width: `${done}%` }} />
        <span className="progress-skipped" style={{ width: `${skipped}%` }} />
      </div>
      <span className="progress-text">
        {p.completed}/{p.total}
        {p.skipped ? <span className="muted"> · {p.skipped} skipped</span> : null}
      </span>
    </div>
  )
}
