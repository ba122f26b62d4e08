/**
 * OTLP/gRPC: the TraceService and LogsService `Export` methods on
 * @grpc/grpc-js, handing decoded requests to the same ExportHandler as
 * OTLP/HTTP.
 *
 * Messages are passed through grpc-js as raw bytes and decoded here, so a
 * malformed one becomes INVALID_ARGUMENT with our message rather than
 * grpc-js's generic deserialization failure. grpc-js itself inflates
 * gzip-compressed messages and refuses those over `maxMessageBytes`
 * (RESOURCE_EXHAUSTED).
 *
 * @example
 *   const grpc = await startGrpcServer({ port: 4317, maxMessageBytes: 8 << 20, handler })
 *   await grpc?.close()
 */

import * as grpc from '@grpc/grpc-js'
import { decodeLogsProtobuf, decodeTracesProtobuf } from '../../decode/protobuf/decode-protobuf.js'
import type { ExportHandler, RequestMetadata } from '../export-handler.js'
import { encodeExportResponse } from '../export-response.js'
import { inTurn } from '../export-turns.js'
import { toGrpcStatus } from './grpc-status.js'

export interface GrpcServerOptions {
  /** Port to listen on; 0 picks a free one (tests); null turns OTLP/gRPC off. */
  port: number | null
  /** Interface to bind; default all interfaces, like the OTLP default receiver. */
  host?: string
  /** Largest message accepted, after decompression. */
  maxMessageBytes: number
  handler: ExportHandler
}

export interface GrpcServerHandle {
  port: number
  /** Stops accepting calls, lets running ones finish for up to `graceMs`, then cuts them. */
  close(graceMs?: number): Promise<void>
}

const rawBytes = {
  requestStream: false,
  responseStream: false,
  requestSerialize: (b: Buffer) => b,
  requestDeserialize: (b: Buffer) => b,
  responseSerialize: (b: Buffer) => b,
  responseDeserialize: (b: Buffer) => b,
} as const

export async function startGrpcServer(options: GrpcServerOptions): Promise<GrpcServerHandle | null> {
  if (options.port === null) return null
  const { handler } = options
  const server = new grpc.Server({
    'grpc.max_receive_message_length': options.maxMessageBytes,
  })
  server.addService(
    { Export: { ...rawBytes, path: '/opentelemetry.proto.collector.trace.v1.TraceService/Export' } },
    {
      Export: unary(async (body, metadata) => {
        const result = await inTurn(body, (b) => handler('traces', decodeTracesProtobuf(b), metadata))
        return encodeExportResponse('traces', 'protobuf', result)
      }),
    },
  )
  server.addService(
    { Export: { ...rawBytes, path: '/opentelemetry.proto.collector.logs.v1.LogsService/Export' } },
    {
      Export: unary(async (body, metadata) => {
        const result = await inTurn(body, (b) => handler('logs', decodeLogsProtobuf(b), metadata))
        return encodeExportResponse('logs', 'protobuf', result)
      }),
    },
  )
  const address = `${options.host ?? '0.0.0.0'}:${options.port}`
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err, bound) =>
      err ? reject(err) : resolve(bound),
    ),
  )
  return { port, close: (graceMs = 5000) => shutdown(server, graceMs) }
}

function unary(
  run: (body: Buffer, metadata: RequestMetadata) => Promise<Uint8Array>,
): grpc.handleUnaryCall<Buffer, Buffer> {
  return (call, callback) => {
    run(call.request, metadataRecord(call.metadata)).then(
      (response) => callback(null, Buffer.from(response.buffer, response.byteOffset, response.byteLength)),
      (err: unknown) => callback(toGrpcStatus(err)),
    )
  }
}

function metadataRecord(metadata: grpc.Metadata): RequestMetadata {
  const out: Record<string, string> = Object.create(null)
  for (const [key, value] of Object.entries(metadata.getMap())) {
    if (typeof value === 'string') out[key] = value
  }
  return out
}

function shutdown(server: grpc.Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      server.forceShutdown()
      resolve()
    }, graceMs)
    server.tryShutdown(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
