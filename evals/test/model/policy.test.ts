// The pure parts of the model client: Retry-After parsing, backoff, cache keys, options.
import { describe, expect, it } from 'vitest'
import {
  backoffDelayMs,
  cacheKey,
  canonicalJson,
  resolveJudgeModelOptions,
  retryAfterMs,
} from '../../src/model/index.js'

describe('retryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z')
  it('reads retry-after-ms first, then seconds, then an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250)
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(2000)
    expect(retryAfterMs(new Headers({ 'retry-after': '0.5' }), now)).toBe(500)
    expect(retryAfterMs(new Headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000)
    expect(retryAfterMs(new Headers({ 'retry-after': 'Tue, 31 Dec 2024 23:00:00 GMT' }), now)).toBe(0)
  })
  it('ignores absent or unreadable values', () => {
    expect(retryAfterMs(undefined)).toBeUndefined()
    expect(retryAfterMs(new Headers())).toBeUndefined()
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }))).toBeUndefined()
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '-5' }))).toBeUndefined()
  })
})

describe('backoffDelayMs', () => {
  it('draws full jitter under an exponential ceiling, capped', () => {
    expect(backoffDelayMs(1, 500, undefined, () => 0.999)).toBe(499)
    expect(backoffDelayMs(3, 500, undefined, () => 0.5)).toBe(1000)
    expect(backoffDelayMs(3, 500, undefined, () => 0)).toBe(0)
    expect(backoffDelayMs(20, 500, undefined, () => 0.999)).toBeLessThanOrEqual(30_000)
  })
  it('lets Retry-After win, bounded', () => {
    expect(backoffDelayMs(1, 500, 1200, () => 0)).toBe(1200)
    expect(backoffDelayMs(1, 500, 10 * 3600_000)).toBe(120_000)
  })
})

describe('cache keys', () => {
  it('ignore key order and undefined fields, and see every value', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"e":3,"f":2}]},"b":1}',
    )
    expect(cacheKey({ model: 'm', params: { a: 1, b: 2 } })).toBe(
      cacheKey({ params: { b: 2, a: 1 }, model: 'm' }),
    )
    expect(cacheKey({ model: 'm' })).not.toBe(cacheKey({ model: 'n' }))
    expect(cacheKey({ model: 'm' })).toMatch(/^[0-9a-f]{64}$/)
  })
  it('refuse a circular value', () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => canonicalJson(cyclic)).toThrow(/circular/)
  })
})

describe('resolveJudgeModelOptions', () => {
  const env = { model: 'env-model', baseURL: 'http://env/v1/', apiKey: 'env-key', cacheDir: '/env-cache' }
  it('layers defaults < environment < run options < judge options', () => {
    const noEnv = { model: undefined, baseURL: undefined, apiKey: undefined, cacheDir: undefined }
    expect(resolveJudgeModelOptions([], noEnv)).toMatchObject({
      model: 'gpt-4o-mini',
      baseURL: 'https://api.openai.com/v1',
      apiKey: undefined,
      cacheDir: null,
      maxAttempts: 4,
    })
    expect(resolveJudgeModelOptions([], env)).toMatchObject({
      model: 'env-model',
      baseURL: 'http://env/v1',
      cacheDir: '/env-cache',
    })
    const run = { model: 'run-model', cacheDir: '/run-cache', maxAttempts: 2 }
    const judge = { model: 'judge-model', cacheDir: null, maxAttempts: undefined }
    expect(resolveJudgeModelOptions([run, judge], env)).toMatchObject({
      model: 'judge-model',
      cacheDir: null,
      maxAttempts: 2,
    })
    expect(run).toEqual({ model: 'run-model', cacheDir: '/run-cache', maxAttempts: 2 }) // not mutated
  })
  it('rejects nonsense', () => {
    expect(() => resolveJudgeModelOptions([{ maxAttempts: 0 }])).toThrow(/maxAttempts/)
    expect(() => resolveJudgeModelOptions([{ timeoutMs: -1 }])).toThrow(/timeoutMs/)
  })
})
