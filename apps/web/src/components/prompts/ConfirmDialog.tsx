'use client'
/** A modal question: Enter or the confirm button confirms, Escape or Cancel closes; focus starts on confirm. */
import { type ReactNode, useEffect, useRef } from 'react'

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onCancel,
}: {
  title: string
  children: ReactNode
  confirmLabel: string
  busy?: boolean
  error?: string
  onConfirm: () => void
  onCancel: () => void
}) {
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => confirm.current?.focus(), [])
  return (
    <div className="overlay">
      <div
        className="dialog panel"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel()
        }}
      >
        <h2>{title}</h2>
        <div className="dialog-body">{children}</div>
        {error && (
          <div className="error-text" role="alert">
            {error}
          </div>
        )}
        <div className="form-row">
          <span className="spacer" />
          <button type="button" className="btn" onClick={onCancel}>
            Cancel <kbd>esc</kbd>
          </button>
          <button ref={confirm} type="button" className="btn primary" disabled={busy} onClick={onConfirm}>
            {busy ? 'Saving…' : confirmLabel}
          </button>
        </div>
      </div>
    </div>
  )
}
