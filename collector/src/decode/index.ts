/**
 * The decode stage: an OTLP request body in either wire encoding -> the
 * decoded export of otlp/types.ts, or a DecodeError.
 *
 * @example
 *   const req = decodeExport('traces', 'protobuf', body)
 */

import type { DecodedLogsRequest, DecodedTracesRequest } from '../otlp/types.js'
import { decodeLogsJson, decodeTracesJson } from './json/decode-json.js'
import { decodeLogsProtobuf, decodeTracesProtobuf } from './protobuf/decode-protobuf.js'

export { DecodeError, type WireFormat } from './decode-error.js'
export { decodeLogsJson, decodeTracesJson } from './json/decode-json.js'
export { decodeLogsProtobuf, decodeTracesProtobuf } from './protobuf/decode-protobuf.js'
export { maxValueDepth } from './value-depth.js'

export type Signal = 'traces' | 'logs'

export interface DecodedExport {
  traces: DecodedTracesRequest
  logs: DecodedLogsRequest
}

export function decodeExport<S extends Signal>(
  signal: S,
  format: 'protobuf' | 'json',
  body: Uint8Array,
): DecodedExport[S] {
  const decoders = {
    traces: format === 'json' ? decodeTracesJson : decodeTracesProtobuf,
    logs: format === 'json' ? decodeLogsJson : decodeLogsProtobuf,
  }
  return decoders[signal](body) as DecodedExport[S]
}
