'use client'
/** Text shown as text (never HTML), folded past a few lines with a way to see it all. */
import { useState } from 'react'

const MAX_CHARS = 1200
const MAX_LINES = 14

export function FoldedText({ text, className }: { text: string; className?: string }) {
  const [open, setOpen] = useState(false)
  let cut = text.length
  let lines = 0
  for (let i = 0; i < text.length && i < MAX_CHARS; i++) {
    if (text.charCodeAt(i) === 10 && ++lines >= MAX_LINES) {
      cut = i
      break
    }
  }
  cut = Math.min(cut, MAX_CHARS)
  const folded = !open && cut < text.length
  return (
    <div className={`folded ${className ?? ''}`}>
      <pre>{folded ? `${text.slice(0, cut)}…` : text}</pre>
      {cut < text.length && (
        <button type="button" className="link fold-toggle" onClick={() => setOpen((o) => !o)}>
          {open ? 'Show less' : `Show all · ${text.length.toLocaleString('en-US')} characters`}
        </button>
      )}
    </div>
  )
}
