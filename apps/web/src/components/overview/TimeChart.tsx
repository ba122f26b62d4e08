'use client'
/**
 * A small SVG time chart (lines or stacked bars) sized to its container,
 * with a hover readout. Our own: a chart library would cost more JavaScript
 * than every view of the dashboard together.
 */
import { useEffect, useRef, useState } from 'react'
import { formatTime } from '@/lib/format'

export interface Series {
  name: string
  color: string
  values: (number | null)[]
}

const PAD = { top: 10, right: 12, bottom: 22, left: 58 }
export const PALETTE = [
  '#4353ff',
  '#0d9488',
  '#d97706',
  '#db2777',
  '#7c3aed',
  '#0891b2',
  '#65a30d',
  '#8a8f9c',
]

function niceMax(v: number): number {
  if (v <= 0) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  const m = v / p
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p
}

export function TimeChart({
  times,
  series,
  kind = 'line',
  format,
  height = 170,
}: {
  times: number[]
  series: Series[]
  kind?: 'line' | 'bar'
  format: (v: number) => string
  height?: number
}) {
  const box = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(480)
  const [hover, setHover] = useState<number>()
  useEffect(() => {
    const el = box.current
    if (!el) return
    const ro = new ResizeObserver(([entry]) => entry && setWidth(Math.max(200, entry.contentRect.width)))
    ro.observe(el)
    return () => ro.disconnect()
  }, [])

  const n = times.length
  const w = width - PAD.left - PAD.right
  const h = height - PAD.top - PAD.bottom
  const stackTotals = times.map((_, i) => series.reduce((s, x) => s + (x.values[i] ?? 0), 0))
  const rawMax =
    kind === 'bar'
      ? Math.max(0, ...stackTotals)
      : Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)))
  const max = niceMax(rawMax)
  const x = (i: number) => PAD.left + (n <= 1 ? w / 2 : (i / (n - 1)) * w)
  const y = (v: number) => PAD.top + h - (v / max) * h
  const barW = Math.max(1, (w / Math.max(n, 1)) * 0.72)
  const labelEvery = Math.max(1, Math.ceil(n / Math.max(2, Math.floor(w / 90))))
  const spanMs = n > 1 ? times[n - 1]! - times[0]! : 0
  const tick = (t: number) =>
    spanMs > 2 * 86_400_000 ? formatTime(t).slice(0, 6) : formatTime(t).slice(-8, -3)

  return (
    <div className="chart" ref={box}>
      <svg
        width={width}
        height={height}
        role="img"
        onMouseMove={(e) => {
          const rect = e.currentTarget.getBoundingClientRect()
          const i = Math.round(((e.clientX - rect.left - PAD.left) / w) * (n - 1))
          setHover(i >= 0 && i < n ? i : undefined)
        }}
        onMouseLeave={() => setHover(undefined)}
      >
        <title>{series.map((s) => s.name).join(', ')}</title>
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={PAD.left} x2={width - PAD.right} y1={y(max * f)} y2={y(max * f)} className="grid" />
            <text x={PAD.left - 6} y={y(max * f) + 3.5} textAnchor="end" className="axis">
              {f === 0 ? '0' : format(max * f)}
            </text>
          </g>
        ))}
        {times.map((t, i) =>
          i % labelEvery === 0 ? (
            <text key={t} x={x(i)} y={height - 6} textAnchor="middle" className="axis">
              {tick(t)}
            </text>
          ) : null,
        )}
        {kind === 'bar'
          ? times.map((t, i) => {
              let base = 0
              return (
                <g key={t}>
                  {series.map((s) => {
                    const v = s.values[i] ?? 0
                    const top = y(base + v)
                    const rect = (
                      <rect
                        key={s.name}
                        x={x(i) - barW / 2}
                        y={top}
                        width={barW}
                        height={Math.max(0, y(base) - top)}
                        fill={s.color}
                        rx={1}
                      />
                    )
                    base += v
                    return rect
                  })}
                </g>
              )
            })
          : series.map((s) => {
              let d = ''
              s.values.forEach((v, i) => {
                if (v === null) return
                d += `${d && s.values[i - 1] !== null ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`
              })
              const dots = s.values.map((v, i) =>
                v !== null && (s.values[i - 1] ?? null) === null && (s.values[i + 1] ?? null) === null ? (
                  <circle key={times[i]} cx={x(i)} cy={y(v)} r={2.5} fill={s.color} />
                ) : null,
              )
              return (
                <g key={s.name}>
                  <path d={d} fill="none" stroke={s.color} strokeWidth={1.7} strokeLinejoin="round" />
                  {dots}
                </g>
              )
            })}
        {hover !== undefined && (
          <line x1={x(hover)} x2={x(hover)} y1={PAD.top} y2={PAD.top + h} className="cursor" />
        )}
      </svg>
      {hover !== undefined && times[hover] !== undefined && (
        <div className="chart-tip" style={{ left: Math.min(x(hover) + 10, width - 170) }}>
          <div className="muted">{formatTime(times[hover]!)}</div>
          {series.map((s) => (
            <div key={s.name} className="tip-row">
              <span className="swatch" style={{ background: s.color }} />
              <span className="ellipsis">{s.name}</span>
              <b>{s.values[hover] === null ? '–' : format(s.values[hover] ?? 0)}</b>
            </div>
          ))}
        </div>
      )}
      {series.length > 1 && (
        <div className="legend">
          {series.map((s) => (
            <span key={s.name}>
              <span className="swatch" style={{ background: s.color }} /> {s.name}
            </span>
          ))}
        </div>
      )}
    </div>
  )
}
