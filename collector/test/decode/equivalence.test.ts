/**
 * The same instrumentation, exporting the same scenarios once as OTLP/JSON
 * (otel-genai) and once as protobuf (otel-genai-proto), must decode to the
 * same structure. Runs differ in ids, times, pids, service name and the
 * generated text, so values are compared by kind and everything structural
 * (names, kinds, statuses, attribute keys, nesting, event names) exactly.
 */

import { describe, expect, it } from 'vitest'
import { decodeExport } from '../../src/decode/index.js'
import type { AnyValue, Attributes } from '../../src/otlp/types.js'
import { exportFixtures } from './fixtures.js'

function valueShape(v: AnyValue): unknown {
  // The JS exporter writes a null attribute as `{}` in JSON but as an empty
  // string_value in protobuf: each decoder is right about its own wire.
  if (v === null || v === '') return 'empty'
  if (Array.isArray(v)) return v.map(valueShape)
  if (v instanceof Uint8Array) return 'bytes'
  if (typeof v === 'object') return attributesShape(v)
  return typeof v
}

function attributesShape(a: Attributes): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(a)
      .sort()
      .map((k) => [k, valueShape(a[k]!)]),
  )
}

const idShape = (id: string) => id.length

function tracesShape(body: Buffer, format: 'json' | 'protobuf') {
  return decodeExport('traces', format, body).resourceSpans.map((rs) => ({
    resource: attributesShape(rs.resource.attributes),
    scopeSpans: rs.scopeSpans.map((ss) => ({
      scope: ss.scope,
      spans: ss.spans.map((s) => ({
        ...s,
        traceId: idShape(s.traceId),
        spanId: idShape(s.spanId),
        parentSpanId: idShape(s.parentSpanId),
        startTimeUnixNano: 'time',
        endTimeUnixNano: 'time',
        attributes: attributesShape(s.attributes),
        events: s.events.map((e) => ({ name: e.name, attributes: attributesShape(e.attributes) })),
        links: s.links.length,
      })),
    })),
  }))
}

function logsShape(body: Buffer, format: 'json' | 'protobuf') {
  return decodeExport('logs', format, body).resourceLogs.map((rl) => ({
    resource: attributesShape(rl.resource.attributes),
    scopeLogs: rl.scopeLogs.map((sl) => ({
      scope: sl.scope,
      logRecords: sl.logRecords.map((r) => ({
        ...r,
        timeUnixNano: 'time',
        observedTimeUnixNano: 'time',
        traceId: idShape(r.traceId),
        spanId: idShape(r.spanId),
        body: valueShape(r.body),
        attributes: attributesShape(r.attributes),
      })),
    })),
  }))
}

const json = exportFixtures.filter((f) => f.client === 'otel-genai')
const proto = exportFixtures.filter((f) => f.client === 'otel-genai-proto')

describe('OTLP/JSON and protobuf exports of the same scenarios decode to the same structure', () => {
  it('pairs every scenario', () => {
    expect(json.length).toBe(14)
    expect(proto.length).toBe(14)
  })
  for (const j of json) {
    const p = proto.find((f) => f.scenario === j.scenario && f.signal === j.signal)!
    it(`${j.scenario} ${j.signal}`, () => {
      expect(p).toBeDefined()
      const shape = j.signal === 'traces' ? tracesShape : logsShape
      expect(shape(p.body, 'protobuf')).toStrictEqual(shape(j.body, 'json'))
    })
  }
})
