'use client'
/**
 * The controls of one label schema: thumbs for a boolean, numbered buttons
 * for categories, a score field for a number, a correction box for text.
 * Each shows its keyboard shortcut; `shortcuts` says which ones this
 * schema owns (the first schema of a kind gets them).
 */
import type { RefObject } from 'react'
import type { LabelSchema } from '@/lib/api-types'

export type LabelValue = boolean | string | undefined

export function LabelControls({
  schema,
  value,
  onChange,
  shortcuts,
  inputRef,
  onSubmitKey,
}: {
  schema: LabelSchema
  value: LabelValue
  onChange: (v: LabelValue) => void
  shortcuts: boolean
  inputRef?: RefObject<HTMLInputElement | HTMLTextAreaElement | null>
  onSubmitKey: () => void
}) {
  const { valueKind, config } = schema
  const leaveOnEscape = (e: React.KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') e.currentTarget.blur()
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault()
      onSubmitKey()
    }
  }
  return (
    <fieldset className="label-control" data-schema={schema.name}>
      <legend>
        {schema.name}
        {schema.instructions && <span className="muted instructions"> · {schema.instructions}</span>}
      </legend>
      {valueKind === 'boolean' && (
        <div className="seg thumbs">
          <button
            type="button"
            aria-pressed={value === true}
            className={value === true ? 'on good' : ''}
            onClick={() => onChange(value === true ? undefined : true)}
          >
            ✓ Good {shortcuts && <kbd>y</kbd>}
          </button>
          <button
            type="button"
            aria-pressed={value === false}
            className={value === false ? 'on bad' : ''}
            onClick={() => onChange(value === false ? undefined : false)}
          >
            ✗ Bad {shortcuts && <kbd>n</kbd>}
          </button>
        </div>
      )}
      {valueKind === 'categorical' && (
        <div className="categories">
          {(config.categories ?? []).map((c, i) => (
            <button
              type="button"
              key={c}
              aria-pressed={value === c}
              className={`btn${value === c ? ' on' : ''}`}
              onClick={() => onChange(value === c ? undefined : c)}
            >
              {shortcuts && i < 9 && <kbd>{i + 1}</kbd>} {c}
            </button>
          ))}
        </div>
      )}
      {valueKind === 'numeric' && (
        <div className="form-row">
          <input
            ref={inputRef as RefObject<HTMLInputElement>}
            className="input num-input"
            type="number"
            step="any"
            aria-label={schema.name}
            min={config.min}
            max={config.max}
            value={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
            onKeyDown={leaveOnEscape}
          />
          <span className="muted">
            {config.min !== undefined || config.max !== undefined
              ? `${config.min ?? '…'} to ${config.max ?? '…'}`
              : 'a number'}
            {shortcuts && (
              <>
                {' '}
                · <kbd>e</kbd> to type
              </>
            )}
          </span>
        </div>
      )}
      {valueKind === 'text' && (
        <textarea
          ref={inputRef as RefObject<HTMLTextAreaElement>}
          className="input"
          rows={3}
          aria-label={schema.name}
          placeholder={shortcuts ? 'Press c to write; Ctrl+Enter submits, Esc leaves the box' : ''}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          onKeyDown={leaveOnEscape}
        />
      )}
    </fieldset>
  )
}
