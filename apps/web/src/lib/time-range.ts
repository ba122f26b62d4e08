/**
 * The time window of every trace query: a preset relative to now (`24h`),
 * or an absolute `from..to`. Kept in the URL as `range=24h` or
 * `from=<iso>&to=<iso>`, so a shared link shows the same window.
 */
export const PRESETS = [
  { id: '15m', label: 'Last 15 minutes', ms: 15 * 60_000 },
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '6h', label: 'Last 6 hours', ms: 6 * 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 86_400_000 },
  { id: '90d', label: 'Last 90 days', ms: 90 * 86_400_000 },
  { id: '1y', label: 'Last year', ms: 365 * 86_400_000 },
] as const

export const DEFAULT_RANGE = '24h'

export interface TimeRange {
  range?: string
  from?: string
  to?: string
}

/** The window as ISO strings, evaluated now (a preset moves with the clock). */
export function resolveRange(r: TimeRange, now = Date.now()): { from: string; to: string } {
  if (r.from && r.to) return { from: r.from, to: r.to }
  const preset = PRESETS.find((p) => p.id === r.range) ?? PRESETS.find((p) => p.id === DEFAULT_RANGE)!
  return { from: new Date(now - preset.ms).toISOString(), to: new Date(now).toISOString() }
}

export function rangeLabel(r: TimeRange): string {
  if (r.from && r.to)
    return `${r.from.slice(0, 16).replace('T', ' ')} – ${r.to.slice(0, 16).replace('T', ' ')}`
  return (PRESETS.find((p) => p.id === r.range) ?? PRESETS.find((p) => p.id === DEFAULT_RANGE)!).label
}

/** A bucket width that gives about 60 points over the window, as the metrics routes take it. */
export function bucketFor(windowMs: number): string {
  const steps = [60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86_400, 7 * 86_400]
  const target = windowMs / 1000 / 60
  const s = steps.find((x) => x >= target) ?? steps[steps.length - 1]!
  return `${s}s`
}
