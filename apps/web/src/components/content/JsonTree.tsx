'use client'
/** JSON as a collapsible tree: two levels open, long arrays paged, long strings folded. Text only. */
import { useState } from 'react'
import { Chevron } from '../ui/icons'

const PAGE = 100

function Scalar({ value }: { value: unknown }) {
  const [open, setOpen] = useState(false)
  if (value === null) return <span className="j-null">null</span>
  if (typeof value === 'string') {
    const long = value.length > 300
    return (
      <span className="j-str">
        "{long && !open ? `${value.slice(0, 300)}…` : value}"
        {long && (
          <button type="button" className="link j-more" onClick={() => setOpen((o) => !o)}>
            {open ? 'less' : `${value.length.toLocaleString('en-US')} chars`}
          </button>
        )}
      </span>
    )
  }
  if (typeof value === 'number') return <span className="j-num">{String(value)}</span>
  if (typeof value === 'boolean') return <span className="j-bool">{String(value)}</span>
  return <span>{String(value)}</span>
}

function Node({
  name,
  value,
  depth,
  openDepth,
}: {
  name?: string
  value: unknown
  depth: number
  openDepth: number
}) {
  const isArray = Array.isArray(value)
  const isObject = typeof value === 'object' && value !== null
  const [open, setOpen] = useState(depth < openDepth)
  const [shown, setShown] = useState(PAGE)
  const label = name !== undefined && <span className="j-key">{name}: </span>
  if (!isObject)
    return (
      <div className="j-row" style={{ paddingLeft: depth * 14 + 14 }}>
        {label}
        <Scalar value={value} />
      </div>
    )
  const entries: [string, unknown][] = isArray
    ? (value as unknown[]).map((v, i) => [String(i), v])
    : Object.entries(value as Record<string, unknown>)
  const summary = isArray ? `[${entries.length}]` : `{${entries.length}}`
  return (
    <div>
      <button
        type="button"
        className="j-row j-toggle"
        style={{ paddingLeft: depth * 14 }}
        onClick={() => setOpen((o) => !o)}
      >
        <Chevron open={open} />
        {label}
        <span className="muted">{summary}</span>
      </button>
      {open &&
        entries
          .slice(0, shown)
          .map(([k, v]) => <Node key={k} name={k} value={v} depth={depth + 1} openDepth={openDepth} />)}
      {open && entries.length > shown && (
        <button
          type="button"
          className="link j-row"
          style={{ paddingLeft: depth * 14 + 28 }}
          onClick={() => setShown((s) => s + PAGE)}
        >
          Show {Math.min(PAGE, entries.length - shown)} more of {entries.length - shown}
        </button>
      )}
    </div>
  )
}

export function JsonTree({ value, openDepth = 2 }: { value: unknown; openDepth?: number }) {
  return (
    <div className="json-tree">
      <Node value={value} depth={0} openDepth={openDepth} />
    </div>
  )
}
