'use client'
/** Add human feedback to the trace or the selected span: pass/fail, a number, or a label, with a rationale. */
import { useState } from 'react'
import { ApiFailure, api } from '@/lib/api'

type Kind = 'boolean' | 'number' | 'text'

export function FeedbackForm({
  traceId,
  spanId,
  spanName,
  names,
  onSaved,
}: {
  traceId: string
  spanId: string | undefined
  spanName: string | undefined
  names: string[]
  onSaved: () => void
}) {
  const [target, setTarget] = useState<'span' | 'trace'>('trace')
  const [name, setName] = useState('user_feedback')
  const [kind, setKind] = useState<Kind>('boolean')
  const [pass, setPass] = useState(true)
  const [num, setNum] = useState('1')
  const [label, setLabel] = useState('')
  const [rationale, setRationale] = useState('')
  const [error, setError] = useState<string>()
  const [saving, setSaving] = useState(false)

  async function submit(e: React.FormEvent) {
    e.preventDefault()
    setError(undefined)
    const value = kind === 'boolean' ? pass : kind === 'number' ? Number(num) : label
    if (kind === 'number' && !Number.isFinite(value)) return setError('The value must be a number')
    if (kind === 'text' && !label.trim()) return setError('Give the label a value')
    setSaving(true)
    try {
      const res = await api.traces[':traceId'].assessments.$post({
        param: { traceId },
        json: {
          type: 'feedback',
          name: name.trim(),
          value,
          ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
          source: { type: 'HUMAN', id: 'dashboard' },
          ...(target === 'span' && spanId ? { span_id: spanId } : {}),
        },
      })
      if (!res.ok) {
        const body = (await res.json()) as { error?: { message?: string } }
        throw new ApiFailure(res.status, body.error?.message ?? String(res.status))
      }
      setRationale('')
      onSaved()
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form className="feedback-form" onSubmit={submit} aria-label="Add feedback">
      <div className="sub-head">Add feedback</div>
      <div className="form-row">
        <div className="seg" role="radiogroup" aria-label="On">
          <button type="button" className={target === 'trace' ? 'on' : ''} onClick={() => setTarget('trace')}>
            Trace
          </button>
          <button
            type="button"
            className={target === 'span' ? 'on' : ''}
            disabled={!spanId}
            onClick={() => setTarget('span')}
            title={spanName}
          >
            This span
          </button>
        </div>
        <input
          className="input"
          aria-label="Name"
          list="assessment-names"
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={256}
        />
        <datalist id="assessment-names">
          {names.map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <select
          className="input"
          aria-label="Value type"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          <option value="boolean">pass / fail</option>
          <option value="number">number</option>
          <option value="text">label</option>
        </select>
      </div>
      <div className="form-row">
        {kind === 'boolean' && (
          <div className="seg" role="radiogroup" aria-label="Value">
            <button type="button" className={pass ? 'on good' : ''} onClick={() => setPass(true)}>
              👍 Pass
            </button>
            <button type="button" className={!pass ? 'on bad' : ''} onClick={() => setPass(false)}>
              👎 Fail
            </button>
          </div>
        )}
        {kind === 'number' && (
          <input
            className="input"
            aria-label="Value"
            type="number"
            step="any"
            value={num}
            onChange={(e) => setNum(e.target.value)}
          />
        )}
        {kind === 'text' && (
          <input
            className="input"
            aria-label="Value"
            value={label}
            placeholder="e.g. off-topic"
            onChange={(e) => setLabel(e.target.value)}
          />
        )}
      </div>
      <textarea
        className="input"
        aria-label="Rationale"
        rows={2}
        placeholder="Why (optional)"
        value={rationale}
        onChange={(e) => setRationale(e.target.value)}
      />
      {error && <div className="error-text">{error}</div>}
      <div className="form-row">
        <span className="spacer" />
        <button type="submit" className="btn primary" disabled={saving || !name.trim()}>
          {saving ? 'Saving…' : 'Add feedback'}
        </button>
      </div>
    </form>
  )
}
