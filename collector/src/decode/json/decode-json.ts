/**
 * OTLP/JSON request bodies -> decoded exports.
 *
 * JSON.parse does the parsing (V8's parser is iterative, so deep nesting does
 * not overflow); from-json.ts applies the OTLP/JSON rules. Every failure
 * becomes a DecodeError that says where: `at line 1 column 17` for syntax,
 * a field path for a value of the wrong type.
 *
 * @example
 *   decodeTracesJson(Buffer.from('{"resourceSpans":[]}')) // { resourceSpans: [] }
 */

import type { DecodedLogsRequest, DecodedTracesRequest } from '../../otlp/types.js'
import { DecodeError } from '../decode-error.js'
import { FieldError, isObject, type JsonObject, typeName } from './fields.js'
import { logsFromJson, tracesFromJson } from './from-json.js'
import { locateJsonError } from './locate-json-error.js'

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false })

export function decodeTracesJson(body: Uint8Array | string): DecodedTracesRequest {
  return convert(parse(body), tracesFromJson)
}

export function decodeLogsJson(body: Uint8Array | string): DecodedLogsRequest {
  return convert(parse(body), logsFromJson)
}

function parse(body: Uint8Array | string): JsonObject {
  const text = typeof body === 'string' ? body : utf8.decode(body)
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (err) {
    const where = locateJsonError(text)
    throw new DecodeError('json', where ? `invalid JSON at ${where}` : 'invalid JSON', { cause: err })
  }
  if (!isObject(root))
    throw new DecodeError(
      'json',
      `invalid OTLP/JSON: expected an object at the top level, got ${typeName(root)}`,
    )
  return root
}

function convert<T>(root: JsonObject, fn: (root: JsonObject) => T): T {
  try {
    return fn(root)
  } catch (err) {
    if (err instanceof FieldError)
      throw new DecodeError('json', `invalid OTLP/JSON: ${err.message}`, { cause: err })
    throw err
  }
}
