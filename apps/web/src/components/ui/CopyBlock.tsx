'use client'
import { useState } from 'react'

/** A command to copy: shown as text, copied with one click. */
export function CopyBlock({ text }: { text: string }) {
  const [copied, setCopied] = useState(false)
  return (
    <div className="copy-block">
      <pre>{text}</pre>
      <button
        type="button"
        className="btn ghost copy-btn"
        onClick={() =>
          navigator.clipboard?.writeText(text).then(() => {
            setCopied(true)
            setTimeout(() => setCopied(false), 1500)
          })
        }
      >
        {copied ? 'Copied' : 'Copy'}
      </button>
    </div>
  )
}
