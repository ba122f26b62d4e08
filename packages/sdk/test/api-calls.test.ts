import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest'
import { resolveConfig } from '../src/config.js'
import { clearPromptCache, feedback, prompts, setActiveModel, trace } from '../src/index.js'
import { sdkState } from '../src/state.js'
import { startFakeApi } from './fake-api.js'
import { named } from './tracer.js'

const version = (n: number) => ({
  name: 'greet',
  version: n,
  template: { type: 'text', text: `v${n}: Hi {{name}}` },
  modelConfig: null,
  responseFormat: null,
})

let warn: MockInstance<typeof console.warn>
beforeEach(() => {
  clearPromptCache()
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => warn.mockRestore())

const useApi = (url: string) => {
  sdkState().config = resolveConfig({ url, apiKey: 'ak_test', exportTimeoutMs: 2000 }, {})
}

describe('prompts.get', () => {
  it('caches, revalidates a stale entry in the background with If-None-Match, and serves the last good one when Assay is down', async () => {
    let current = 1
    let down = false
    const api = await startFakeApi((req) => {
      if (down) return { status: 503, body: { error: { message: 'down' } } }
      const etag = `"p.${current}"`
      if (req.headers['if-none-match'] === etag) return { status: 304, headers: { etag } }
      return { status: 200, body: version(current), headers: { etag } }
    })
    useApi(api.url)
    const first = await prompts.get('greet@production', { ttlMs: 0 })
    expect(first.format({ name: 'Ada' })).toBe('v1: Hi Ada')
    expect(api.requests[0]!.headers.authorization).toBe('Bearer ak_test')
    expect(api.requests[0]!.url).toBe('/api/prompts/resolve?ref=greet%40production')

    // An entry is stale once its age exceeds the TTL: let a millisecond pass.
    await new Promise((r) => setTimeout(r, 5))
    await prompts.get('greet@production', { ttlMs: 0 }) // stale: served, revalidated behind
    await vi.waitFor(() => expect(api.requests).toHaveLength(2), { timeout: 10_000 })
    expect(api.requests[1]!.headers['if-none-match']).toBe('"p.1"')

    current = 2 // the alias moved
    await new Promise((r) => setTimeout(r, 5))
    await prompts.get('greet@production', { ttlMs: 0 })
    await vi.waitFor(
      async () => expect((await prompts.get('greet@production', { ttlMs: 60_000 })).version).toBe(2),
      { timeout: 10_000 },
    )

    down = true
    await new Promise((r) => setTimeout(r, 5))
    for (let i = 0; i < 3; i++) {
      const served = await prompts.get('greet@production', { ttlMs: 0 })
      expect(served.version).toBe(2)
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(warn.mock.calls.filter((c) => String(c[0]).includes("cached 'greet@production'"))).toHaveLength(1)
    await api.close()
  })

  it('fails only for a reference never fetched', async () => {
    useApi('http://127.0.0.1:9')
    await expect(prompts.get('never')).rejects.toThrow(/could not|failed/)
  })

  it('links the prompt to the active span and the next LLM span of the trace', async () => {
    const api = await startFakeApi(() => ({ status: 200, body: version(3), headers: { etag: '"p.3"' } }))
    useApi(api.url)
    const prompt = await prompts.get('greet')
    await trace(
      async () => {
        prompt.format({ name: 'x' })
        trace(() => 'not an llm', { name: 'tool', kind: 'TOOL' })()
        trace(() => 'llm', { name: 'llm-call', kind: 'LLM' })()
      },
      { name: 'chain' },
    )()
    expect(named('chain').attributes['assay.prompt.version']).toBe(3)
    expect(named('tool').attributes['assay.prompt.name']).toBeUndefined()
    expect(named('llm-call').attributes).toMatchObject({
      'assay.prompt.name': 'greet',
      'assay.prompt.version': 3,
    })
    await api.close()
  })
})

describe('setActiveModel and feedback', () => {
  it('finds or creates the model with git state and stamps its id on new spans', async () => {
    const api = await startFakeApi(() => ({ status: 200, body: { id: 'model-1', name: 'bot' } }))
    useApi(api.url)
    await expect(setActiveModel({ name: 'bot', params: { temperature: 0.2 } })).resolves.toEqual({
      id: 'model-1',
      name: 'bot',
    })
    expect(api.requests[0]!.url).toBe('/api/models?reuse=true')
    expect(api.requests[0]!.body).toMatchObject({ name: 'bot', params: { temperature: 0.2 }, source: 'sdk' })
    expect((api.requests[0]!.body as { git: { commit: unknown } }).git.commit).toMatch(/^[0-9a-f]{40}$/)
    trace(() => 1, { name: 'after-model' })()
    expect(named('after-model').attributes['assay.model.id']).toBe('model-1')
    sdkState().activeModelId = undefined
    await api.close()
  })

  it('logs feedback on a trace, and returns false without throwing when Assay is down', async () => {
    const api = await startFakeApi(() => ({ status: 201, body: { id: 'a1' } }))
    useApi(api.url)
    const traceId = 'a'.repeat(32)
    await expect(feedback.log(traceId, { name: 'thumbs', value: true, rationale: 'good' })).resolves.toBe(
      true,
    )
    expect(api.requests[0]!.url).toBe(`/api/traces/${traceId}/assessments`)
    expect(api.requests[0]!.body).toEqual({
      type: 'feedback',
      name: 'thumbs',
      value: true,
      rationale: 'good',
      source: { type: 'HUMAN' },
    })
    await api.close()
    await expect(feedback.log(traceId, { name: 'thumbs', value: false })).resolves.toBe(false)
    await expect(setActiveModel({ name: 'offline' })).resolves.toBeUndefined()
  })
})
