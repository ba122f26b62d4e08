/**
 * Which OTLP encoding a request body is in, from its Content-Type. Parameters
 * (`; charset=utf-8`) and case are ignored; anything but the two OTLP media
 * types is a 415, including a missing header, since guessing would turn a
 * client's misconfiguration into confusing decode errors.
 */

import { UnsupportedMediaType } from './errors.js'

export type Encoding = 'protobuf' | 'json'

const mediaTypes = new Map<string, Encoding>([
  ['application/x-protobuf', 'protobuf'],
  ['application/json', 'json'],
])

export function negotiateEncoding(contentType: string | null | undefined): Encoding {
  const mediaType = (contentType ?? '').split(';', 1)[0]!.trim().toLowerCase()
  const encoding = mediaTypes.get(mediaType)
  if (encoding) return encoding
  const got = mediaType ? `'${mediaType}'` : 'no Content-Type'
  throw new UnsupportedMediaType(
    `unsupported media type ${got}; expected application/x-protobuf or application/json`,
  )
}

export function contentTypeOf(encoding: Encoding): string {
  return encoding === 'json' ? 'application/json' : 'application/x-protobuf'
}
