/**
 * The success answer to an export: an empty ExportTrace/LogsServiceResponse,
 * or one whose `partialSuccess` says how many spans or log records were
 * rejected and why (OTLP: the client must not retry those).
 *
 * @example
 *   encodeExportResponse('traces', 'json', { rejected: 2, errorMessage: 'span 3: bad trace id' })
 *   // {"partialSuccess":{"rejectedSpans":"2","errorMessage":"span 3: bad trace id"}}
 */

import Long from 'long'
import { protoTypes } from '../otlp/proto/root.js'
import type { Encoding } from './content-type.js'
import type { ExportSignal } from './export-handler.js'

export interface PartialSuccess {
  rejected: number
  errorMessage: string
}

const rejectedField = { traces: 'rejectedSpans', logs: 'rejectedLogRecords' } as const

export function encodeExportResponse(
  signal: ExportSignal,
  encoding: Encoding,
  partialSuccess?: PartialSuccess,
): Uint8Array {
  // OTLP: a server that rejected nothing and has nothing to say leaves the field unset.
  const partial =
    partialSuccess && (partialSuccess.rejected > 0 || partialSuccess.errorMessage !== '')
      ? partialSuccess
      : null
  const field = rejectedField[signal]
  if (encoding === 'json') {
    // int64 is a decimal string in proto3 JSON.
    const body = partial
      ? { partialSuccess: { [field]: String(partial.rejected), errorMessage: partial.errorMessage } }
      : {}
    return Buffer.from(JSON.stringify(body))
  }
  const type = signal === 'traces' ? protoTypes.traceResponse : protoTypes.logsResponse
  const message = partial
    ? { partialSuccess: { [field]: Long.fromNumber(partial.rejected), errorMessage: partial.errorMessage } }
    : {}
  return type.encode(message).finish()
}
