/**
 * `init()`: starts OpenTelemetry for Assay, or joins the app's own setup.
 * With no tracer provider registered it starts a NodeSDK (traces and logs
 * over OTLP, the OpenAI instrumentation); with one registered it adds
 * Assay's processors to it rather than starting a second provider.
 * Calling it again returns the first call's handle.
 */
import { logs as logsApi } from '@opentelemetry/api-logs'
import { registerInstrumentations } from '@opentelemetry/instrumentation'
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai'
import { logs, NodeSDK, tracing } from '@opentelemetry/sdk-node'
import { type AssayConfig, type AssayOptions, resolveConfig } from '../config.js'
import { sdkState } from '../state.js'
import { errorMessage, warnOnce } from '../warn.js'
import { attachProcessors, registeredTracerProvider } from './existing-provider.js'
import { installExitHook } from './exit-hook.js'
import { logExporter, traceExporter } from './exporters.js'
import { StampProcessor } from './stamp-processor.js'

export interface AssayHandle {
  config: AssayConfig
  /** The OpenAI instrumentation, for `instrumentOpenAI(module)` in bundled or ESM-only setups. */
  openai: OpenAIInstrumentation
  /** True when Assay joined a tracer provider the app registered itself. */
  joinedExistingProvider: boolean
}

const HANDLE = Symbol.for('assay.sdk.handle')

/** The processors Assay needs, for apps that construct their own tracer provider. */
export function spanProcessors(options: AssayOptions = {}): tracing.SpanProcessor[] {
  const config = resolveConfig(options)
  return [new StampProcessor(), new tracing.BatchSpanProcessor(traceExporter(config))]
}

export function init(options: AssayOptions = {}): AssayHandle {
  const g = globalThis as { [HANDLE]?: AssayHandle }
  if (g[HANDLE]) return g[HANDLE]
  const config = resolveConfig(options)
  const batch = new tracing.BatchSpanProcessor(traceExporter(config))
  const processors = [new StampProcessor(), batch]
  const logProcessor = new logs.BatchLogRecordProcessor({ exporter: logExporter(config) })
  const openai = new OpenAIInstrumentation({ captureMessageContent: config.captureContent })
  const existing = registeredTracerProvider()
  let stop: () => Promise<void>
  if (existing && attachProcessors(existing, processors)) {
    ensureLoggerProvider(logProcessor)
    const unregister = registerInstrumentations({ instrumentations: [openai] })
    stop = async () => {
      unregister()
      await Promise.all([batch.shutdown(), logProcessor.shutdown()])
    }
  } else {
    if (existing)
      warnOnce('provider', 'the registered tracer provider takes no new processors; starting our own')
    const sdk = new NodeSDK({
      serviceName: config.serviceName,
      spanProcessors: processors,
      logRecordProcessors: [logProcessor],
      instrumentations: [openai],
      // No metrics: Assay reads spans, and the instrumentation's histograms cost CPU on every call.
      metricReaders: [],
    })
    sdk.start()
    stop = () => sdk.shutdown()
  }
  // The SDK registers instrumentations before its logger provider, and a second copy of
  // api-logs (the instrumentation's) never sees it through its proxy: hand it over directly.
  openai.setLoggerProvider(logsApi.getLoggerProvider())
  const state = sdkState()
  state.config = config
  // A failed export has already warned (exporters.ts); flush only reports that it is done.
  state.flush = async () => {
    await Promise.all([batch.forceFlush(), logProcessor.forceFlush()]).catch(() => undefined)
  }
  state.shutdown = async () => {
    await stop().catch((err) => warnOnce('shutdown', `shutdown failed: ${errorMessage(err)}`))
  }
  if (config.exitHook) installExitHook()
  g[HANDLE] = { config, openai, joinedExistingProvider: Boolean(existing) }
  return g[HANDLE]
}

/** Log records need a provider; the app's own is kept when it has one. */
function ensureLoggerProvider(processor: logs.LogRecordProcessor): void {
  const current = logsApi.getLoggerProvider()
  if (current.constructor.name !== 'NoopLoggerProvider') {
    warnOnce('logs', 'a logger provider is already registered: message content goes to its exporters')
    return
  }
  logsApi.setGlobalLoggerProvider(new logs.LoggerProvider({ processors: [processor] }))
}
