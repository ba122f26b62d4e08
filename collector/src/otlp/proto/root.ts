/**
 * The protobuf schema of OTLP, loaded once from the vendored .proto files
 * beside this module: the definition of the field numbers, used to encode
 * responses and `google.rpc.Status` bodies, and by tests and the benchmark
 * to build requests. Requests are decoded by the walkers in
 * `decode/protobuf/`, which follow the same field numbers (the decode tests
 * hold them to the OTLP/JSON view of every captured export).
 *
 * Why the .proto files turn off UTF-8 validation: see the note in each.
 *
 * Why `long` is wired explicitly: without it protobufjs returns 64-bit fields
 * as JS numbers, and nanosecond timestamps exceed 2^53.
 */

import { dirname, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Long from 'long'
import protobuf from 'protobufjs'

if (!protobuf.util.Long) {
  protobuf.util.Long = Long
  protobuf.configure()
}

const protoDir = dirname(fileURLToPath(import.meta.url))

const files = [
  'opentelemetry/proto/collector/trace/v1/trace_service.proto',
  'opentelemetry/proto/collector/logs/v1/logs_service.proto',
  'google/rpc/status.proto',
  'google/rpc/error_details.proto',
]

function loadRoot(): protobuf.Root {
  const root = new protobuf.Root()
  // Imports name paths relative to the proto root, not to the importing file.
  root.resolvePath = (_origin, target) => (isAbsolute(target) ? target : join(protoDir, target))
  root.loadSync(files, { keepCase: false })
  root.resolveAll()
  return root
}

export const otlpRoot = loadRoot()

const type = (name: string): protobuf.Type => otlpRoot.lookupType(name)

export const protoTypes = {
  traceRequest: type('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest'),
  traceResponse: type('opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse'),
  logsRequest: type('opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest'),
  logsResponse: type('opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse'),
  status: type('google.rpc.Status'),
  retryInfo: type('google.rpc.RetryInfo'),
} as const
