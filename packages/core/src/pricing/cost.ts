import type { PriceEntry, TokenUsage } from './types.js'

/**
 * Cost in USD of one call: uncached input, cached input and output tokens,
 * each at its own price. Reasoning tokens are part of the output count and
 * are not priced again. Counts are clamped so that a cached count larger
 * than the input (a client bug) never yields a negative cost.
 */
export function computeCostUsd(price: PriceEntry, usage: TokenUsage): number {
  const input = Math.max(0, usage.input)
  const cached = Math.min(Math.max(0, usage.cached), input)
  const output = Math.max(0, usage.output)
  const micro =
    (input - cached) * price.input + cached * (price.cachedInput ?? price.input) + output * price.output
  return micro / 1_000_000
}
