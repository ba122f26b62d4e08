import type { Scorer } from '../types.js'
import { defineScorer } from './define-scorer.js'

/**
 * Budget scorers: the value is the item's measured latency (ms) or cost
 * (USD); it passes when within the limit. An item without the measurement
 * is an error, not a pass.
 */
export function latency(options: { maxMs: number; name?: string }): Scorer {
  const name = options.name ?? 'latency'
  const limit = checkedLimit(name, 'maxMs', options?.maxMs)
  return defineScorer(
    name,
    ({ latencyMs }) => {
      if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs))
        throw new Error('the item has no latency')
      const ok = latencyMs <= limit
      return { value: latencyMs, passed: ok, rationale: `${latencyMs} ms ${ok ? '<=' : '>'} ${limit} ms` }
    },
    { sourceId: 'code:latency' },
  )
}

export function cost(options: { maxUsd: number; name?: string }): Scorer {
  const name = options.name ?? 'cost'
  const limit = checkedLimit(name, 'maxUsd', options?.maxUsd)
  return defineScorer(
    name,
    ({ costUsd }) => {
      if (typeof costUsd !== 'number' || !Number.isFinite(costUsd)) throw new Error('the item has no cost')
      const ok = costUsd <= limit
      return { value: costUsd, passed: ok, rationale: `$${costUsd} ${ok ? '<=' : '>'} $${limit}` }
    },
    { sourceId: 'code:cost' },
  )
}

function checkedLimit(name: string, key: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`${name}: ${key} must be a finite number >= 0`)
  }
  return value
}
