'use client'
/**
 * One item being labelled: the trace's input and output, the queue's label
 * controls, and the keys that drive it all. Values live here, so a failed
 * submission leaves every label and correction as it was.
 */
import { useRef, useState } from 'react'
import type { ItemView } from '@/lib/api-types'
import { useHotkeys } from '@/lib/use-hotkeys'
import { ContentView } from '../content/ContentView'
import { LabelControls, type LabelValue } from './LabelControls'

export interface Submission {
  schemaId: string
  value: boolean | number | string
}

function initial(view: ItemView): Record<string, LabelValue> {
  const out: Record<string, LabelValue> = {}
  for (const l of view.labels) {
    const id = l.metadata.label_schema_id
    if (!id) continue
    out[id] = typeof l.value === 'number' ? String(l.value) : l.value
  }
  return out
}

export function LabelForm({
  view,
  busy,
  error,
  onSubmit,
  onSkip,
  onMove,
}: {
  view: ItemView
  busy: boolean
  error: string | undefined
  onSubmit: (labels: Submission[]) => void
  onSkip: () => void
  onMove: (id: string | null) => void
}) {
  const [values, setValues] = useState(() => initial(view))
  const [problem, setProblem] = useState<string>()
  const schemas = view.labelSchemas
  const first = (kind: string) => schemas.find((s) => s.valueKind === kind)
  const bool = first('boolean')
  const cat = first('categorical')
  const num = first('numeric')
  const text = first('text')
  const numRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null)
  const textRef = useRef<HTMLInputElement | HTMLTextAreaElement>(null)
  const set = (id: string, v: LabelValue) => {
    setProblem(undefined)
    setValues((all) => ({ ...all, [id]: v }))
  }

  function submit() {
    if (busy) return
    const labels: Submission[] = []
    for (const s of schemas) {
      const v = values[s.id]
      if (v === undefined || v === '') continue
      if (s.valueKind === 'numeric') {
        const n = Number(v)
        if (!Number.isFinite(n)) return setProblem(`${s.name}: a number, please`)
        labels.push({ schemaId: s.id, value: n })
      } else labels.push({ schemaId: s.id, value: v })
    }
    if (labels.length === 0) return setProblem('Give at least one label before submitting (or skip with s).')
    onSubmit(labels)
  }

  const digits: Record<string, () => void> = {}
  for (let i = 1; i <= 9; i++) {
    digits[String(i)] = () => {
      if (cat) {
        const c = cat.config.categories?.[i - 1]
        if (c) set(cat.id, values[cat.id] === c ? undefined : c)
      } else if (num) set(num.id, String(i))
    }
  }
  const keys: Record<string, () => void> = {
    ...digits,
    y: () => bool && set(bool.id, true),
    n: () => bool && set(bool.id, false),
    e: () => numRef.current?.focus(),
    c: () => textRef.current?.focus(),
    enter: submit,
    s: () => !busy && onSkip(),
    l: () => onMove(view.nextId),
    arrowright: () => onMove(view.nextId),
    h: () => onMove(view.previousId),
    arrowleft: () => onMove(view.previousId),
  }
  useHotkeys(keys)

  const target = view.span ?? view.root
  return (
    <div className="label-split">
      <div className="panel label-content">
        <div className="panel-head">
          {view.span ? `Span ${view.span.name}` : (view.root?.name ?? 'Trace')}
          <span className="spacer" />
          <a
            href={`/traces/view?id=${view.item.traceId}${view.item.spanId ? `&span=${view.item.spanId}` : ''}`}
            target="_blank"
            rel="noreferrer"
          >
            Open trace ↗
          </a>
        </div>
        <div className="detail-body">
          {target ? (
            <>
              <div className="sub-head">Input</div>
              <ContentView text={target.input} />
              <div className="sub-head">Output</div>
              <ContentView text={target.output} />
            </>
          ) : (
            <div className="muted">
              The trace of this item was deleted. Skip it, or label from what you know.
            </div>
          )}
        </div>
      </div>
      <form
        className="panel label-panel"
        aria-label="Labels"
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <div className="panel-head">
          Labels
          {view.item.status === 'completed' && <span className="pill ok">labelled</span>}
          {view.item.status === 'skipped' && <span className="pill">skipped</span>}
        </div>
        <div className="detail-body">
          {schemas.map((s) => (
            <LabelControls
              key={s.id}
              schema={s}
              value={values[s.id]}
              onChange={(v) => set(s.id, v)}
              shortcuts={s === bool || s === cat || s === num || s === text}
              inputRef={s === num ? numRef : s === text ? textRef : undefined}
              onSubmitKey={submit}
            />
          ))}
          {schemas.length === 0 && (
            <div className="muted">This queue has no label schemas: add some to the queue first.</div>
          )}
          {(problem ?? error) && (
            <div className="error-text" role="alert">
              {problem ?? error}
            </div>
          )}
          <div className="form-row">
            <button
              type="button"
              className="btn"
              onClick={() => onMove(view.previousId)}
              disabled={!view.previousId}
            >
              <kbd>←</kbd> Previous
            </button>
            <button type="button" className="btn" onClick={onSkip} disabled={busy}>
              <kbd>s</kbd> Skip
            </button>
            <span className="spacer" />
            <button type="submit" className="btn primary" disabled={busy}>
              {busy ? 'Saving…' : 'Submit'} <kbd className="kbd-on-primary">↵</kbd>
            </button>
          </div>
          <div className="shortcut-list">
            {bool && (
              <span>
                <kbd>y</kbd>
                <kbd>n</kbd> thumbs
              </span>
            )}
            {(cat || num) && (
              <span>
                <kbd>1</kbd>–<kbd>9</kbd> {cat ? 'category' : 'score'}
              </span>
            )}
            {num && (
              <span>
                <kbd>e</kbd> type a score
              </span>
            )}
            {text && (
              <span>
                <kbd>c</kbd> correction
              </span>
            )}
            <span>
              <kbd>↵</kbd> submit & next
            </span>
            <span>
              <kbd>s</kbd> skip
            </span>
            <span>
              <kbd>←</kbd>
              <kbd>→</kbd> previous / next
            </span>
            <span>
              <kbd>esc</kbd> leave a field
            </span>
          </div>
        </div>
      </form>
    </div>
  )
}
