/**
 * `ExportLogsServiceRequest` from the wire straight into the decoded
 * structure of otlp/types.ts (field numbers of opentelemetry-proto v1.7.0,
 * as in `otlp/proto/opentelemetry/proto/logs/v1/logs.proto`).
 */

import type { AnyValue, DecodedLogRecord, DecodedLogsRequest } from '../../otlp/types.js'
import { newKvList } from '../kv-list.js'
import { readAnyValue, readKeyValue } from './any-value.js'
import { readEnvelopes } from './common.js'
import { enter, I64, LEN, leave, type Reader, readHex, readNanos, skip, tag, VARINT } from './wire.js'

export function readLogsRequest(r: Reader): DecodedLogsRequest {
  return {
    resourceLogs: readEnvelopes(r, readLogRecord).map(({ resource, scopes }) => ({
      resource,
      scopeLogs: scopes.map(({ scope, items }) => ({ scope, logRecords: items })),
    })),
  }
}

const TIME = tag(1, I64)
const SEVERITY_NUMBER = tag(2, VARINT)
const SEVERITY_TEXT = tag(3, LEN)
const BODY = tag(5, LEN)
const ATTRIBUTES = tag(6, LEN)
const TRACE_ID = tag(9, LEN)
const SPAN_ID = tag(10, LEN)
const OBSERVED_TIME = tag(11, I64)
const EVENT_NAME = tag(12, LEN)

function readLogRecord(r: Reader): DecodedLogRecord {
  const record: DecodedLogRecord = {
    timeUnixNano: '0',
    observedTimeUnixNano: '0',
    severityNumber: 0,
    severityText: '',
    body: null as AnyValue,
    attributes: newKvList(),
    traceId: '',
    spanId: '',
    eventName: '',
  }
  const end = enter(r)
  while (r.pos < end) {
    const t = r.tag()
    switch (t) {
      case TIME:
        record.timeUnixNano = readNanos(r)
        break
      case OBSERVED_TIME:
        record.observedTimeUnixNano = readNanos(r)
        break
      case SEVERITY_NUMBER:
        record.severityNumber = r.int32()
        break
      case SEVERITY_TEXT:
        record.severityText = r.string()
        break
      case BODY:
        record.body = readAnyValue(r, 0)
        break
      case ATTRIBUTES:
        readKeyValue(r, record.attributes, 0)
        break
      case TRACE_ID:
        record.traceId = readHex(r)
        break
      case SPAN_ID:
        record.spanId = readHex(r)
        break
      case EVENT_NAME:
        record.eventName = r.string()
        break
      default:
        skip(r, t)
    }
  }
  leave(r, end)
  return record
}
