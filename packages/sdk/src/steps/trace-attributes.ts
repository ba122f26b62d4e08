/**
 * `setTraceAttributes(...)`: session, user, tags and metadata for the
 * current trace. They go on the active span now and on every span of the
 * trace started later in this process (the collector also spreads them
 * over the trace when they arrive in the same export).
 */
import { type Attributes, trace as otelTrace } from '@opentelemetry/api'
import { ATTR } from '../attributes.js'
import { remember, sdkState } from '../state.js'

export interface TraceAttributes {
  sessionId?: string
  userId?: string
  /** Bare tags (`['beta']`) or key/value tags (`{ team: 'search' }`). */
  tags?: string[] | Record<string, string>
  /** Each key becomes `assay.metadata.<key>`. */
  metadata?: Record<string, string | number | boolean>
  environment?: string
}

/** Returns false when no span is active (nothing to attach them to). */
export function setTraceAttributes(values: TraceAttributes): boolean {
  const span = otelTrace.getActiveSpan()
  if (!span) return false
  const attrs = toAttributes(values)
  span.setAttributes(attrs)
  const map = sdkState().traceAttributes
  const traceId = span.spanContext().traceId
  remember(map, traceId, { ...map.get(traceId), ...attrs })
  return true
}

function toAttributes(values: TraceAttributes): Attributes {
  const attrs: Attributes = {}
  if (values.sessionId !== undefined) attrs[ATTR.sessionId] = values.sessionId
  if (values.userId !== undefined) attrs[ATTR.userId] = values.userId
  if (values.environment !== undefined) attrs[ATTR.environment] = values.environment
  if (values.tags !== undefined) {
    attrs[ATTR.tags] = Array.isArray(values.tags) ? values.tags : JSON.stringify(values.tags)
  }
  for (const [key, value] of Object.entries(values.metadata ?? {})) attrs[ATTR.metadataPrefix + key] = value
  return attrs
}

/** The active trace's id (32 hex characters), for `feedback.log` later. */
export function currentTraceId(): string | undefined {
  return otelTrace.getActiveSpan()?.spanContext().traceId
}
