// Errors reach the client as the openai package's own error classes, because that is
// what the judge runner and the SDK's instrumentation catch and classify.
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { startLlmTestServer } from '../src/index.js'
import { useServer } from './harness.js'

const t = useServer()
const ask = (content: string) => ({ model: 'm', messages: [{ role: 'user' as const, content }] })

describe('errors', () => {
  it('answers [[error:500]] with an InternalServerError in OpenAI shape', async () => {
    const error = await t
      .client()
      .chat.completions.create(ask('boom [[error:500]]'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.InternalServerError)
    expect(error).toMatchObject({ status: 500, type: 'server_error', message: '500 Test server error 500' })
  })

  it('fails a streamed request before the first chunk', async () => {
    const request = { ...ask('[[error:503]]'), stream: true as const }
    await expect(t.client().chat.completions.create(request)).rejects.toMatchObject({ status: 503 })
  })

  it('answers 429 with Retry-After', async () => {
    t.server.failNext(1, { status: 429, retryAfter: 7 })
    const error = await t
      .client()
      .chat.completions.create(ask('q'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('7')
  })

  it('lets the client retry after the Retry-After delay and succeed', async () => {
    t.server.failNext(1, { status: 429, retryAfter: 0.2 })
    const completion = await t.client({ maxRetries: 2 }).chat.completions.create(ask('q'))
    expect(completion.choices[0]?.message.content).toBe('Hello! You said: q')
    expect(t.server.calls.map((c) => c.status)).toEqual([429, 200])
    expect(t.server.calls[1]!.time - t.server.calls[0]!.time).toBeGreaterThanOrEqual(190)
    expect(t.server.calls[1]?.headers['x-stainless-retry-count']).toBe('1')
  })

  it('fails with the given status every time for a marker, so retries run out', async () => {
    const error = await t
      .client({ maxRetries: 2 })
      .chat.completions.create(ask('[[error:429:retry-after-ms=10]]'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    expect(t.server.callCount('chat/completions')).toBe(3)
  })

  it('rejects an invalid request with 400', async () => {
    const error = await t
      .client()
      .chat.completions.create({ model: 'm', messages: [] })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect((error as Error).message).toContain('messages must be a non-empty array')
  })

  it('drops the connection for [[disconnect]]', async () => {
    const error = await t
      .client()
      .chat.completions.create(ask('[[disconnect]]'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError)
    expect(t.server.calls[0]?.status).toBeUndefined()
  })

  it('requires the configured API key when one is set', async () => {
    const server = await startLlmTestServer({ apiKey: 'secret' })
    try {
      const wrong = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0 })
      await expect(wrong.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
      const right = new OpenAI({ baseURL: server.url, apiKey: 'secret', maxRetries: 0 })
      expect((await right.models.list()).data.map((m) => m.id)).toContain('gpt-4o-mini')
    } finally {
      await server.close()
    }
  })
})
