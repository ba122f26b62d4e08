import { describe, expect, it } from 'vitest'
import { computeCostUsd } from './cost.js'
import { DEFAULT_PRICE_TABLE } from './default-prices.js'
import { findPrice, normalizeModelName } from './lookup.js'
import { mergePriceTables } from './merge.js'
import { PriceTable } from './types.js'

const at = (iso: string) => Date.parse(iso)
const NOW = at('2026-01-01')

describe('findPrice', () => {
  it('most specific pattern wins', () => {
    expect(findPrice(DEFAULT_PRICE_TABLE, 'gpt-4o-mini-2024-07-18', NOW)?.input).toBe(0.15)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'gpt-4o', NOW)?.input).toBe(2.5)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'gpt-4.1-nano', NOW)?.input).toBe(0.1)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'claude-opus-4-5-20251101', NOW)?.input).toBe(5)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'claude-opus-4-1-20250805', NOW)?.input).toBe(15)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'gemini-2.5-flash-lite', NOW)?.input).toBe(0.1)
  })

  it('the entry in force at the time applies', () => {
    expect(findPrice(DEFAULT_PRICE_TABLE, 'gpt-4o', at('2024-06-01'))?.input).toBe(5)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'gpt-4o', at('2024-11-01'))?.input).toBe(2.5)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'o3', at('2025-05-01'))?.input).toBe(10)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'o3', at('2025-07-01'))?.input).toBe(2)
    // Before any entry of the specific pattern: nothing more general matches either.
    expect(findPrice(DEFAULT_PRICE_TABLE, 'gpt-4o-mini', at('2024-01-01'))).toBeUndefined()
  })

  it('normalizes provider paths, vendor prefixes and case', () => {
    expect(normalizeModelName('openai/GPT-4o-mini')).toBe('gpt-4o-mini')
    expect(normalizeModelName('us.anthropic.claude-3-5-sonnet-20241022-v2:0')).toBe(
      'claude-3-5-sonnet-20241022-v2:0',
    )
    expect(findPrice(DEFAULT_PRICE_TABLE, 'models/gemini-2.0-flash', NOW)?.output).toBe(0.4)
    expect(findPrice(DEFAULT_PRICE_TABLE, 'us.anthropic.claude-3-5-sonnet-20241022-v2:0', NOW)?.input).toBe(3)
  })

  it('unknown or empty models have no price', () => {
    expect(findPrice(DEFAULT_PRICE_TABLE, '', NOW)).toBeUndefined()
    expect(findPrice(DEFAULT_PRICE_TABLE, 'my-fine-tune', NOW)).toBeUndefined()
  })
})

describe('mergePriceTables', () => {
  it('project entries win whenever they match, even over more specific defaults', () => {
    const project = {
      version: 'acme-1',
      entries: [{ pattern: 'gpt-4o*', effectiveFrom: '2020-01-01', input: 1, output: 2 }],
    }
    const merged = mergePriceTables(DEFAULT_PRICE_TABLE, project)
    expect(findPrice(merged, 'gpt-4o-mini', NOW)?.input).toBe(1)
    expect(findPrice(merged, 'claude-3-5-haiku', NOW)?.input).toBe(0.8)
    expect(merged.version).toBe(`${DEFAULT_PRICE_TABLE.version}+acme-1`)
    expect(project.entries[0]).not.toHaveProperty('priority')
  })
})

describe('computeCostUsd', () => {
  it('prices uncached input, cached input and output separately', () => {
    const price = { pattern: 'x', effectiveFrom: '2024-01-01', input: 2, cachedInput: 0.5, output: 8 }
    expect(computeCostUsd(price, { input: 1000, cached: 400, output: 100 })).toBeCloseTo(
      (600 * 2 + 400 * 0.5 + 100 * 8) / 1e6,
      12,
    )
    expect(
      computeCostUsd({ ...price, cachedInput: undefined }, { input: 10, cached: 10, output: 0 }),
    ).toBeCloseTo(20 / 1e6, 12)
    expect(computeCostUsd(price, { input: 10, cached: 50, output: -3 })).toBeCloseTo(5 / 1e6, 12)
  })
})

it('the default table is valid data with dated entries', () => {
  expect(PriceTable.parse(DEFAULT_PRICE_TABLE).entries.length).toBeGreaterThan(30)
  const keys = DEFAULT_PRICE_TABLE.entries.map((e) => `${e.pattern}@${e.effectiveFrom}`)
  expect(new Set(keys).size).toBe(keys.length)
})
