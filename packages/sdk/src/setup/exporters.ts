/**
 * OTLP/HTTP (protobuf) exporters for spans and log records, pointed at
 * Assay. Logs matter: the OpenTelemetry GenAI instrumentation sends message
 * content only as log records, which the collector merges into the span.
 * Exports that fail after the exporter's own retries are dropped with one
 * warning per outage; nothing reaches the app.
 */
import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto'
import type { logs, tracing } from '@opentelemetry/sdk-node'
import { type AssayConfig, authHeaders } from '../config.js'
import { clearWarning, warnOnce } from '../warn.js'

type ExportResult = { code: number; error?: Error }

export function traceExporter(config: AssayConfig): tracing.SpanExporter {
  const inner = new OTLPTraceExporter({
    url: `${config.url}/v1/traces`,
    headers: authHeaders(config),
    timeoutMillis: config.exportTimeoutMs,
  })
  return warnOnFailure(inner, config, 'spans')
}

export function logExporter(config: AssayConfig): logs.LogRecordExporter {
  const inner = new OTLPLogExporter({
    url: `${config.url}/v1/logs`,
    headers: authHeaders(config),
    timeoutMillis: config.exportTimeoutMs,
  })
  return warnOnFailure(inner, config, 'log records')
}

/** Wraps `export` to warn once while exports fail, and again after a recovery. */
function warnOnFailure<T extends { export(items: never[], done: (r: ExportResult) => void): void }>(
  exporter: T,
  config: AssayConfig,
  what: string,
): T {
  const key = `export:${what}`
  const original = exporter.export.bind(exporter)
  exporter.export = (items: never[], done: (r: ExportResult) => void) =>
    original(items, (result) => {
      if (result.code === 0) clearWarning(key)
      else
        warnOnce(
          key,
          `could not send ${what} to ${config.url} (${result.error?.message ?? 'failed'}); dropping them until it is reachable`,
        )
      done(result)
    })
  return exporter
}
