import { Readable } from 'node:stream'
import { brotliCompressSync, createGzip, deflateSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from '../../src/receive/errors.js'
import { readBody } from '../../src/receive/read-body.js'

/** A chunked source that counts how many bytes the reader pulled from it. */
function chunked(data: Buffer, chunkBytes: number) {
  const source = {
    pulled: 0,
    async *[Symbol.asyncIterator]() {
      for (let i = 0; i < data.length; i += chunkBytes) {
        const chunk = data.subarray(i, i + chunkBytes)
        source.pulled += chunk.length
        yield chunk
      }
    },
  }
  return source
}

const payload = Buffer.from(JSON.stringify({ resourceSpans: [], filler: 'otlp '.repeat(20_000) }))
const limitBytes = 1 << 20

describe('readBody', () => {
  it('reads a chunked body without Content-Length', async () => {
    expect(await readBody(chunked(payload, 1000), { limitBytes })).toStrictEqual(payload)
  })

  for (const [coding, compress] of [
    ['gzip', gzipSync],
    ['x-gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
    ['identity', (b: Buffer) => b],
  ] as const) {
    it(`decompresses ${coding} while reading`, async () => {
      const body = await readBody(chunked(compress(payload), 333), { limitBytes, contentEncoding: coding })
      expect(body).toStrictEqual(payload)
    })
  }

  it('reads a web Request, taking Content-Encoding from its headers', async () => {
    const stream = Readable.toWeb(
      Readable.from(chunked(gzipSync(payload), 512)),
    ) as ReadableStream<Uint8Array>
    const request = new Request('http://localhost/v1/traces', {
      method: 'POST',
      headers: { 'content-encoding': 'GZIP' },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(await readBody(request, { limitBytes })).toStrictEqual(payload)
  })

  describe("with a Content-Length and the server's own body stream", () => {
    /** Headers from a Request, body from `stream` (as the OTLP routes pass Node's IncomingMessage). */
    const withLength = (length: number) =>
      new Request('http://localhost/v1/traces', {
        method: 'POST',
        headers: { 'content-length': String(length) },
      })

    it('reads the stream, not the Request body, into a buffer of the declared size', async () => {
      const body = await readBody(withLength(payload.length), { limitBytes, stream: chunked(payload, 777) })
      expect(body).toStrictEqual(payload)
    })

    it('answers 400 naming both sizes when the body ends early', async () => {
      const read = readBody(withLength(payload.length + 10), { limitBytes, stream: chunked(payload, 1000) })
      await expect(read).rejects.toBeInstanceOf(BadRequest)
      await expect(read).rejects.toThrow(`ended after ${payload.length} of its ${payload.length + 10} bytes`)
    })

    it('answers 400 when the body runs past it', async () => {
      const read = readBody(withLength(100), { limitBytes, stream: chunked(payload, 64) })
      await expect(read).rejects.toThrow('longer than its Content-Length (100 bytes)')
    })

    it('answers 400 when the stream fails midway (a client that hung up)', async () => {
      const failing = {
        async *[Symbol.asyncIterator]() {
          yield payload.subarray(0, 10)
          throw Object.assign(new Error('aborted'), { code: 'ECONNRESET' })
        },
      }
      const read = readBody(withLength(payload.length), { limitBytes, stream: failing })
      await expect(read).rejects.toThrow('could not read the request body: aborted')
    })
  })

  it('reads an empty body', async () => {
    expect((await readBody(null, { limitBytes })).length).toBe(0)
  })

  it('stops reading an over-limit body at the limit (413)', async () => {
    const source = chunked(Buffer.alloc(64 << 20), 16 << 10)
    await expect(readBody(source, { limitBytes })).rejects.toBeInstanceOf(PayloadTooLarge)
    expect(source.pulled).toBeLessThanOrEqual(limitBytes + (64 << 10))
  })

  it('accepts a body of exactly the limit', async () => {
    expect((await readBody(chunked(Buffer.alloc(limitBytes), 4096), { limitBytes })).length).toBe(limitBytes)
  })

  it('refuses an over-limit Content-Length without reading', async () => {
    const request = new Request('http://localhost/v1/traces', {
      method: 'POST',
      headers: { 'content-length': String(limitBytes + 1) },
      body: Buffer.alloc(limitBytes + 1),
    })
    await expect(readBody(request, { limitBytes })).rejects.toThrow(PayloadTooLarge)
  })

  it('stops a gzip bomb at the limit without inflating it all', async () => {
    // 512 MiB of zeros compress to about 0.5 MiB.
    const gzip = createGzip({ level: 9 })
    const zeros = Buffer.alloc(1 << 20)
    const compressed: Buffer[] = []
    gzip.on('data', (c: Buffer) => compressed.push(c))
    for (let i = 0; i < 512; i++) gzip.write(zeros)
    await new Promise((resolve) => gzip.end(resolve))
    const bomb = Buffer.concat(compressed)
    expect(bomb.length).toBeLessThan(1 << 20)

    const source = chunked(bomb, 1024)
    const err = await readBody(source, { limitBytes, contentEncoding: 'gzip' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PayloadTooLarge)
    expect((err as PayloadTooLarge).status).toBe(413)
    // About 1 KiB of compressed input inflates to 1 MiB: we read a sliver of the bomb.
    expect(source.pulled).toBeLessThan(bomb.length / 20)
  })

  it('answers 400 for a corrupt or truncated gzip body', async () => {
    const corrupt = readBody(chunked(Buffer.from('definitely not gzip'), 4), {
      limitBytes,
      contentEncoding: 'gzip',
    })
    await expect(corrupt).rejects.toBeInstanceOf(BadRequest)
    await expect(corrupt).rejects.toThrow(/^invalid gzip body: incorrect header check$/)
    const truncated = gzipSync(payload).subarray(0, 200)
    await expect(readBody(chunked(truncated, 50), { limitBytes, contentEncoding: 'gzip' })).rejects.toThrow(
      /^invalid gzip body: unexpected end of file$/,
    )
  })

  it('answers 415 for an unknown Content-Encoding', async () => {
    await expect(
      readBody(chunked(payload, 100), { limitBytes, contentEncoding: 'zstd' }),
    ).rejects.toBeInstanceOf(UnsupportedMediaType)
  })
})
