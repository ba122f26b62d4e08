/**
 * `init()`: starts OpenTelemetry for Assay, or joins the app's own setup.
 * With no tracer provider registered it starts a NodeSDK (spans over OTLP,
 * the OpenAI instrumentation); with one registered it adds Assay's
 * processors to it rather than starting a second provider. Either way the
 * instrumentation's message records go onto its spans (message-content.ts),
 * not through a log pipeline. Calling it again returns the first call's handle.
 */
import { registerInstrumentations } from '@opentelemetry/instrumentation'
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai'
import { NodeSDK, type tracing } from '@opentelemetry/sdk-node'
import { type AssayConfig, type AssayOptions, resolveConfig } from '../config.js'
import { sdkState } from '../state.js'
import { errorMessage, warnOnce } from '../warn.js'
import { attachProcessors, registeredTracerProvider } from './existing-provider.js'
import { installExitHook } from './exit-hook.js'
import { batchSpanProcessor } from './exporters.js'
import { spanContentLoggerProvider } from './message-content.js'
import { addToOpenAIInstrumentation } from './openai-additions.js'
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
  return [new StampProcessor(), batchSpanProcessor(config)]
}

export function init(options: AssayOptions = {}): AssayHandle {
  const g = globalThis as { [HANDLE]?: AssayHandle }
  if (g[HANDLE]) return g[HANDLE]
  const config = resolveConfig(options)
  const batch = batchSpanProcessor(config)
  const processors = [new StampProcessor(), batch]
  const openai = new OpenAIInstrumentation({ captureMessageContent: config.captureContent })
  addToOpenAIInstrumentation(openai)
  const existing = registeredTracerProvider()
  let stop: () => Promise<void>
  if (existing && attachProcessors(existing, processors)) {
    const unregister = registerInstrumentations({ instrumentations: [openai] })
    stop = async () => {
      unregister()
      await batch.shutdown()
    }
  } else {
    if (existing)
      warnOnce('provider', 'the registered tracer provider takes no new processors; starting our own')
    const sdk = new NodeSDK({
      serviceName: config.serviceName,
      spanProcessors: processors,
      // An empty list, not none: with none NodeSDK would start an OTLP log exporter from the environment.
      logRecordProcessors: [],
      instrumentations: [openai],
      // No metrics: Assay reads spans, and the instrumentation's histograms cost CPU on every call.
      metricReaders: [],
    })
    sdk.start()
    stop = () => sdk.shutdown()
  }
  openai.setLoggerProvider(spanContentLoggerProvider)
  const state = sdkState()
  state.config = config
  // A failed export has already warned (exporters.ts); flush only reports that it is done.
  state.flush = async () => {
    await batch.forceFlush().catch(() => undefined)
  }
  state.shutdown = async () => {
    await stop().catch((err) => warnOnce('shutdown', `shutdown failed: ${errorMessage(err)}`))
  }
  if (config.exitHook) installExitHook()
  g[HANDLE] = { config, openai, joinedExistingProvider: Boolean(existing) }
  return g[HANDLE]
}
