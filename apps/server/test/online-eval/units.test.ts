// The small pieces: deterministic sampling, retry backoff, the scoring rate limit, and the config variables.
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config/config.js'
import { retryDelayMs } from '../../src/online-eval/backoff.js'
import { createRateLimiter, inSample } from '../../src/online-eval/index.js'

describe('inSample', () => {
  it('decides the same way every time, near the rate over many traces', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => i.toString(16).padStart(32, '0'))
    const picked = ids.filter((id) => inSample('rule-1', id, 0.25))
    expect(picked.length / ids.length).toBeGreaterThan(0.22)
    expect(picked.length / ids.length).toBeLessThan(0.28)
    expect(ids.filter((id) => inSample('rule-1', id, 0.25))).toEqual(picked)
    // Another rule samples other traces.
    expect(ids.filter((id) => inSample('rule-2', id, 0.25))).not.toEqual(picked)
    expect(ids.every((id) => inSample('r', id, 1))).toBe(true)
    expect(ids.some((id) => inSample('r', id, 0))).toBe(false)
  })
})

describe('retryDelayMs', () => {
  it('doubles per attempt with at most a quarter of jitter, capped at an hour', () => {
    expect(retryDelayMs(1, 1000, () => 0)).toBe(1000)
    expect(retryDelayMs(3, 1000, () => 0)).toBe(4000)
    expect(retryDelayMs(3, 1000, () => 1)).toBe(5000)
    expect(retryDelayMs(40, 1000, () => 0)).toBe(3_600_000)
  })
})

describe('createRateLimiter', () => {
  it('lets a second’s worth through at once, then spaces calls out', async () => {
    const limiter = createRateLimiter(20)
    const started = Date.now()
    await Promise.all(Array.from({ length: 20 }, () => limiter.take()))
    // Spaced out, these 20 would take a second; a loaded machine still lets a burst through well inside that.
    expect(Date.now() - started).toBeLessThan(500)
    await Promise.all(Array.from({ length: 5 }, () => limiter.take()))
    expect(Date.now() - started).toBeGreaterThanOrEqual(200)
  })

  it('gives up a wait when aborted', async () => {
    const limiter = createRateLimiter(1)
    await limiter.take()
    const abort = new AbortController()
    const waiting = limiter.take(abort.signal)
    abort.abort(new Error('stopping'))
    await expect(waiting).rejects.toThrow('stopping')
  })
})

describe('online evaluation configuration', () => {
  it('is on by default and reads its variables', () => {
    expect(loadConfig({}).onlineEval).toEqual({
      enabled: true,
      pollMs: 2000,
      settleMs: 30_000,
      concurrency: 4,
      ratePerSecond: 10,
      maxAttempts: 3,
      retryMs: 10_000,
    })
    const config = loadConfig({
      ASSAY_ONLINE_EVAL: 'off',
      ASSAY_ONLINE_EVAL_RATE: '0.5',
      ASSAY_ONLINE_EVAL_CONCURRENCY: '8',
    })
    expect(config.onlineEval).toMatchObject({ enabled: false, ratePerSecond: 0.5, concurrency: 8 })
  })

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ ASSAY_ONLINE_EVAL: 'yes' })).toThrow(/ASSAY_ONLINE_EVAL must be 'on' or 'off'/)
    expect(() => loadConfig({ ASSAY_ONLINE_EVAL_RATE: '0' })).toThrow(
      /ASSAY_ONLINE_EVAL_RATE must be above 0/,
    )
    expect(() => loadConfig({ ASSAY_ONLINE_EVAL_MAX_ATTEMPTS: '0' })).toThrow(
      /ASSAY_ONLINE_EVAL_MAX_ATTEMPTS must be at least 1/,
    )
  })
})
