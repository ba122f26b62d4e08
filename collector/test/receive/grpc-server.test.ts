/**
 * The OTLP/gRPC server against the real OpenTelemetry gRPC trace exporter
 * (gzip on), and against a raw grpc-js client for logs and the error paths.
 */

import * as grpc from '@grpc/grpc-js'
import { ExportResultCode } from '@opentelemetry/core'
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc'
import { SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeExport } from '../../src/decode/index.js'
import { protoTypes } from '../../src/otlp/proto/root.js'
import { RetryableError, Unauthenticated } from '../../src/receive/errors.js'
import type { ExportHandler, ExportResult } from '../../src/receive/export-handler.js'
import { type GrpcServerHandle, startGrpcServer } from '../../src/receive/grpc/grpc-server.js'
import { exportFixtures } from '../decode/fixtures.js'

const calls: Parameters<ExportHandler>[] = []
let next: () => Promise<ExportResult> = async () => ({ rejected: 0, errorMessage: '' })
const handler: ExportHandler = async (...args) => {
  calls.push(args)
  return next()
}

let server: GrpcServerHandle
let address: string
let client: grpc.Client

beforeAll(async () => {
  server = (await startGrpcServer({ port: 0, host: '127.0.0.1', maxMessageBytes: 1 << 20, handler }))!
  address = `127.0.0.1:${server.port}`
  client = new grpc.Client(address, grpc.credentials.createInsecure(), {
    'grpc.default_compression_algorithm': 2, // gzip
  })
})

afterAll(async () => {
  client.close()
  await server.close(1000)
})

function call(path: string, body: Uint8Array, metadata = new grpc.Metadata()): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    client.makeUnaryRequest(
      path,
      (b: Uint8Array) => Buffer.from(b),
      (b: Buffer) => b,
      body,
      metadata,
      (err, res) => (err ? reject(err) : resolve(res!)),
    ),
  )
}
const tracesPath = '/opentelemetry.proto.collector.trace.v1.TraceService/Export'
const logsPath = '/opentelemetry.proto.collector.logs.v1.LogsService/Export'

describe('OTLP/gRPC server', () => {
  it('is off when its port is null', async () => {
    expect(await startGrpcServer({ port: null, maxMessageBytes: 1, handler })).toBeNull()
  })

  it('receives spans from the OpenTelemetry gRPC exporter, gzip-compressed', async () => {
    calls.length = 0
    const metadata = new grpc.Metadata()
    metadata.set('authorization', 'Bearer test-key')
    const exporter = new OTLPTraceExporter({
      url: `http://${address}`,
      compression: 'gzip' as never,
      metadata,
    })
    const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] })
    const results: ExportResultCode[] = []
    const original = exporter.export.bind(exporter)
    exporter.export = (spans, done) =>
      original(spans, (r) => {
        results.push(r.code)
        done(r)
      })
    provider
      .getTracer('grpc-test')
      .startSpan('chat gpt-4o', { attributes: { 'gen_ai.usage.input_tokens': 12 } })
      .end()
    await provider.forceFlush()
    await provider.shutdown()

    expect(results).toEqual([ExportResultCode.SUCCESS])
    expect(calls).toHaveLength(1)
    const [signal, request, md] = calls[0]!
    expect(signal).toBe('traces')
    expect(md.authorization).toBe('Bearer test-key')
    const span = (request as ReturnType<typeof decodeExport<'traces'>>).resourceSpans[0]!.scopeSpans[0]!
      .spans[0]!
    expect(span.name).toBe('chat gpt-4o')
    expect(span.attributes['gen_ai.usage.input_tokens']).toBe(12n)
    expect(span.traceId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('serves LogsService and reports partial success', async () => {
    calls.length = 0
    next = async () => ({ rejected: 1, errorMessage: 'record 0: no trace' })
    const f = exportFixtures.find((x) => x.client === 'otel-genai-proto' && x.signal === 'logs')!
    const res = await call(logsPath, f.body)
    next = async () => ({ rejected: 0, errorMessage: '' })
    expect(calls[0]![0]).toBe('logs')
    expect(calls[0]![1]).toStrictEqual(decodeExport('logs', 'protobuf', f.body))
    expect(protoTypes.logsResponse.toObject(protoTypes.logsResponse.decode(res), { longs: String })).toEqual({
      partialSuccess: { rejectedLogRecords: '1', errorMessage: 'record 0: no trace' },
    })
  })

  it('answers INVALID_ARGUMENT with our message for an undecodable message', async () => {
    const err = await call(tracesPath, Buffer.from([0x0a, 0x7f, 0x01])).catch((e: grpc.ServiceError) => e)
    expect(err).toMatchObject({ code: grpc.status.INVALID_ARGUMENT })
    expect((err as grpc.ServiceError).details).toMatch(/^invalid protobuf: /)
  })

  it('answers RESOURCE_EXHAUSTED with RetryInfo when the pipeline asks to retry', async () => {
    next = async () => {
      throw new RetryableError(429, 'write buffer full', 5)
    }
    const err = (await call(tracesPath, Buffer.alloc(0)).catch(
      (e: grpc.ServiceError) => e,
    )) as grpc.ServiceError
    next = async () => ({ rejected: 0, errorMessage: '' })
    expect(err.code).toBe(grpc.status.RESOURCE_EXHAUSTED)
    expect(err.details).toBe('write buffer full')
    const [bin] = err.metadata.get('grpc-status-details-bin') as Buffer[]
    const status = protoTypes.status.decode(bin!) as unknown as {
      details: { type_url: string; value: Uint8Array }[]
    }
    expect(status.details[0]!.type_url).toBe('type.googleapis.com/google.rpc.RetryInfo')
    const retry = protoTypes.retryInfo.toObject(protoTypes.retryInfo.decode(status.details[0]!.value), {
      longs: Number,
    })
    expect(retry).toEqual({ retryDelay: { seconds: 5 } })
  })

  it('answers UNAUTHENTICATED', async () => {
    next = async () => {
      throw new Unauthenticated()
    }
    const err = await call(tracesPath, Buffer.alloc(0)).catch((e: grpc.ServiceError) => e)
    next = async () => ({ rejected: 0, errorMessage: '' })
    expect(err).toMatchObject({ code: grpc.status.UNAUTHENTICATED, details: 'missing or invalid API key' })
  })

  it('refuses a message over the limit with RESOURCE_EXHAUSTED', async () => {
    const err = await call(tracesPath, Buffer.alloc((1 << 20) + 10)).catch((e: grpc.ServiceError) => e)
    expect(err).toMatchObject({ code: grpc.status.RESOURCE_EXHAUSTED })
  })
})
