import { computeCostUsd, DEFAULT_PRICE_TABLE, findPrice, type TokenUsage } from '@assay/core'
import type { JudgeUsage } from '../types.js'

/** Judge usage of nothing yet; `addUsage` accumulates into a copy. */
export function emptyUsage(): JudgeUsage {
  return { calls: 0, cachedCalls: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 }
}

/**
 * Cost of one answered call, priced by the answering model through the
 * project's price table (0 for a model the table does not know: a local
 * model, or one priced by a project override the judge cannot see).
 */
export function callCostUsd(model: string, usage: TokenUsage, atMs = Date.now()): number {
  const price = findPrice(DEFAULT_PRICE_TABLE, model, atMs)
  return price ? computeCostUsd(price, usage) : 0
}

export function addUsage(total: JudgeUsage, model: string, usage: TokenUsage): JudgeUsage {
  return {
    ...total,
    inputTokens: total.inputTokens + usage.input,
    outputTokens: total.outputTokens + usage.output,
    costUsd: total.costUsd + callCostUsd(model, usage),
  }
}

/** Sums usages, e.g. of all judges on an item or a whole run. */
export function sumUsage(usages: readonly (JudgeUsage | undefined)[]): JudgeUsage {
  const total = emptyUsage()
  for (const u of usages) {
    if (!u) continue
    total.calls += u.calls
    total.cachedCalls += u.cachedCalls
    total.inputTokens += u.inputTokens
    total.outputTokens += u.outputTokens
    total.costUsd += u.costUsd
  }
  return total
}
