'use client'
/**
 * The selected span's panel: its whole payload (input, output, attributes,
 * events) is loaded when it is selected, not with the trace, so a trace of
 * any size opens at the cost of its tree columns.
 */
import { loadSpan } from '@/lib/trace-api'
import { useApi } from '@/lib/use-api'
import { SpanDetail, type Tab } from './SpanDetail'

export function SelectedSpan({
  traceId,
  spanId,
  ...rest
}: {
  traceId: string
  spanId: string
  traceStartNs: string
  modelName: (id: string) => string
  assessmentCount: number
  onAssessed: () => void
  tab: Tab
  onTab: (tab: Tab) => void
}) {
  const payload = useApi(`span:${traceId}:${spanId}`, () => loadSpan(traceId, spanId))
  const data = payload.data?.span.span_id === spanId ? payload.data : undefined
  if (!data)
    return payload.error && !payload.loading ? (
      <div className="banner">{payload.error.message}</div>
    ) : (
      <div className="muted none">Loading span…</div>
    )
  return <SpanDetail key={spanId} span={data.span} events={data.events} {...rest} />
}
