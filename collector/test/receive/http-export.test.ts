/**
 * receiveHttpExport end to end on web Requests: every captured export is
 * replayed as it was sent (chunked, no Content-Length, gzip'd where it was)
 * and must reach the handler decoded exactly as decodeExport decodes it.
 */

import { Readable } from 'node:stream'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeExport } from '../../src/decode/index.js'
import { protoTypes } from '../../src/otlp/proto/root.js'
import { Unauthenticated } from '../../src/receive/errors.js'
import type { ExportHandler } from '../../src/receive/export-handler.js'
import { receiveHttpExport } from '../../src/receive/http-export.js'
import { exportFixtures } from '../decode/fixtures.js'

function post(path: string, headers: Record<string, string>, body: Buffer): Request {
  const chunks = Array.from({ length: Math.ceil(body.length / 1000) }, (_, i) =>
    body.subarray(i * 1000, i * 1000 + 1000),
  )
  return new Request(`http://localhost${path}`, {
    method: 'POST',
    headers,
    body: Readable.toWeb(Readable.from(chunks)) as ReadableStream<Uint8Array>,
    duplex: 'half',
  } as RequestInit)
}

function recorder(result = { rejected: 0, errorMessage: '' }) {
  const calls: unknown[][] = []
  const handler: ExportHandler = async (...args) => {
    calls.push(args)
    return result
  }
  return { calls, handler }
}

const limitBytes = 4 << 20

describe('receiveHttpExport replays every captured export', () => {
  for (const f of exportFixtures) {
    it(f.name, async () => {
      const { calls, handler } = recorder()
      const gzip = f.contentEncoding === 'gzip'
      const headers: Record<string, string> = { 'content-type': f.contentType, 'x-api-key': 'k' }
      if (gzip) headers['content-encoding'] = 'gzip'
      const res = await receiveHttpExport(
        post(`/v1/${f.signal}`, headers, gzip ? gzipSync(f.body) : f.body),
        f.signal,
        {
          limitBytes,
          handler,
        },
      )
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(
        f.format === 'json' ? 'application/json' : 'application/x-protobuf',
      )
      expect(calls).toHaveLength(1)
      expect(calls[0]![0]).toBe(f.signal)
      expect(calls[0]![1]).toStrictEqual(decodeExport(f.signal, f.format, f.body))
      expect(calls[0]![2]).toMatchObject({ 'x-api-key': 'k' })
    })
  }
})

describe('receiveHttpExport errors', () => {
  it('415 for a wrong content type, 400 for a bad body, 413 past the limit', async () => {
    const { handler, calls } = recorder()
    const wrong = await receiveHttpExport(
      post('/v1/traces', { 'content-type': 'text/plain' }, Buffer.from('x')),
      'traces',
      {
        limitBytes,
        handler,
      },
    )
    expect(wrong.status).toBe(415)

    const bad = await receiveHttpExport(
      post(
        '/v1/traces',
        { 'content-type': 'application/json; charset=utf-8' },
        Buffer.from('{"resourceSpans": }'),
      ),
      'traces',
      { limitBytes, handler },
    )
    expect(bad.status).toBe(400)
    expect(await bad.json()).toEqual({ code: 3, message: 'invalid JSON at line 1 column 19: unexpected "}"' })

    const badProto = await receiveHttpExport(
      post('/v1/logs', { 'content-type': 'application/x-protobuf' }, Buffer.from([0x0a, 0x7f, 0x00])),
      'logs',
      { limitBytes, handler },
    )
    expect(badProto.status).toBe(400)
    const status = protoTypes.status.decode(new Uint8Array(await badProto.arrayBuffer())) as unknown as {
      message: string
    }
    expect(status.message).toMatch(/^invalid protobuf: /)

    const big = await receiveHttpExport(
      post('/v1/traces', { 'content-type': 'application/json' }, Buffer.alloc(limitBytes + 1, 0x20)),
      'traces',
      { limitBytes, handler },
    )
    expect(big.status).toBe(413)
    expect(calls).toHaveLength(0)
  })

  it('401 from authenticate, before the body is read', async () => {
    const { handler, calls } = recorder()
    const res = await receiveHttpExport(
      post('/v1/traces', { 'content-type': 'application/json' }, Buffer.from('{}')),
      'traces',
      {
        limitBytes,
        handler,
        authenticate: (md) => {
          if (md.authorization !== 'Bearer good') throw new Unauthenticated()
        },
      },
    )
    expect(res.status).toBe(401)
    expect(calls).toHaveLength(0)
  })

  it('reports partial success from the handler', async () => {
    const { handler } = recorder({ rejected: 1, errorMessage: 'span 0: invalid trace id' })
    const res = await receiveHttpExport(
      post('/v1/traces', { 'content-type': 'application/json' }, Buffer.from('{"resourceSpans":[]}')),
      'traces',
      { limitBytes, handler },
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      partialSuccess: { rejectedSpans: '1', errorMessage: 'span 0: invalid trace id' },
    })
  })
})
