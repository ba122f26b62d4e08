'use client'
/** Presets relative to now, or an absolute window (local date-times). */
import { useState } from 'react'
import { PRESETS, rangeLabel, type TimeRange } from '@/lib/time-range'
import { ClockIcon } from '../ui/icons'
import { Popover } from '../ui/Popover'

const toLocalInput = (iso: string | undefined) => {
  if (!iso) return ''
  const d = new Date(iso)
  const off = d.getTimezoneOffset() * 60_000
  return new Date(d.getTime() - off).toISOString().slice(0, 16)
}

export function TimeRangePicker({ value, onChange }: { value: TimeRange; onChange: (r: TimeRange) => void }) {
  const [from, setFrom] = useState(toLocalInput(value.from))
  const [to, setTo] = useState(toLocalInput(value.to))
  return (
    <Popover
      label={
        <>
          <ClockIcon /> {rangeLabel(value)}
        </>
      }
      buttonLabel="Time range"
    >
      {(close) => (
        <div className="range-menu">
          {PRESETS.map((p) => (
            <button
              key={p.id}
              type="button"
              className={`menu-item${!value.from && (value.range ?? '24h') === p.id ? ' checked' : ''}`}
              onClick={() => {
                onChange({ range: p.id })
                close()
              }}
            >
              {p.label}
            </button>
          ))}
          <div className="menu-sep" />
          <form
            className="range-custom"
            onSubmit={(e) => {
              e.preventDefault()
              if (!from || !to) return
              onChange({ from: new Date(from).toISOString(), to: new Date(to).toISOString() })
              close()
            }}
          >
            <label>
              From{' '}
              <input
                className="input"
                type="datetime-local"
                value={from}
                onChange={(e) => setFrom(e.target.value)}
              />
            </label>
            <label>
              To{' '}
              <input
                className="input"
                type="datetime-local"
                value={to}
                onChange={(e) => setTo(e.target.value)}
              />
            </label>
            <button type="submit" className="btn">
              Apply
            </button>
          </form>
        </div>
      )}
    </Popover>
  )
}
