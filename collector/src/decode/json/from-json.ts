/**
 * Parsed OTLP/JSON requests -> the decoded structure of types.ts, field for
 * field the same table as the protobuf mapping (protobuf/from-proto.ts).
 * Unknown fields are ignored; absent ones take their proto3 defaults.
 */

import type {
  DecodedLogRecord,
  DecodedLogsRequest,
  DecodedResource,
  DecodedScope,
  DecodedSpan,
  DecodedTracesRequest,
} from '../../otlp/types.js'
import { jsonAnyValue, jsonAttributes } from './any-value.js'
import { severityNumberNames, spanKindNames, statusCodeNames } from './enums.js'
import { asObject, atField, get, getObject, type JsonObject, mapList } from './fields.js'
import { getEnum, getId, getString, getTime } from './scalars.js'

export function tracesFromJson(root: JsonObject): DecodedTracesRequest {
  return {
    resourceSpans: mapList(root, 'resourceSpans', (item) => {
      const rs = asObject(item, '')
      return {
        resource: resourceFromJson(rs),
        scopeSpans: mapList(rs, 'scopeSpans', (item) => {
          const ss = asObject(item, '')
          return { scope: scopeFromJson(ss), spans: mapList(ss, 'spans', spanFromJson) }
        }),
      }
    }),
  }
}

export function logsFromJson(root: JsonObject): DecodedLogsRequest {
  return {
    resourceLogs: mapList(root, 'resourceLogs', (item) => {
      const rl = asObject(item, '')
      return {
        resource: resourceFromJson(rl),
        scopeLogs: mapList(rl, 'scopeLogs', (item) => {
          const sl = asObject(item, '')
          return { scope: scopeFromJson(sl), logRecords: mapList(sl, 'logRecords', logRecordFromJson) }
        }),
      }
    }),
  }
}

function resourceFromJson(parent: JsonObject): DecodedResource {
  return atField('resource', () => ({
    attributes: jsonAttributes(getObject(parent, 'resource'), 'attributes'),
  }))
}

function scopeFromJson(parent: JsonObject): DecodedScope {
  return atField('scope', () => {
    const s = getObject(parent, 'scope')
    return {
      name: getString(s, 'name'),
      version: getString(s, 'version'),
      attributes: jsonAttributes(s, 'attributes'),
    }
  })
}

function spanFromJson(item: unknown): DecodedSpan {
  const s = asObject(item, '')
  return {
    traceId: getId(s, 'traceId'),
    spanId: getId(s, 'spanId'),
    parentSpanId: getId(s, 'parentSpanId'),
    traceState: getString(s, 'traceState'),
    name: getString(s, 'name'),
    kind: getEnum(s, 'kind', spanKindNames),
    startTimeUnixNano: getTime(s, 'startTimeUnixNano'),
    endTimeUnixNano: getTime(s, 'endTimeUnixNano'),
    attributes: jsonAttributes(s, 'attributes'),
    events: mapList(s, 'events', (item) => {
      const e = asObject(item, '')
      return {
        timeUnixNano: getTime(e, 'timeUnixNano'),
        name: getString(e, 'name'),
        attributes: jsonAttributes(e, 'attributes'),
      }
    }),
    links: mapList(s, 'links', (item) => {
      const l = asObject(item, '')
      return {
        traceId: getId(l, 'traceId'),
        spanId: getId(l, 'spanId'),
        attributes: jsonAttributes(l, 'attributes'),
      }
    }),
    status: atField('status', () => {
      const st = getObject(s, 'status')
      return { code: getEnum(st, 'code', statusCodeNames), message: getString(st, 'message') }
    }),
  }
}

function logRecordFromJson(item: unknown): DecodedLogRecord {
  const r = asObject(item, '')
  return {
    timeUnixNano: getTime(r, 'timeUnixNano'),
    observedTimeUnixNano: getTime(r, 'observedTimeUnixNano'),
    severityNumber: getEnum(r, 'severityNumber', severityNumberNames),
    severityText: getString(r, 'severityText'),
    body: atField('body', () => jsonAnyValue(get(r, 'body'))),
    attributes: jsonAttributes(r, 'attributes'),
    traceId: getId(r, 'traceId'),
    spanId: getId(r, 'spanId'),
    eventName: getString(r, 'eventName'),
  }
}
