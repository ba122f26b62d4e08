'use client'
/** The selected span: what it was (model, tokens, cost, prompt), its input and output, attributes, events, assessments. */
import Link from 'next/link'
import type { Span, SpanEvent } from '@/lib/api'
import { formatCost, formatCount, formatDuration, nsToMs } from '@/lib/format'
import { ContentView } from '../content/ContentView'
import { FoldedText } from '../content/FoldedText'
import { JsonTree } from '../content/JsonTree'
import { promptHref } from '../prompts/PromptsView'
import { KindIcon } from '../ui/KindIcon'
import { Assessments } from './Assessments'

export type Tab = 'io' | 'attributes' | 'events' | 'feedback'

function AttrValue({ value }: { value: string }) {
  if (/^[[{]/.test(value)) {
    try {
      return <JsonTree value={JSON.parse(value)} openDepth={1} />
    } catch {
      // not JSON after all
    }
  }
  return <FoldedText text={value} />
}

function KeyValues({ title, map }: { title: string; map: Record<string, string> }) {
  const keys = Object.keys(map).sort()
  if (keys.length === 0) return null
  return (
    <div className="kv-block">
      <div className="sub-head">{title}</div>
      <dl className="kv">
        {keys.map((k) => (
          <div key={k} className="kv-row">
            <dt className="mono">{k}</dt>
            <dd>
              <AttrValue value={map[k]!} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  )
}

const filterHref = (filter: string) => `/traces?${new URLSearchParams({ filter, range: '30d' })}`

export function SpanDetail({
  span,
  events,
  traceStartNs,
  modelName,
  assessmentCount,
  onAssessed,
  tab,
  onTab,
}: {
  span: Span
  events: SpanEvent[]
  traceStartNs: string
  modelName: (id: string) => string
  assessmentCount: number
  onAssessed: () => void
  tab: Tab
  onTab: (tab: Tab) => void
}) {
  const durationMs = Number(BigInt(span.end_time) - BigInt(span.start_time)) / 1e6
  const offset = Number(BigInt(span.start_time) - BigInt(traceStartNs)) / 1e6
  const model = span.model_response || span.model_request
  const tabs: [Tab, string, number?][] = [
    ['io', 'Input & output'],
    ['attributes', 'Attributes', Object.keys(span.attributes).length],
    ['events', 'Events', events.length],
    ['feedback', 'Feedback', assessmentCount],
  ]
  return (
    <div className="span-detail" data-span-id={span.span_id}>
      <div className="detail-head">
        <KindIcon kind={span.kind} />
        <h2 className="ellipsis">{span.name || '(unnamed)'}</h2>
        <span className="pill">{span.kind}</span>
        {span.status_code === 'ERROR' ? <span className="pill error">Error</span> : null}
      </div>
      {span.status_code === 'ERROR' && span.status_message && (
        <div className="banner">{span.status_message}</div>
      )}
      <dl className="facts">
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(durationMs)}</dd>
        </div>
        <div>
          <dt>Starts at</dt>
          <dd>+{formatDuration(offset)}</dd>
        </div>
        {model && (
          <div>
            <dt>Model</dt>
            <dd className="ellipsis" title={`${span.model_request} → ${span.model_response}`}>
              {model}
              {span.provider && <span className="muted"> · {span.provider}</span>}
            </dd>
          </div>
        )}
        {span.total_tokens > 0 && (
          <div>
            <dt>Tokens</dt>
            <dd title={`cached ${span.cached_tokens}, reasoning ${span.reasoning_tokens}`}>
              {formatCount(span.input_tokens)} in · {formatCount(span.output_tokens)} out
            </dd>
          </div>
        )}
        {span.cost_usd > 0 && (
          <div>
            <dt>Cost</dt>
            <dd>{formatCost(span.cost_usd)}</dd>
          </div>
        )}
        {span.prompt_name && (
          <div>
            <dt>Prompt</dt>
            <dd>
              <Link
                href={promptHref(
                  span.prompt_name,
                  span.prompt_version ? { v: String(span.prompt_version) } : {},
                )}
              >
                {span.prompt_name}
                {span.prompt_version && ` v${span.prompt_version}`}
              </Link>
            </dd>
          </div>
        )}
        {span.model_id && (
          <div>
            <dt>App version</dt>
            <dd>
              <Link href={filterHref(`model.id = '${span.model_id}'`)} title={span.model_id}>
                {modelName(span.model_id)}
              </Link>
            </dd>
          </div>
        )}
        <div>
          <dt>Span id</dt>
          <dd className="mono">{span.span_id}</dd>
        </div>
      </dl>
      <div className="tabs" role="tablist">
        {tabs.map(([id, label, n]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            className={`tab${tab === id ? ' active' : ''}`}
            onClick={() => onTab(id)}
          >
            {label}
            {n !== undefined && <span className="count">{n}</span>}
          </button>
        ))}
      </div>
      <div className="detail-body">
        {tab === 'io' && (
          <>
            <section className="io" data-testid="span-input">
              <div className="sub-head">Input</div>
              <ContentView text={span.input} />
            </section>
            <section className="io" data-testid="span-output">
              <div className="sub-head">Output</div>
              <ContentView text={span.output} />
            </section>
          </>
        )}
        {tab === 'attributes' && (
          <>
            <KeyValues title="Attributes" map={span.attributes} />
            <KeyValues title="Resource" map={span.resource_attributes} />
            <KeyValues title="Tags" map={span.tags} />
            <KeyValues title="Metadata" map={span.metadata} />
          </>
        )}
        {tab === 'events' &&
          (events.length === 0 ? (
            <div className="muted none">No events on this span.</div>
          ) : (
            <ul className="events">
              {events.map((e, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: events may share name and time
                <li key={i} className="event">
                  <div className="event-head">
                    <span className={`event-name${e.name === 'exception' ? ' error-text' : ''}`}>
                      {e.name}
                    </span>
                    <span className="muted">
                      +{formatDuration(nsToMs(e.time) - nsToMs(traceStartNs))} ·{' '}
                      {e.source === 'log' ? 'log record' : 'event'}
                    </span>
                  </div>
                  {Object.keys(e.attributes).length > 0 && <JsonTree value={e.attributes} openDepth={1} />}
                  {e.body && <AttrValue value={e.body} />}
                </li>
              ))}
            </ul>
          ))}
        {tab === 'feedback' && (
          <Assessments
            traceId={span.trace_id}
            spanId={span.span_id}
            spanName={span.name}
            onChange={onAssessed}
          />
        )}
      </div>
    </div>
  )
}
