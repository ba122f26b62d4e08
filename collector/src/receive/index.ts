/**
 * The receive stage: OTLP/HTTP and OTLP/gRPC front doors. Everything here is
 * framework-agnostic; the server app mounts receiveHttpExport on its routes
 * and starts the gRPC listener.
 */

export { contentTypeOf, type Encoding, negotiateEncoding } from './content-type.js'
export {
  BadRequest,
  CollectorError,
  PayloadTooLarge,
  PermanentError,
  type PermanentStatus,
  RetryableError,
  type RetryableStatus,
  RpcCode,
  toCollectorError,
  Unauthenticated,
  UnsupportedMediaType,
} from './errors.js'
export type { ExportHandler, ExportResult, ExportSignal, RequestMetadata } from './export-handler.js'
export { encodeExportResponse, type PartialSuccess } from './export-response.js'
export { type GrpcServerHandle, type GrpcServerOptions, startGrpcServer } from './grpc/grpc-server.js'
export { type GrpcErrorStatus, toGrpcStatus } from './grpc/grpc-status.js'
export { type HttpExportOptions, receiveHttpExport } from './http-export.js'
export { type HttpResponseParts, toHttpResponse } from './http-response.js'
export { type BodySource, type ReadBodyOptions, readBody } from './read-body.js'
export { encodeStatus, type RpcStatus } from './status-body.js'
