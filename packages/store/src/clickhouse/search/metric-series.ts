/**
 * Rows of the metrics query as series: one per group (the largest
 * `MAX_METRIC_GROUPS` by span count), each with a point for every bucket of
 * the window, so a chart needs no gap filling. Percentiles of an empty
 * bucket are null, not zero.
 */

/** Series beyond this many groups are dropped (largest by span count kept) and `truncated` is set. */
export const MAX_METRIC_GROUPS = 50

export interface Percentiles {
  p50: number
  p95: number
  p99: number
}

export interface MetricPoint {
  /** Bucket start, ns string. */
  bucket: string
  /** Distinct traces with a span in the bucket. */
  traces: number
  spans: number
  errors: number
  /** errors / spans (0 when there are no spans). */
  error_rate: number
  latency_ms: Percentiles | null
  trace_latency_ms: Percentiles | null
  input_tokens: number
  output_tokens: number
  total_tokens: number
  cost_usd: number
}

export interface MetricSeries {
  /** The group's value ('' for spans without one); null when not grouped. */
  group: string | null
  points: MetricPoint[]
}

export interface Metrics {
  bucket_seconds: number
  series: MetricSeries[]
  /** More groups existed than `MAX_METRIC_GROUPS`. */
  truncated: boolean
}

/** One (bucket, group) row as the query returns it. */
export interface MetricRow {
  bucket: string
  grp: string
  traces: string | number
  spans: string | number
  errors: string | number
  latency: (number | null)[]
  trace_latency: (number | null)[]
  roots: string | number
  input_tokens: string | number
  output_tokens: string | number
  total_tokens: string | number
  cost_usd: number
}

export function toSeries(rows: MetricRow[], buckets: string[], seconds: number, grouped: boolean): Metrics {
  const byGroup = new Map<string, Map<string, MetricRow>>()
  const spansOf = new Map<string, number>()
  for (const r of rows) {
    if (!byGroup.has(r.grp)) byGroup.set(r.grp, new Map())
    byGroup.get(r.grp)!.set(r.bucket, r)
    spansOf.set(r.grp, (spansOf.get(r.grp) ?? 0) + Number(r.spans))
  }
  const groups = [...byGroup.keys()].sort((a, b) => spansOf.get(b)! - spansOf.get(a)! || a.localeCompare(b))
  const kept = groups.slice(0, MAX_METRIC_GROUPS)
  const series = (grouped ? kept : ['']).map((g) => ({
    group: grouped ? g : null,
    points: buckets.map((b) => toPoint(b, byGroup.get(g)?.get(b))),
  }))
  return { bucket_seconds: seconds, series, truncated: groups.length > kept.length }
}

function toPoint(bucket: string, r: MetricRow | undefined): MetricPoint {
  const spans = Number(r?.spans ?? 0)
  const errors = Number(r?.errors ?? 0)
  return {
    bucket,
    traces: Number(r?.traces ?? 0),
    spans,
    errors,
    error_rate: spans ? errors / spans : 0,
    latency_ms: spans ? percentiles(r!.latency) : null,
    trace_latency_ms: Number(r?.roots ?? 0) ? percentiles(r!.trace_latency) : null,
    input_tokens: Number(r?.input_tokens ?? 0),
    output_tokens: Number(r?.output_tokens ?? 0),
    total_tokens: Number(r?.total_tokens ?? 0),
    cost_usd: Number(r?.cost_usd ?? 0),
  }
}

function percentiles(values: (number | null)[]): Percentiles {
  const [p50, p95, p99] = values.map((v) => (v === null || !Number.isFinite(v) ? 0 : v))
  return { p50: p50 ?? 0, p95: p95 ?? 0, p99: p99 ?? 0 }
}
