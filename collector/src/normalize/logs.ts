import type { SpanEventRow } from '@assay/core'
import type { DecodedLogRecord, DecodedLogsRequest } from '../otlp/types.js'
import type { NormalizeContext } from './context.js'
import { idProblem } from './ids.js'
import { quoteName, type Rejected, Rejections } from './rejections.js'
import { canonicalNanos, msToNanos, nanosProblem } from './times.js'
import { stringifyAttributes, toJsonValue } from './values.js'

/**
 * Decoded OTLP logs → `span_events` rows, for records that belong to a span
 * (GenAI message events, exceptions). Records with neither trace nor span id
 * are application logs Assay does not store: they are counted as `ignored`,
 * not rejected. A record with a malformed id is rejected alone.
 *
 * Time: the record's time, else its observed time, else the receive time.
 * Records of one span that share a timestamp (instrumentations stamp a
 * request's messages with the same millisecond) are spaced 1 ns apart in
 * the order they arrived, so that their order — system before user, turn
 * after turn — survives storage, which orders events by time.
 */
export interface LogsResult {
  events: SpanEventRow[]
  rejected: Rejected
  /** Records that belong to no span. */
  ignored: number
}

function eventName(r: DecodedLogRecord): string {
  if (r.eventName !== '') return r.eventName
  const n = r.attributes['event.name']
  return typeof n === 'string' ? n : ''
}

function idsProblem(r: DecodedLogRecord): string | undefined {
  const trace = idProblem(r.traceId, 32)
  if (trace) return `trace id ${trace}`
  const span = idProblem(r.spanId, 16)
  return span ? `span id ${span}` : undefined
}

function recordTime(r: DecodedLogRecord, now: () => number): string {
  for (const t of [r.timeUnixNano, r.observedTimeUnixNano]) {
    const c = canonicalNanos(t)
    if (c !== undefined && nanosProblem(c) === undefined) return c
  }
  return msToNanos(now())
}

export function normalizeLogs(request: DecodedLogsRequest, ctx: NormalizeContext): LogsResult {
  const events: SpanEventRow[] = []
  const rejected = new Rejections()
  const now = ctx.now ?? Date.now
  let ignored = 0
  // Per span: the last source time seen and the time it was given.
  const lastTime = new Map<string, { source: string; assigned: bigint }>()
  const ordered = (spanId: string, time: string): string => {
    const last = lastTime.get(spanId)
    const assigned = last !== undefined && last.source === time ? last.assigned + 1n : BigInt(time)
    lastTime.set(spanId, { source: time, assigned })
    return assigned.toString()
  }
  request.resourceLogs.forEach((rl, i) => {
    rl.scopeLogs.forEach((sl, j) => {
      sl.logRecords.forEach((r, k) => {
        if (r.traceId === '' && r.spanId === '') {
          ignored++
          return
        }
        const name = eventName(r)
        const problem = idsProblem(r)
        if (problem) {
          rejected.add(`resourceLogs[${i}].scopeLogs[${j}].logRecords[${k}] ${quoteName(name)}: ${problem}`)
          return
        }
        const spanId = r.spanId.toLowerCase()
        events.push({
          project_id: ctx.projectId,
          trace_id: r.traceId.toLowerCase(),
          span_id: spanId,
          time: ordered(spanId, recordTime(r, now)),
          name,
          source: 'log',
          attributes: stringifyAttributes(r.attributes),
          body: r.body === null ? '' : JSON.stringify(toJsonValue(r.body)),
        })
      })
    })
  })
  return { events, rejected: rejected.result(), ignored }
}
