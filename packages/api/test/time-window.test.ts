import { describe, expect, it } from 'vitest'
import { ApiError } from '../src/errors.js'
import { timeWindow } from '../src/time-window.js'

describe('timeWindow', () => {
  const now = Date.parse('2026-11-28T12:00:00Z')

  it('defaults to the last 24 hours', () => {
    const w = timeWindow(undefined, undefined, now)
    expect(BigInt(w.to) - BigInt(w.from)).toBe(86_400_000_000_000n)
    expect(w.to).toBe(`${now}000000`)
  })

  it('accepts ISO date-times and nanosecond strings', () => {
    const w = timeWindow('2026-11-27T00:00:00Z', '1795910400000000001', now)
    expect(w.from).toBe(`${Date.parse('2026-11-27T00:00:00Z')}000000`)
    expect(w.to).toBe('1795910400000000001')
  })

  it('names the field of a malformed bound', () => {
    expect(() => timeWindow('yesterday', undefined, now)).toThrow(ApiError)
    expect(() => timeWindow('yesterday', undefined, now)).toThrow(/^query\.from must be/)
  })

  it('rejects an end before the start', () => {
    expect(() => timeWindow('2026-11-28T00:00:00Z', '2026-11-27T00:00:00Z', now)).toThrow(
      'query.to must be after query.from',
    )
  })
})
