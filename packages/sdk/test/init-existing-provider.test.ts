/**
 * An app that set up OpenTelemetry itself: `init()` adds Assay's exporter
 * to the registered provider instead of starting a second one, so spans go
 * to both the app's exporter and Assay.
 */
import { trace as otelTrace } from '@opentelemetry/api'
import { afterAll, expect, it } from 'vitest'
import { flush, init, shutdown, trace } from '../src/index.js'
import { startFakeApi } from './fake-api.js'
import { exporter, named } from './tracer.js'

const api = await startFakeApi(() => ({ status: 200, body: {} }))
afterAll(async () => {
  await shutdown()
  await api.close()
})

it('joins the registered tracer provider', async () => {
  const provider = otelTrace.getTracerProvider()
  const handle = init({ url: api.url, exitHook: false, serviceName: 'svc' })
  expect(handle.joinedExistingProvider).toBe(true)
  expect(init()).toBe(handle) // idempotent
  trace(() => 'ok', { name: 'joined' })()
  await flush()
  expect(named('joined')).toBeDefined() // the app's own exporter still gets it
  expect(exporter.getFinishedSpans()).toHaveLength(1)
  expect(api.requests.map((r) => `${r.method} ${r.url}`)).toContain('POST /v1/traces')
  expect(otelTrace.getTracerProvider()).toBe(provider)
})
