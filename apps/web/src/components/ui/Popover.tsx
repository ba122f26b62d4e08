'use client'
/** A button that opens a small menu below it; closes on Escape or a click outside. */
import { type ReactNode, useEffect, useRef, useState } from 'react'

export function Popover({
  label,
  buttonLabel,
  align = 'left',
  children,
}: {
  label: ReactNode
  buttonLabel: string
  align?: 'left' | 'right'
  children: (close: () => void) => ReactNode
}) {
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const onDown = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    document.addEventListener('mousedown', onDown)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('mousedown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])
  return (
    <div className="popover" ref={root}>
      <button
        type="button"
        className={`btn${open ? ' on' : ''}`}
        aria-label={buttonLabel}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
      </button>
      {open && (
        <div className="menu" style={align === 'right' ? { right: 0 } : { left: 0 }}>
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  )
}
