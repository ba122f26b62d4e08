// Judge tokens and cost, priced through @assay/core's price table.
import { computeCostUsd, DEFAULT_PRICE_TABLE, findPrice } from '@assay/core'
import { describe, expect, it } from 'vitest'
import { judges, sumUsage } from '../../src/index.js'
import { useJudgeServer } from '../support/judge-server.js'

const ctx = useJudgeServer()
const item = { inputs: 'q', outputs: 'a' }

describe('judge usage', () => {
  it('prices the answering model from the response', async () => {
    ctx.server.once({ usage: { promptTokens: 12_000, completionTokens: 3_000 } })
    const result = await judges.safety(ctx.options({ model: 'gpt-4o-mini' })).score(item)
    const price = findPrice(DEFAULT_PRICE_TABLE, 'gpt-4o-mini', Date.now())!
    expect(price).toBeDefined()
    expect(result.usage).toEqual({
      calls: 1,
      cachedCalls: 0,
      inputTokens: 12_000,
      outputTokens: 3_000,
      costUsd: computeCostUsd(price, { input: 12_000, output: 3_000, cached: 0 }),
    })
    expect(result.usage!.costUsd).toBeGreaterThan(0)
  })

  it('costs nothing for a model the price table does not know, but still counts tokens', async () => {
    ctx.server.once({ usage: { promptTokens: 100, completionTokens: 10 } })
    const result = await judges.safety(ctx.options({ model: 'local-llama' })).score(item)
    expect(result.usage).toMatchObject({ inputTokens: 100, outputTokens: 10, costUsd: 0 })
  })

  it('counts the tokens of an unusable answer and not those of failed attempts', async () => {
    ctx.server.failNext(1, 500)
    ctx.server.once({ malformed: true, usage: { promptTokens: 50, completionTokens: 5 } })
    const result = await judges.safety(ctx.options()).score(item)
    expect(result.error).toMatch(/not valid JSON/)
    expect(result.usage).toMatchObject({ calls: 1, inputTokens: 50, outputTokens: 5 })
  })

  it('sums usages', () => {
    const a = { calls: 1, cachedCalls: 0, inputTokens: 10, outputTokens: 2, costUsd: 0.5 }
    const b = { calls: 2, cachedCalls: 2, inputTokens: 0, outputTokens: 0, costUsd: 0 }
    expect(sumUsage([a, undefined, b])).toEqual({
      calls: 3,
      cachedCalls: 2,
      inputTokens: 10,
      outputTokens: 2,
      costUsd: 0.5,
    })
  })
})
