'use client'
/**
 * What a new user sees before the first trace: the exact lines that send
 * one, with this server's address filled in (and the API key line when auth
 * is on). The curl line sends a real span, timed now, so the page fills at once.
 */
import { useEffect, useMemo, useState } from 'react'
import { api, read } from '@/lib/api'
import { useApi } from '@/lib/use-api'
import { CopyBlock } from './CopyBlock'

function curlLine(origin: string, auth: boolean): string {
  const now = BigInt(Date.now()) * 1_000_000n
  const hex = (n: number) =>
    Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => b.toString(16).padStart(2, '0')).join('')
  const body = {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'hello-assay' } }] },
        scopeSpans: [
          {
            spans: [
              {
                traceId: hex(16),
                spanId: hex(8),
                name: 'hello',
                kind: 1,
                startTimeUnixNano: String(now),
                endTimeUnixNano: String(now + 250_000_000n),
                attributes: [
                  { key: 'openinference.span.kind', value: { stringValue: 'LLM' } },
                  { key: 'input.value', value: { stringValue: 'Is this thing on?' } },
                  { key: 'output.value', value: { stringValue: 'Yes: Assay received your first span.' } },
                ],
              },
            ],
          },
        ],
      },
    ],
  }
  return [
    `curl -s ${origin}/v1/traces -H 'Content-Type: application/json' \\`,
    ...(auth ? ["  -H 'Authorization: Bearer $ASSAY_API_KEY' \\"] : []),
    `  -d '${JSON.stringify(body)}'`,
  ].join('\n')
}

export function EmptyState() {
  const [origin, setOrigin] = useState('http://127.0.0.1:4318')
  useEffect(() => setOrigin(window.location.origin), [])
  const me = useApi('me', () => read(api.auth.me.$get()))
  const auth = me.data?.authRequired ?? false
  const key = auth ? 'ASSAY_API_KEY=ak_... ' : ''
  const curl = useMemo(() => curlLine(origin, auth), [origin, auth])

  return (
    <div className="empty panel" data-testid="empty-state">
      <h2>Send your first trace</h2>
      <p className="muted">
        Assay is listening on <code>{origin}</code>: OTLP at <code>/v1/traces</code>, the API at{' '}
        <code>/api</code>. Traces show up here within a second of arriving.
      </p>
      <ol className="steps">
        <li>
          <h3>A Node.js app that calls OpenAI: one import</h3>
          <CopyBlock text={`npm install /path/to/assay/packages/sdk openai`} />
          <CopyBlock text={`${key}ASSAY_URL=${origin} node --import @assay/sdk/register app.js`} />
          <p className="muted">
            or put <code>{"import '@assay/sdk/register'"}</code> first in the app. Every <code>openai</code>{' '}
            call becomes an LLM span with messages, tokens, cost and tool calls.
          </p>
        </li>
        <li>
          <h3>Any OpenTelemetry exporter</h3>
          <CopyBlock
            text={[
              `OTEL_EXPORTER_OTLP_ENDPOINT=${origin}`,
              'OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
              ...(auth ? ['OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer ak_..."'] : []),
            ].join('\n')}
          />
          <p className="muted">
            OpenInference, OpenLLMetry, the OpenTelemetry GenAI instrumentations and the Vercel AI SDK all
            work as they are.
          </p>
        </li>
        <li>
          <h3>Or check the wiring with one span</h3>
          <CopyBlock text={curl} />
        </li>
      </ol>
    </div>
  )
}
