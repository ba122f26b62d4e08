// Timeouts and latency: a delayed answer trips the client's `timeout`, a fixed
// `latencyMs` delays every answer (the benchmark's stand-in for a real endpoint), and
// closing the server does not wait for delayed answers.
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { startLlmTestServer } from '../src/index.js'
import { useServer } from './harness.js'

const t = useServer()
const ask = (content: string) => ({ model: 'm', messages: [{ role: 'user' as const, content }] })

describe('timeouts and latency', () => {
  it('times the client out on [[delay:5000]]', async () => {
    const started = Date.now()
    const error = await t
      .client({ timeout: 200 })
      .chat.completions.create(ask('slow [[delay:5000]]'))
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('delays every answer by latencyMs', async () => {
    const server = await startLlmTestServer({ latencyMs: 50 })
    try {
      const client = new OpenAI({ baseURL: server.url, apiKey: 'test' })
      const started = performance.now()
      await client.chat.completions.create(ask('q'))
      expect(performance.now() - started).toBeGreaterThanOrEqual(49)
    } finally {
      await server.close()
    }
  })

  it('closes promptly while a delayed request is pending', async () => {
    const server = await startLlmTestServer()
    const client = new OpenAI({ baseURL: server.url, apiKey: 'test', maxRetries: 0 })
    const pending = client.chat.completions.create(ask('[[delay:10000]]')).catch((e: unknown) => e)
    while (server.callCount() === 0) await new Promise((r) => setTimeout(r, 5))
    const started = Date.now()
    await server.close()
    expect(Date.now() - started).toBeLessThan(1000)
    expect(await pending).toBeInstanceOf(OpenAI.APIConnectionError)
  })
})
