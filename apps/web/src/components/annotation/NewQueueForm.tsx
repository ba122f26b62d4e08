'use client'
/**
 * Make a queue from a filter: name, the labels to collect (existing label
 * schemas, or a new one made here), and which traces (a filter over a
 * window, up to a count). A refused request keeps every field as typed.
 */
import { useState } from 'react'
import { api, read } from '@/lib/api'
import type { LabelSchema } from '@/lib/api-types'
import { resolveRange } from '@/lib/time-range'
import { useAction } from '@/lib/use-action'

const KINDS = ['boolean', 'categorical', 'numeric', 'text'] as const

export function NewQueueForm({
  schemas,
  initialFilter,
  onCreated,
  onCancel,
  onSchema,
}: {
  schemas: LabelSchema[]
  initialFilter: string
  onCreated: (queueId: string, added: number) => void
  onCancel: () => void
  onSchema: () => void
}) {
  const [name, setName] = useState('')
  const [description, setDescription] = useState('')
  const [picked, setPicked] = useState<string[]>([])
  const [filter, setFilter] = useState(initialFilter)
  const [range, setRange] = useState('7d')
  const [limit, setLimit] = useState('100')
  const [target, setTarget] = useState<'traces' | 'spans'>('traces')
  const [schemaName, setSchemaName] = useState('')
  const [kind, setKind] = useState<(typeof KINDS)[number]>('boolean')
  const [categories, setCategories] = useState('')
  const [instructions, setInstructions] = useState('')

  const addSchema = useAction(async () => {
    const created = await read(
      api['label-schemas'].$post({
        json: {
          name: schemaName.trim(),
          type: 'feedback',
          valueKind: kind,
          instructions,
          config:
            kind === 'categorical'
              ? {
                  categories: categories
                    .split(',')
                    .map((c) => c.trim())
                    .filter(Boolean),
                }
              : kind === 'numeric'
                ? { min: 1, max: 5 }
                : {},
        },
      }),
    )
    setPicked((p) => [...p, created.id])
    setSchemaName('')
    setCategories('')
    setInstructions('')
    onSchema()
  })

  const create = useAction(async () => {
    const queue = await read(
      api['annotation-queues'].$post({ json: { name: name.trim(), description, labelSchemaIds: picked } }),
    )
    const window = resolveRange({ range })
    const added = await read(
      api['annotation-queues'][':id'].items.$post({
        param: { id: queue.id },
        json: {
          ...(filter.trim() ? { filter: filter.trim() } : {}),
          target,
          ...window,
          limit: Number(limit) || 100,
        },
      }),
    )
    onCreated(queue.id, added.items.length)
  })

  return (
    <form
      className="panel new-queue"
      aria-label="New queue"
      onSubmit={(e) => {
        e.preventDefault()
        create.run()
      }}
    >
      <div className="panel-head">New queue</div>
      <div className="detail-body">
        <div className="form-grid">
          <label className="field">
            <span className="muted">Name</span>
            <input
              className="input"
              aria-label="Queue name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={256}
            />
          </label>
          <label className="field">
            <span className="muted">Description</span>
            <input
              className="input"
              aria-label="Description"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </label>
        </div>
        <div className="sub-head">Labels to collect</div>
        <div className="schema-picks">
          {schemas.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={picked.includes(s.id)}
                onChange={() =>
                  setPicked((p) => (p.includes(s.id) ? p.filter((x) => x !== s.id) : [...p, s.id]))
                }
              />
              {s.name} <span className="muted">{s.valueKind}</span>
            </label>
          ))}
          {schemas.length === 0 && <span className="muted">No label schemas yet: add one below.</span>}
        </div>
        <div className="form-row new-schema">
          <input
            className="input"
            aria-label="New label name"
            placeholder="New label, e.g. helpful"
            value={schemaName}
            onChange={(e) => setSchemaName(e.target.value)}
          />
          <select
            className="input"
            aria-label="New label kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as (typeof KINDS)[number])}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'boolean'
                  ? 'thumbs'
                  : k === 'numeric'
                    ? 'score 1–5'
                    : k === 'text'
                      ? 'correction text'
                      : 'categories'}
              </option>
            ))}
          </select>
          {kind === 'categorical' && (
            <input
              className="input"
              aria-label="Categories"
              placeholder="comma-separated"
              value={categories}
              onChange={(e) => setCategories(e.target.value)}
            />
          )}
          <input
            className="input"
            aria-label="Instructions"
            placeholder="Instructions for labellers"
            value={instructions}
            onChange={(e) => setInstructions(e.target.value)}
          />
          <button
            type="button"
            className="btn"
            disabled={!schemaName.trim() || addSchema.busy}
            onClick={() => addSchema.run()}
          >
            Add label
          </button>
        </div>
        {addSchema.error && (
          <div className="error-text" role="alert">
            {addSchema.error}
          </div>
        )}
        <div className="sub-head">What to label</div>
        <div className="form-row">
          <input
            className="input mono filter-wide"
            aria-label="Filter"
            placeholder="Filter, e.g. span.kind = 'LLM' AND trace.status = 'ERROR' (empty: every trace)"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <select
            className="input"
            aria-label="Label"
            value={target}
            onChange={(e) => setTarget(e.target.value as 'traces' | 'spans')}
          >
            <option value="traces">whole traces</option>
            <option value="spans">matching spans</option>
          </select>
          <select
            className="input"
            aria-label="Window"
            value={range}
            onChange={(e) => setRange(e.target.value)}
          >
            <option value="24h">last 24 hours</option>
            <option value="7d">last 7 days</option>
            <option value="30d">last 30 days</option>
            <option value="90d">last 90 days</option>
          </select>
          <input
            className="input num-input"
            aria-label="At most"
            type="number"
            min={1}
            max={1000}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
          />
        </div>
        {create.error && (
          <div className="error-text" role="alert">
            {create.error}
          </div>
        )}
        <div className="form-row">
          <span className="muted">The oldest matches first, up to the count.</span>
          <span className="spacer" />
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="btn primary" disabled={create.busy || !name.trim()}>
            {create.busy ? 'Creating…' : 'Create queue'}
          </button>
        </div>
      </div>
    </form>
  )
}
