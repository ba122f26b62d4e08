import type { SpanKind } from '@assay/core'
import type { AnyValue, DecodedSpanEvent } from '../../otlp/types.js'
import { type RetrievedDocument, toDocument } from '../documents.js'
import { fill, fillIo, fillKind, fillMetadata, fillUsage, type SpanDraft } from '../draft.js'
import { ioFromAttribute } from '../io.js'
import { jsonText } from '../io-text.js'
import { mapKind } from '../kinds.js'
import { readCount, readString } from '../read.js'
import { stringifyValue } from '../values.js'
import { HAS_EVENTS, TRACELOOP } from './detect.js'
import type { Dialect } from './types.js'

/**
 * OpenLLMetry / Traceloop keys (`traceloop.*`, `llm.request.type`). Its
 * model calls use the GenAI keys, read by the GenAI dialect; this one adds
 * workflow/task/agent/tool spans, entity input/output, association
 * properties (session, user, metadata) and vector-store results, which it
 * records as `db.query.result` span events rather than attributes.
 */

const SPAN_KINDS: Record<string, SpanKind> = {
  workflow: 'CHAIN',
  task: 'CHAIN',
  agent: 'AGENT',
  tool: 'TOOL',
}
const REQUEST_KINDS: Record<string, SpanKind> = {
  chat: 'LLM',
  completion: 'LLM',
  embedding: 'EMBEDDING',
  rerank: 'RERANKER',
}
const ASSOCIATION_PREFIX = 'traceloop.association.properties.'

function documentsFromEvents(events: DecodedSpanEvent[]): RetrievedDocument[] | undefined {
  let docs: RetrievedDocument[] | undefined
  for (const e of events) {
    if (e.name !== 'db.query.result') continue
    const a = e.attributes
    docs ??= []
    docs.push(
      toDocument({
        id: a['db.query.result.id'],
        content: a['db.query.result.document'],
        score: a['db.query.result.score'],
        metadata: a['db.query.result.metadata'],
      }),
    )
  }
  return docs
}

export const openLlmetryDialect: Dialect = {
  name: 'openllmetry',
  mask: TRACELOOP | HAS_EVENTS,
  apply(d: SpanDraft) {
    const a = d.attrs
    fillKind(d, mapKind(readString(a, 'traceloop.span.kind'), SPAN_KINDS))
    fillKind(d, mapKind(readString(a, 'llm.request.type'), REQUEST_KINDS))
    if (d.events.length > 0) {
      const docs = documentsFromEvents(d.events)
      if (docs) {
        fillKind(d, 'RETRIEVER')
        fillIo(d, 'output', () => jsonText(docs))
      }
    }
    fillIo(d, 'input', () => ioFromAttribute(a['traceloop.entity.input'], 'input'))
    fillIo(d, 'output', () => ioFromAttribute(a['traceloop.entity.output'], 'output'))
    fillUsage(d, { total: readCount(a, 'llm.usage.total_tokens') })
    for (const key in a) {
      if (!key.startsWith(ASSOCIATION_PREFIX)) continue
      const name = key.slice(ASSOCIATION_PREFIX.length)
      const value = stringifyValue(a[key] as AnyValue)
      if (name === 'session_id' || name === 'sessionId') fill(d, 'session_id', value)
      else if (name === 'user_id' || name === 'userId') fill(d, 'user_id', value)
      else fillMetadata(d, name, value)
    }
  },
}
