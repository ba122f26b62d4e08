/**
 * Grouped horizontal bars: one group per metric, one bar per model, each
 * group scaled to its own largest value (pass rates to 100%), with the
 * value written at the bar's end. SVG, no library.
 */
import { PALETTE } from '../overview/TimeChart'

export interface BarGroup {
  label: string
  values: (number | null)[]
  format: (v: number) => string
  /** Fixed scale top (1 for rates); else the group's largest value. */
  max?: number
}

const LABEL_W = 150
const BAR_H = 14
const GAP = 4
const GROUP_GAP = 14
const WIDTH = 640

export function BarChart({ groups, names }: { groups: BarGroup[]; names: string[] }) {
  const groupH = names.length * (BAR_H + GAP) + GROUP_GAP
  const height = groups.length * groupH
  const barMax = WIDTH - LABEL_W - 70
  return (
    <div className="chart bar-chart">
      <svg width={WIDTH} height={height} role="img" aria-label="Models compared">
        {groups.map((g, gi) => {
          const top = gi * groupH
          const max = g.max ?? Math.max(0, ...g.values.map((v) => v ?? 0))
          return (
            <g key={g.label}>
              <text x={0} y={top + BAR_H} className="bar-label">
                {g.label}
              </text>
              {g.values.map((v, i) => {
                const y = top + i * (BAR_H + GAP)
                const w = v === null || max <= 0 ? 0 : Math.max(1, (v / max) * barMax)
                return (
                  <g key={names[i]}>
                    <rect x={LABEL_W} y={y} width={barMax} height={BAR_H} rx={3} className="bar-track" />
                    <rect
                      x={LABEL_W}
                      y={y}
                      width={w}
                      height={BAR_H}
                      rx={3}
                      fill={PALETTE[i % PALETTE.length]}
                    />
                    <text x={LABEL_W + w + 6} y={y + BAR_H - 3} className="axis">
                      {v === null ? 'no data' : g.format(v)}
                    </text>
                  </g>
                )
              })}
            </g>
          )
        })}
      </svg>
      <div className="legend bar-legend">
        {names.map((n, i) => (
          <span key={n} className="tip-row">
            <span className="swatch" style={{ background: PALETTE[i % PALETTE.length] }} />
            {n}
          </span>
        ))}
      </div>
    </div>
  )
}
