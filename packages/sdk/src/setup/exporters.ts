/**
 * The span pipeline to Assay: a batch processor and an OTLP/HTTP
 * (protobuf) exporter. Exports that fail after the exporter's own retries
 * are dropped with one warning per outage; nothing reaches the app.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto'
import { tracing } from '@opentelemetry/sdk-node'
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

/** Spans are sent in batches of up to 512 (OpenTelemetry's default), one export in flight. */
export function batchSpanProcessor(config: AssayConfig): tracing.SpanProcessor {
  return new tracing.BatchSpanProcessor(traceExporter(config))
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
