/**
 * Reading an OTLP/HTTP request body under a size limit.
 *
 * Exporters send chunked bodies without Content-Length, often gzip'd, so the
 * limit is enforced on the *decompressed* bytes as they come out of the
 * decompressor: reading stops at the limit, and a gzip bomb is inflated no
 * further than that (zlib only inflates as fast as we consume). The
 * compressed input is capped as well, so bytes a decompressor would skip
 * (trailing garbage) cannot keep us reading without end.
 *
 * @example
 *   const body = await readBody(request, { limitBytes: 8 << 20 })
 */

import type { Transform } from 'node:stream'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib'
import { BadRequest, CollectorError, PayloadTooLarge, UnsupportedMediaType } from './errors.js'

export type BodySource = Request | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Uint8Array | null

export interface ReadBodyOptions {
  /** Largest body accepted, counted after decompression. */
  limitBytes: number
  /** The Content-Encoding header; taken from the Request when not given. */
  contentEncoding?: string | null
  /**
   * The Request's body as the server received it (Node's IncomingMessage),
   * read instead of `request.body`: a Node stream hands over its chunks
   * directly, where the web stream wrapped around it costs promises and
   * objects per chunk.
   */
  stream?: AsyncIterable<Uint8Array>
}

export async function readBody(source: BodySource, options: ReadBodyOptions): Promise<Buffer> {
  const { limitBytes } = options
  let contentEncoding = options.contentEncoding
  let input: AsyncIterable<Uint8Array>
  let declared = Number.NaN
  if (source instanceof Request) {
    contentEncoding ??= source.headers.get('content-encoding')
    declared = Number(source.headers.get('content-length') ?? Number.NaN)
    if (declared > inputCap(limitBytes, contentEncoding)) throw new PayloadTooLarge(limitBytes)
    input = options.stream ?? source.body ?? emptyBody()
  } else if (source instanceof Uint8Array) {
    input = Readable.from([source])
  } else {
    input = source ?? emptyBody()
  }

  const decompressor = createDecompressor(contentEncoding)
  if (!decompressor && Number.isSafeInteger(declared) && declared > 0) {
    return readDeclared(input, declared)
  }
  const parts: Uint8Array[] = []
  let total = 0
  const collect = async (chunks: AsyncIterable<Uint8Array>) => {
    for await (const chunk of chunks) {
      total += chunk.length
      if (total > limitBytes) throw new PayloadTooLarge(limitBytes)
      parts.push(chunk)
    }
  }
  try {
    if (decompressor)
      await pipeline(input, capInput(inputCap(limitBytes, contentEncoding)), decompressor, collect)
    else await pipeline(input, collect)
  } catch (err) {
    throw readError(err, contentEncoding)
  }
  return Buffer.concat(parts, total)
}

/**
 * An uncompressed body of known length (what exporters send most): read
 * into one buffer of that size, with no list of chunks to concatenate.
 * The limit was checked against the declared length already.
 */
async function readDeclared(input: AsyncIterable<Uint8Array>, length: number): Promise<Buffer> {
  const body = Buffer.allocUnsafe(length)
  let filled = 0
  try {
    for await (const chunk of input) {
      if (filled + chunk.length > length) {
        throw new BadRequest(`request body is longer than its Content-Length (${length} bytes)`)
      }
      body.set(chunk, filled)
      filled += chunk.length
    }
  } catch (err) {
    throw readError(err, null)
  }
  if (filled !== length) {
    throw new BadRequest(`request body ended after ${filled} of its ${length} bytes (Content-Length)`)
  }
  return body
}

function createDecompressor(contentEncoding: string | null | undefined): Transform | null {
  const coding = (contentEncoding ?? '').trim().toLowerCase()
  switch (coding) {
    case '':
    case 'identity':
      return null
    case 'gzip':
    case 'x-gzip':
      return createGunzip()
    case 'deflate':
      return createInflate()
    case 'br':
      return createBrotliDecompress()
    default:
      throw new UnsupportedMediaType(
        `unsupported Content-Encoding '${coding}'; expected gzip, deflate, br or identity`,
      )
  }
}

/** Compressed input may exceed the decompressed limit only by the codec's overhead. */
function inputCap(limitBytes: number, contentEncoding: string | null | undefined): number {
  const coding = (contentEncoding ?? '').trim().toLowerCase()
  if (coding === '' || coding === 'identity') return limitBytes
  return limitBytes + Math.ceil(limitBytes / 64) + 1024
}

function capInput(capBytes: number) {
  return async function* (chunks: AsyncIterable<Uint8Array>) {
    let seen = 0
    for await (const chunk of chunks) {
      seen += chunk.length
      if (seen > capBytes) throw new PayloadTooLarge(capBytes, 'compressed request body')
      yield chunk
    }
  }
}

async function* emptyBody(): AsyncIterable<Uint8Array> {}

function readError(err: unknown, contentEncoding: string | null | undefined): unknown {
  if (err instanceof CollectorError) return err
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' && code.startsWith('Z_')) {
    const message = err instanceof Error ? err.message : String(err)
    return new BadRequest(`invalid ${contentEncoding} body: ${message}`, { cause: err })
  }
  const message = err instanceof Error ? err.message : String(err)
  return new BadRequest(`could not read the request body: ${message}`, { cause: err })
}
