// compileSpanFilter: every field, run against real chDB, answered by the names of the matching spans.
import { parseFilter } from '@assay/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileSpanFilter } from '../../src/clickhouse/filter/index.js'
import type { ClickHouse } from '../../src/clickhouse/index.js'
import { HOSTILE, seedWorld, spanNames } from './filter-fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse()
  await seedWorld(ch)
})
afterAll(() => closeTestClickHouse(ch))

const names = (filter: string) => spanNames(ch, filter)

describe('compileSpanFilter: span fields', () => {
  it('span.kind, span.status and span.name', async () => {
    expect(await names("span.kind = 'RETRIEVER'")).toEqual(['a-retriever', 'b-retriever', 'd-retriever'])
    expect(await names('span.kind IN (tool, agent)')).toEqual(['a-tool', 'b-root', 'c-child'])
    expect(await names("span.status = 'error'")).toEqual(['a-tool'])
    expect(await names("span.name LIKE '%-llm'")).toEqual(['a-llm', 'b-llm', 'd-llm'])
    expect(await names("span.name ILIKE 'A-R%'")).toEqual(['a-retriever', 'a-root'])
    expect(await names("span.name NOT LIKE '%-%'")).toEqual([HOSTILE.name])
  })

  it('span.duration_ms with durations', async () => {
    expect(await names("span.duration_ms > 500ms AND span.kind = 'RETRIEVER'")).toEqual(['a-retriever'])
    expect(await names('span.duration_ms >= 2s')).toEqual(['a-llm', 'a-root'])
    expect(await names('span.duration_ms = 50')).toEqual(['a-tool'])
  })

  it('span.model matches the requested or the answering model; != matches neither', async () => {
    expect(await names("span.model = 'gpt-4o'")).toEqual(['a-llm'])
    expect(await names("span.model = 'gpt-4o-2024-08-06'")).toEqual(['a-llm'])
    expect(await names("span.model LIKE 'claude%' OR span.provider = 'openai'")).toEqual(['a-llm', 'b-llm'])
    expect(await names("span.kind = 'LLM' AND span.model != 'gpt-4o'")).toEqual(['b-llm', 'd-llm'])
  })

  it('span.tokens and span.cost', async () => {
    expect(await names('span.tokens >= 1000')).toEqual(['b-llm'])
    expect(await names('span.cost > 0.005 AND span.cost < 0.1')).toEqual(['a-llm'])
    expect(await names('span.tokens IN (150, 1000)')).toEqual(['a-llm', 'b-llm'])
  })

  it('span.attributes: text, number, boolean, quoted keys and existence', async () => {
    expect(await names("span.attributes.db.system = 'qdrant'")).toEqual(['b-retriever'])
    expect(await names('span.attributes.top_k > 10')).toEqual(['b-retriever'])
    expect(await names('span.attributes.top_k = 5.0')).toEqual(['a-retriever'])
    expect(await names('span.attributes.cached = true')).toEqual(['a-retriever'])
    expect(await names('span.attributes."weird key" = 1')).toEqual(['c-child'])
    expect(await names('span.attributes.top_k')).toEqual(['a-retriever', 'b-retriever'])
    expect(await names("span.attributes.db.system IN ('pgvector', 'qdrant')")).toEqual([
      'a-retriever',
      'b-retriever',
    ])
    expect(await names("span.kind = 'RETRIEVER' AND NOT span.attributes.top_k > 10")).toEqual([
      'a-retriever',
      'd-retriever',
    ])
  })

  it('denormalized trace fields: session, user, model, environment, metadata, tags, service', async () => {
    expect(await names("session.id = 's2' AND span.kind = 'LLM'")).toEqual(['b-llm'])
    expect(await names("user.id = 'u1' AND span.kind = 'TOOL'")).toEqual(['a-tool'])
    expect(await names("model.id = 'm-1'")).toHaveLength(4)
    expect(await names("environment = 'staging'")).toEqual(['b-llm', 'b-retriever', 'b-root'])
    expect(await names("metadata.tenant = 'acme' AND span.kind = 'CHAIN'")).toEqual(['a-root'])
    expect(await names("tag.team = 'support' AND span.kind = 'LLM'")).toEqual(['a-llm'])
    expect(await names("tag.vip AND span.kind = 'LLM'")).toEqual(['a-llm'])
    expect(await names("service.name = 'checkout-bot'")).toEqual(['a-root'])
  })

  it('prompt by name or name/version, and by pattern', async () => {
    expect(await names("prompt = 'support'")).toEqual(['a-llm', 'b-llm'])
    expect(await names('prompt = "support/4"')).toEqual(['b-llm'])
    expect(await names("prompt IN ('support/3', 'other')")).toEqual(['a-llm'])
    expect(await names("prompt LIKE 'support/%' AND prompt != 'support/3'")).toEqual(['b-llm'])
  })

  it('text searches input and output', async () => {
    expect(await names("text ILIKE '%timeout%'")).toEqual(['b-llm', 'c-child'])
    expect(await names("text LIKE '%timeout%'")).toEqual(['c-child'])
    expect(await names("text LIKE '%order%' OR text LIKE '%ships%'")).toEqual(['a-llm'])
  })
})

describe('compileSpanFilter: trace-level fields select the span’s trace', () => {
  it('trace.* through a subquery over the trace', async () => {
    expect(await names("trace.status = 'ERROR' AND span.kind = 'LLM'")).toEqual(['a-llm'])
    expect(await names("trace.name = 'b-root' AND span.kind = 'RETRIEVER'")).toEqual(['b-retriever'])
    expect(await names('trace.duration_ms < 200ms')).toEqual(['c-child', HOSTILE.name])
    expect(await names("trace.tokens = 1000 AND span.kind = 'AGENT'")).toEqual(['b-root'])
  })

  it('feedback.* through the assessments', async () => {
    expect(await names("feedback.tone = 'polite' AND span.kind = 'TOOL'")).toEqual(['a-tool'])
    expect(await names("feedback.correctness > 0.9 AND span.kind = 'LLM'")).toEqual(['b-llm'])
  })

  it('scopes the trace subquery when asked', () => {
    const where = compileSpanFilter(parseFilter("trace.status = 'ERROR'"), {
      database: ch.database,
      traceScope: 'start_time >= fromUnixTimestamp64Nano({from:Int64})',
    })
    expect(where.sql).toContain('AND (start_time >= fromUnixTimestamp64Nano({from:Int64}))')
  })
})
