// The retry loop against real HTTP failures: 429 with Retry-After, 5xx,
// timeouts, dropped connections, cancellation.
import { describe, expect, it, vi } from 'vitest'
import { judges } from '../../src/index.js'
import { useJudgeServer } from '../support/judge-server.js'

const ctx = useJudgeServer()
const item = (marker = '') => ({ inputs: 'q', outputs: `a ${marker}` })
const gapMs = (i: number) => ctx.server.calls[i]!.time - ctx.server.calls[i - 1]!.time

describe('judge model retries', () => {
  it('honours Retry-After in seconds after a 429', async () => {
    ctx.server.failNext(1, { status: 429, retryAfter: 1 })
    const result = await judges.safety(ctx.options({ retryBaseDelayMs: 1 })).score(item())
    expect(result).toMatchObject({ label: 'safe', error: null })
    expect(ctx.server.callCount()).toBe(2)
    expect(gapMs(1)).toBeGreaterThanOrEqual(950)
  })

  it('honours retry-after-ms, and a Retry-After marker in the prompt', async () => {
    ctx.server.failNext(1, { status: 429, retryAfterMs: 300 })
    await judges.safety(ctx.options({ retryBaseDelayMs: 1 })).score(item())
    expect(gapMs(1)).toBeGreaterThanOrEqual(280)

    ctx.server.clearCalls()
    const marked = await judges
      .safety(ctx.options({ maxAttempts: 2 }))
      .score(item('[[error:429:retry-after=1]]'))
    // The marker fails every attempt: two attempts a second apart, then an error result.
    expect(marked.error).toMatch(/HTTP 429.*gave up after 2 attempts/)
    expect(ctx.server.callCount()).toBe(2)
    expect(gapMs(1)).toBeGreaterThanOrEqual(950)
  })

  it('retries a 500 and then succeeds', async () => {
    ctx.server.failNext(1, 500)
    const result = await judges.safety(ctx.options()).score(item())
    expect(result).toMatchObject({ value: 1, error: null })
    expect(result.usage?.calls).toBe(1)
    expect(ctx.server.callCount()).toBe(2)
  })

  it('gives up after maxAttempts and returns an error result', async () => {
    const result = await judges.safety(ctx.options({ maxAttempts: 3 })).score(item('[[error:500]]'))
    expect(result.value).toBeNull()
    expect(result.error).toMatch(/judge model call failed: HTTP 500.*gave up after 3 attempts/)
    expect(ctx.server.callCount()).toBe(3)
  })

  it('retries a proxy error page and a dropped connection', async () => {
    ctx.server.failNext(1, { status: 502, body: '<html>Bad Gateway</html>' })
    ctx.server.once({ disconnect: true })
    // failNext and once share one queue: first a 502, then the disconnect, then a normal answer.
    const result = await judges.safety(ctx.options()).score(item())
    expect(result.error).toBeNull()
    expect(ctx.server.callCount()).toBe(3)
  })

  it('times out a slow call, retries it, and reports the timeout', async () => {
    const started = Date.now()
    const result = await judges
      .safety(ctx.options({ timeoutMs: 150, maxAttempts: 2 }))
      .score(item('[[delay:5000]]'))
    expect(result.error).toMatch(/timed out after 150 ms.*gave up after 2 attempts/)
    expect(ctx.server.callCount()).toBe(2)
    // Each answer would take 5 s: both attempts were cut off instead.
    expect(Date.now() - started).toBeLessThan(4_000)
  })

  it('recovers when only the first attempt is slow', async () => {
    ctx.server.once({ delayMs: 5_000 })
    const result = await judges.safety(ctx.options({ timeoutMs: 150 })).score(item())
    expect(result.error).toBeNull()
    expect(ctx.server.callCount()).toBe(2)
  })

  it('stops at once when the run is cancelled', async () => {
    const controller = new AbortController()
    const pending = judges.safety(ctx.options()).score(item('[[delay:5000]]'), { signal: controller.signal })
    // Cancel while the call is at the server (on a loaded machine 50 ms may not even get it there).
    await vi.waitFor(() => expect(ctx.server.callCount()).toBe(1), { timeout: 5_000 })
    const started = Date.now()
    controller.abort()
    const result = await pending
    expect(result.error).toMatch(/cancelled/)
    // The answer would take 5 s: cancelling must not wait for it.
    expect(Date.now() - started).toBeLessThan(4_000)
    expect(ctx.server.callCount()).toBe(1)
  })

  it('runs each attempt through the limiter', async () => {
    let slots = 0
    const limiter = async <T>(fn: () => Promise<T>) => {
      slots++
      return fn()
    }
    ctx.server.failNext(1, 503)
    await judges.safety(ctx.options({ limiter })).score(item())
    expect(slots).toBe(2)
  })
})
