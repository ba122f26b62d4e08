/**
 * Undecodable, mistyped and oversized OTLP/HTTP requests: each gets the
 * OTLP status for it, a valid export sent at the same time is stored intact,
 * and the server stays up.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { post } from './helpers/http.js'
import { alongsideValidExport } from './helpers/neighbour.js'
import { buildTrace } from './helpers/otlp.js'
import { decodeStatus, encodeTracesRequest } from './helpers/otlp-proto.js'
import { isUp, START_TIMEOUT_MS, startTestServer, type TestServer } from './helpers/server.js'

const LIMIT = 4 * 1024 * 1024
const INVALID_ARGUMENT = 3

let server: TestServer
beforeAll(async () => {
  server = await startTestServer('bad-requests', { ASSAY_MAX_BODY_BYTES: String(LIMIT) })
}, START_TIMEOUT_MS)
afterAll(() => server?.dispose(), 120_000)
afterEach(async () => {
  expect(await isUp(server.assay), 'the server is still up').toBe(true)
  expect(server.assay.stdout()).not.toContain('"msg":"unhandled error"')
})

const protobuf = 'application/x-protobuf'

describe('bad OTLP/HTTP requests', () => {
  it('truncated protobuf: 400 with a google.rpc.Status in protobuf', async () => {
    const whole = encodeTracesRequest(buildTrace(5).request)
    const res = await alongsideValidExport(server.url, () =>
      post(server.url, '/v1/traces', { contentType: protobuf, body: whole.subarray(0, whole.length - 7) }),
    )
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toContain(protobuf)
    const status = decodeStatus(res.body)
    expect(status.code).toBe(INVALID_ARGUMENT)
    expect(status.message).not.toBe('')
  })

  it('invalid JSON: 400 with a JSON Status naming the problem', async () => {
    const res = await alongsideValidExport(server.url, () =>
      post(server.url, '/v1/traces', {
        contentType: 'application/json',
        body: Buffer.from('{"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId": '),
      }),
    )
    expect(res.status).toBe(400)
    expect(res.headers['content-type']).toContain('application/json')
    const status = JSON.parse(res.body.toString())
    expect(status).toMatchObject({ code: INVALID_ARGUMENT, message: expect.any(String) })
    expect(status.message.length).toBeGreaterThan(0)
  })

  it.each(['text/plain', 'application/grpc', ''])('content type "%s": 415', async (contentType) => {
    const res = await alongsideValidExport(server.url, () =>
      post(server.url, '/v1/traces', {
        contentType,
        body: Buffer.from(JSON.stringify(buildTrace(2).request)),
      }),
    )
    expect(res.status).toBe(415)
    expect(JSON.parse(res.body.toString()).message).toMatch(/media type/)
  })

  it('gzip bomb (64 MiB of zeros in ~64 KiB): 413, inflated no further than the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024))
    expect(bomb.length).toBeLessThan(LIMIT / 16)
    const res = await alongsideValidExport(server.url, () =>
      post(server.url, '/v1/traces', { contentType: protobuf, body: bomb, contentEncoding: 'gzip' }),
    )
    expect(res.status).toBe(413)
  })

  it('body over ASSAY_MAX_BODY_BYTES, chunked without Content-Length: 413', async () => {
    const big = encodeTracesRequest(buildTrace(5, LIMIT / 4).request)
    expect(big.length).toBeGreaterThan(LIMIT)
    const res = await alongsideValidExport(server.url, () =>
      post(server.url, '/v1/traces', { contentType: protobuf, body: big }),
    )
    expect(res.status).toBe(413)
    expect(decodeStatus(res.body).message).toMatch(/exceeds the limit/)
  })

  it('body over the limit with a Content-Length: 413 before reading it', async () => {
    const big = encodeTracesRequest(buildTrace(5, LIMIT / 4).request)
    const res = await alongsideValidExport(server.url, () =>
      post(server.url, '/v1/traces', { contentType: protobuf, body: big, contentLength: true }),
    )
    expect(res.status).toBe(413)
  })

  it('a body just under the limit is accepted', async () => {
    const t = buildTrace(3, LIMIT / 4)
    const res = await post(server.url, '/v1/traces', {
      contentType: protobuf,
      body: encodeTracesRequest(t.request),
    })
    expect(res.status).toBe(200)
  })
})
