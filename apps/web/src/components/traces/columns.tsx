/**
 * The trace list's columns. Status, name, start, duration, tokens, cost,
 * model, session and user sort on the server (over every matching trace);
 * the others (input, output, spans, assessments) sort the loaded rows.
 * Assessment columns (`a:<name>`) appear for each name seen in the rows.
 */
import type { InferRequestType } from 'hono/client'
import type { ReactNode } from 'react'
import type { api, TraceItem } from '@/lib/api'
import { previewOf } from '@/lib/content-shape'
import {
  formatAgo,
  formatCost,
  formatCount,
  formatDuration,
  formatTime,
  formatValue,
  nsToMs,
} from '@/lib/format'

/** The API's trace sort keys, from the route's types. */
export type ServerSort = NonNullable<NonNullable<InferRequestType<typeof api.traces.$get>['query']>['sort']>

export interface Column {
  id: string
  label: string
  width: string
  align?: 'right'
  server?: ServerSort
  value: (t: TraceItem) => string | number | boolean | undefined
  render: (t: TraceItem, ctx: { modelName: (id: string) => string }) => ReactNode
}

const text = (v: string) => (v ? <span className="ellipsis">{v}</span> : <span className="muted">–</span>)

export const COLUMNS: Column[] = [
  {
    id: 'status',
    label: 'Status',
    width: '76px',
    server: 'status',
    value: (t) => t.status_code,
    render: (t) =>
      t.status_code === 'ERROR' ? (
        <span className="pill error">
          <span className="dot error" /> Error
        </span>
      ) : (
        <span className="pill ok">
          <span className="dot ok" /> OK
        </span>
      ),
  },
  {
    id: 'name',
    label: 'Name',
    width: 'minmax(160px, 1.2fr)',
    server: 'name',
    value: (t) => t.name,
    render: (t) => <span className="ellipsis cell-name">{t.name || '(unnamed)'}</span>,
  },
  {
    id: 'input',
    label: 'Input',
    width: 'minmax(160px, 1.6fr)',
    value: (t) => t.input_preview,
    render: (t) => text(previewOf(t.input_preview, 'input')),
  },
  {
    id: 'output',
    label: 'Output',
    width: 'minmax(160px, 1.6fr)',
    value: (t) => t.output_preview,
    render: (t) => text(previewOf(t.output_preview, 'output')),
  },
  {
    id: 'start',
    label: 'Start',
    width: '118px',
    server: 'start_time',
    value: (t) => t.start_time,
    render: (t) => <span title={formatTime(nsToMs(t.start_time))}>{formatAgo(nsToMs(t.start_time))}</span>,
  },
  {
    id: 'duration',
    label: 'Duration',
    width: '96px',
    align: 'right',
    server: 'duration',
    value: (t) => t.duration_ms,
    render: (t) => formatDuration(t.duration_ms),
  },
  {
    id: 'tokens',
    label: 'Tokens',
    width: '84px',
    align: 'right',
    server: 'tokens',
    value: (t) => t.total_tokens,
    render: (t) => formatCount(t.total_tokens),
  },
  {
    id: 'cost',
    label: 'Cost',
    width: '80px',
    align: 'right',
    server: 'cost',
    value: (t) => t.cost_usd,
    render: (t) => formatCost(t.cost_usd),
  },
  {
    id: 'spans',
    label: 'Spans',
    width: '70px',
    align: 'right',
    value: (t) => t.span_count,
    render: (t) => t.span_count,
  },
  {
    id: 'model',
    label: 'Model',
    width: 'minmax(90px, 0.7fr)',
    // The server orders by model id; the cell shows the model's name.
    server: 'model',
    value: (t) => t.model_id,
    render: (t, ctx) => text(t.model_id ? ctx.modelName(t.model_id) : ''),
  },
  {
    id: 'session',
    label: 'Session',
    width: 'minmax(90px, 0.7fr)',
    server: 'session',
    value: (t) => t.session_id,
    render: (t) => text(t.session_id),
  },
  {
    id: 'user',
    label: 'User',
    width: 'minmax(80px, 0.6fr)',
    server: 'user',
    value: (t) => t.user_id,
    render: (t) => text(t.user_id),
  },
]

export const DEFAULT_COLUMNS = [
  'status',
  'name',
  'input',
  'output',
  'start',
  'duration',
  'tokens',
  'cost',
  'model',
]

export function assessmentColumn(name: string): Column {
  return {
    id: `a:${name}`,
    label: name,
    width: 'minmax(80px, 0.6fr)',
    value: (t) => t.assessments[name],
    render: (t) => {
      const v = t.assessments[name]
      if (v === undefined) return <span className="muted">–</span>
      const tone =
        v === true || (typeof v === 'number' && v >= 0.5)
          ? 'ok'
          : v === false || typeof v === 'number'
            ? 'error'
            : ''
      return <span className={`pill ${tone}`}>{formatValue(v)}</span>
    },
  }
}

export function compareBy(column: Column, order: 'asc' | 'desc') {
  const sign = order === 'asc' ? 1 : -1
  return (a: TraceItem, b: TraceItem) => {
    const x = column.value(a)
    const y = column.value(b)
    if (x === y) return 0
    if (x === undefined || x === '') return 1
    if (y === undefined || y === '') return -1
    return (x < y ? -1 : 1) * sign
  }
}
