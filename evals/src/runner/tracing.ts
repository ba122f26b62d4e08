/**
 * The SDK session of a run: the task's calls are traced into the Assay the
 * run records to, exactly as the application is traced in production
 * (same SDK, same OpenAI instrumentation), so each item yields a trace.
 *
 * The SDK is process-wide (one exporter, one URL): a second run in the same
 * process must target the same server. Judges and scorers run with tracing
 * suppressed, so their own model calls never appear as the app's traces.
 */

import { flush, init } from '@assay/sdk'
import { context } from '@opentelemetry/api'
import { suppressTracing } from '@opentelemetry/core'
import type { AssayConnection } from './api/connection.js'

export interface Tracing {
  /** Sends every ended span now; resolves when the exporter answered. */
  flush(): Promise<void>
}

export function startTracing(connection: AssayConnection, serviceName?: string): Tracing {
  const handle = init({
    url: connection.url,
    apiKey: connection.apiKey,
    project: connection.project,
    serviceName,
    // The runner flushes itself before reading traces back; an exit hook would only delay exit.
    exitHook: false,
  })
  const wanted = connection.url.replace(/\/+$/, '')
  if (handle.config.url !== wanted) {
    throw new Error(
      `the Assay SDK in this process already sends traces to ${handle.config.url}; one process evaluates against one Assay (wanted ${wanted})`,
    )
  }
  return { flush }
}

/** Runs `fn` with tracing off: judge calls are the evaluator's, not the application's. */
export function untraced<T>(fn: () => T): T {
  return context.with(suppressTracing(context.active()), fn)
}
