/**
 * The SDK's process-wide state. It lives on `globalThis` under a registered
 * symbol because the package ships ESM and CJS builds: an app that loads
 * `register` one way and `@assay/sdk` the other must still see one active
 * model, one exporter and one set of pending prompt links.
 */
import type { Attributes } from '@opentelemetry/api'
import type { AssayConfig } from './config.js'

export interface PromptLink {
  name: string
  version: number
}

export interface SdkState {
  config: AssayConfig | undefined
  /** Flushes and shuts down what `init()` started; set by it. */
  flush: () => Promise<void>
  shutdown: () => Promise<void>
  activeModelId: string | undefined
  /** Spans ended so far, so the exit hook knows whether a flush is due. */
  endedSpans: number
  /** Attributes set by `setTraceAttributes`, stamped on later spans of the trace. */
  traceAttributes: Map<string, Attributes>
  /** A prompt formatted in a trace, waiting for the trace's next LLM span. */
  pendingPrompts: Map<string, PromptLink>
}

const KEY = Symbol.for('assay.sdk.state')

export function sdkState(): SdkState {
  const g = globalThis as { [KEY]?: SdkState }
  g[KEY] ??= {
    config: undefined,
    flush: async () => {},
    shutdown: async () => {},
    activeModelId: undefined,
    endedSpans: 0,
    traceAttributes: new Map(),
    pendingPrompts: new Map(),
  }
  return g[KEY]
}

/** Keeps a per-trace map from growing without bound when traces never end here. */
export function remember<V>(map: Map<string, V>, key: string, value: V, max = 10_000): void {
  map.delete(key)
  map.set(key, value)
  if (map.size > max) map.delete(map.keys().next().value as string)
}
