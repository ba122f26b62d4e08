import { computeCostUsd, findPrice, MAX_TOKEN_COUNT, type PriceEntry, type PriceTable } from '@assay/core'
import type { SpanDraft } from './draft.js'
import { nanosToMs } from './times.js'

/**
 * Totals and cost, after every dialect has had its say. A cost the span
 * carries (Langfuse cost details, `assay.cost_usd`, `gen_ai.usage.cost`)
 * wins; otherwise the price in force at the span's start for the model that
 * answered (or, failing that, the one asked for).
 */
export function applyCost(d: SpanDraft, prices: PriceTable): void {
  const r = d.row
  if (r.total_tokens === 0) r.total_tokens = Math.min(r.input_tokens + r.output_tokens, MAX_TOKEN_COUNT)
  if (d.ownCost !== undefined) {
    r.cost_usd = d.ownCost
    return
  }
  if (r.input_tokens === 0 && r.output_tokens === 0) return
  const price = priceFor(prices, r.model_response, r.model_request, nanosToMs(r.start_time))
  if (price)
    r.cost_usd = computeCostUsd(price, {
      input: r.input_tokens,
      output: r.output_tokens,
      cached: r.cached_tokens,
    })
}

function priceFor(
  prices: PriceTable,
  response: string,
  request: string,
  atMs: number,
): PriceEntry | undefined {
  return findPrice(prices, response, atMs) ?? findPrice(prices, request, atMs)
}
