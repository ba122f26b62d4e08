import { describe, expect, it } from 'vitest'
import { decodeExport } from '../../src/decode/index.js'
import type { DecodedLogsRequest, DecodedTracesRequest } from '../../src/otlp/types.js'
import { exportFixtures, fixtures } from './fixtures.js'

const spansOf = (r: DecodedTracesRequest) =>
  r.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((s) => s.spans))
const recordsOf = (r: DecodedLogsRequest) =>
  r.resourceLogs.flatMap((rl) => rl.scopeLogs.flatMap((s) => s.logRecords))

describe('every captured export decodes', () => {
  it('has the fixtures it expects', () => {
    expect(fixtures.length).toBe(77)
    expect(new Set(exportFixtures.map((f) => f.client))).toEqual(
      new Set(['openinference', 'otel-genai', 'otel-genai-proto', 'otel-genai-proto-gzip', 'traceloop']),
    )
  })

  for (const f of exportFixtures) {
    it(`${f.name} (${f.signal}, ${f.format})`, () => {
      if (f.signal === 'traces') {
        const spans = spansOf(decodeExport('traces', f.format, f.body))
        expect(spans.length).toBeGreaterThan(0)
        for (const s of spans) {
          expect(s.traceId).toMatch(/^[0-9a-f]{32}$/)
          expect(s.spanId).toMatch(/^[0-9a-f]{16}$/)
          expect(s.parentSpanId).toMatch(/^([0-9a-f]{16})?$/)
          expect(s.startTimeUnixNano).toMatch(/^1\d{18}$/)
          expect(BigInt(s.endTimeUnixNano)).toBeGreaterThanOrEqual(BigInt(s.startTimeUnixNano))
          expect(Object.getPrototypeOf(s.attributes)).toBeNull()
        }
      } else {
        const records = recordsOf(decodeExport('logs', f.format, f.body))
        expect(records.length).toBeGreaterThan(0)
        for (const r of records) expect(r.traceId).toMatch(/^([0-9a-f]{32})?$/)
      }
    })
  }
})

describe('protobuf and its OTLP/JSON view decode alike (contract)', () => {
  for (const f of exportFixtures.filter((f) => f.jsonView)) {
    it(f.name, () => {
      expect(decodeExport(f.signal, 'protobuf', f.body)).toStrictEqual(
        decodeExport(f.signal, 'json', f.jsonView!),
      )
    })
  }
})

describe('fixture details', () => {
  const find = (client: string, scenario: string, signal: string) =>
    exportFixtures.find((f) => f.client === client && f.scenario === scenario && f.signal === signal)!

  it('a JSON log record with "body": {} has a null body', () => {
    const f = find('otel-genai', 'responses', 'logs')
    expect(f.body.toString()).toContain('"body":{}')
    const bodies = recordsOf(decodeExport('logs', 'json', f.body)).map((r) => r.body)
    expect(bodies).toContain(null)
  })

  it('int values are bigints and nanosecond times keep every digit', () => {
    const f = find('otel-genai-proto', 'chat', 'traces')
    const req = decodeExport('traces', 'protobuf', f.body)
    expect(typeof req.resourceSpans[0]!.resource.attributes['process.pid']).toBe('bigint')
    const view = JSON.parse(f.jsonView!.toString())
    const viewSpan = view.resourceSpans[0].scopeSpans[0].spans[0]
    expect(spansOf(req)[0]!.startTimeUnixNano).toBe(viewSpan.startTimeUnixNano)
  })

  it('the Responses API log records carry event_name', () => {
    const f = find('otel-genai-proto', 'responses', 'logs')
    const names = recordsOf(decodeExport('logs', 'protobuf', f.body)).map((r) => r.eventName)
    expect(names.some((n) => n.startsWith('gen_ai.'))).toBe(true)
  })
})
