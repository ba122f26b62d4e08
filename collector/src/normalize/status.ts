import type { SpanStatusCode } from '@assay/core'
import type { DecodedSpan } from '../otlp/types.js'
import type { SpanDraft } from './draft.js'

/**
 * Status from the OTLP status, and a message for errors that have none:
 * several instrumentations set ERROR without a description but record an
 * `exception` event with `exception.type` / `exception.message`. The status
 * code itself is never raised from an event alone, since libraries also
 * record exceptions they handled.
 */

const CODES: readonly SpanStatusCode[] = ['UNSET', 'OK', 'ERROR']

export function statusCode(code: number): SpanStatusCode {
  return CODES[code] ?? 'UNSET'
}

function exceptionMessage(span: DecodedSpan): string {
  for (const e of span.events) {
    if (e.name !== 'exception') continue
    const type = e.attributes['exception.type']
    const message = e.attributes['exception.message']
    const t = typeof type === 'string' ? type : ''
    const m = typeof message === 'string' ? message : ''
    if (t !== '' && m !== '') return `${t}: ${m}`
    if (t !== '' || m !== '') return t || m
  }
  return ''
}

export function fillStatusFromEvents(d: SpanDraft, span: DecodedSpan): void {
  if (d.row.status_message !== '' || d.row.status_code === 'OK' || span.events.length === 0) return
  d.row.status_message = exceptionMessage(span)
}
