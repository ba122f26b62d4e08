/**
 * Joining an OpenTelemetry setup the app made itself. OpenTelemetry JS 2.x
 * removed `addSpanProcessor`, so a registered provider only takes new
 * processors through its internal processor list; where that is not there
 * the app passes `spanProcessors()` to its own provider instead.
 */
import { type ProxyTracerProvider, type TracerProvider, trace } from '@opentelemetry/api'
import type { tracing } from '@opentelemetry/sdk-node'

interface ProviderInternals {
  addSpanProcessor?: (p: tracing.SpanProcessor) => void
  _activeSpanProcessor?: { _spanProcessors?: tracing.SpanProcessor[] }
}

/** The app's registered provider, or undefined while only the no-op one is there. */
export function registeredTracerProvider(): TracerProvider | undefined {
  const global = trace.getTracerProvider() as ProxyTracerProvider
  const delegate = typeof global.getDelegate === 'function' ? global.getDelegate() : global
  return delegate.constructor.name === 'NoopTracerProvider' ? undefined : delegate
}

/** Adds processors to an existing provider; false when it offers no way to. */
export function attachProcessors(provider: TracerProvider, processors: tracing.SpanProcessor[]): boolean {
  const p = provider as TracerProvider & ProviderInternals
  if (typeof p.addSpanProcessor === 'function') {
    for (const processor of processors) p.addSpanProcessor(processor)
    return true
  }
  const list = p._activeSpanProcessor?._spanProcessors
  if (!Array.isArray(list)) return false
  list.push(...processors)
  return true
}
