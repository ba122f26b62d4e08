// compileTraceFilter: trace semantics against real chDB, through the GROUP BY trace_id query the trace search runs.
import { parseFilter } from '@assay/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compileTraceFilter } from '../../src/clickhouse/filter/index.js'
import type { ClickHouse } from '../../src/clickhouse/index.js'
import { seedWorld, traceLetters, type World } from './filter-fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
let world: World
beforeAll(async () => {
  ch = await openTestClickHouse()
  world = await seedWorld(ch)
})
afterAll(() => closeTestClickHouse(ch))

const traces = (filter: string) => traceLetters(ch, world, filter)

describe('compileTraceFilter: span conditions', () => {
  it('a group of span conditions must hold on one span', async () => {
    // D has a retriever and a span over 500 ms, but not one span that is both.
    expect(await traces("span.kind = 'RETRIEVER' AND span.duration_ms > 500")).toEqual(['A'])
    expect(
      await traces("span.kind = 'RETRIEVER' AND span.duration_ms > 500 AND trace.duration_ms > 1s"),
    ).toEqual(['A'])
    expect(await traces("span.kind = 'RETRIEVER' OR span.kind = 'TOOL'")).toEqual(['A', 'B', 'C', 'D'])
  })

  it('!= is per span; NOT means no span matches', async () => {
    expect(await traces("span.status != 'OK'")).toEqual(['A', 'C'])
    expect(await traces("NOT span.status = 'ERROR'")).toEqual(['B', 'C', 'D'])
    expect(await traces("NOT (span.kind = 'LLM' AND span.model = 'gpt-4o')")).toEqual(['B', 'C', 'D'])
    expect(await traces("span.kind = 'RETRIEVER' AND NOT span.kind = 'TOOL'")).toEqual(['B', 'D'])
  })

  it('denormalized fields are span conditions', async () => {
    expect(await traces("session.id = 's1'")).toEqual(['A'])
    expect(await traces("metadata.tenant = 'globex' OR tag.vip")).toEqual(['A', 'B'])
  })
})

describe('compileTraceFilter: trace aggregates', () => {
  it('trace.status is ERROR when any span failed, else the root status', async () => {
    expect(await traces("trace.status = 'ERROR'")).toEqual(['A'])
    expect(await traces("trace.status = 'OK'")).toEqual(['B', 'D'])
    // C's root is UNSET although its child is OK.
    expect(await traces("trace.status = 'UNSET'")).toEqual(['C'])
    expect(await traces("trace.status != 'ERROR'")).toEqual(['B', 'C', 'D'])
  })

  it('trace.name is the root span name', async () => {
    expect(await traces("trace.name = 'b-root'")).toEqual(['B'])
    expect(await traces("trace.name LIKE '%-root'")).toEqual(['A', 'B', 'D'])
    expect(await traces("trace.name = 'b-llm'")).toEqual([])
  })

  it('trace.duration_ms spans first start to last end', async () => {
    expect(await traces('trace.duration_ms = 3s')).toEqual(['A'])
    expect(await traces('trace.duration_ms >= 500ms AND trace.duration_ms <= 1000')).toEqual(['B', 'D'])
  })

  it('trace.tokens and trace.cost count a re-sent span once', async () => {
    expect(await traces('trace.tokens = 1000')).toEqual(['B'])
    expect(await traces('trace.tokens > 1500')).toEqual([])
    expect(await traces('trace.cost > 0.15 AND trace.cost < 0.3')).toEqual(['B'])
  })
})

describe('compileTraceFilter: feedback', () => {
  it('compares typed values of current feedback', async () => {
    expect(await traces('feedback.correctness >= 0.8')).toEqual(['A', 'B'])
    // B's 0.3 was overridden, C's judge failed, D's 0.1 is an expectation.
    expect(await traces('feedback.correctness < 0.5')).toEqual([])
    // B's helpful was withdrawn.
    expect(await traces('feedback.helpful = true')).toEqual(['A'])
    expect(await traces('feedback.helpful != false')).toEqual(['A'])
    expect(await traces("feedback.tone ILIKE '%RUDE%'")).toEqual(['B'])
    expect(await traces("feedback.tone IN ('polite', 'curt')")).toEqual(['A'])
    expect(await traces('feedback.correctness IN (0.9, 0.95)')).toEqual(['A', 'B'])
  })

  it('existence, negation, and mixing with span and trace conditions', async () => {
    expect(await traces('feedback.tone')).toEqual(['A', 'B'])
    expect(await traces('NOT feedback.correctness')).toEqual(['C', 'D'])
    expect(await traces("feedback.tone != 'polite'")).toEqual(['B'])
    expect(await traces("feedback.correctness > 0.5 AND span.kind = 'TOOL'")).toEqual(['A'])
    expect(await traces("feedback.helpful = true OR trace.name = 'd-root'")).toEqual(['A', 'D'])
  })

  it('moves top-level feedback conditions to WHERE, and nothing else', () => {
    const db = { database: 'db' }
    const both = compileTraceFilter(parseFilter("feedback.x = 1 AND span.kind = 'LLM'"), db)
    expect(both.where?.sql).toMatch(/^trace_id IN \(SELECT trace_id FROM db\.assessments/)
    expect(both.having.sql).toBe('countIf(kind = {f2:String}) > 0')
    expect(both.where?.params).toEqual({ f0: 'x', f1: 1 })
    expect(both.having.params).toEqual({ f2: 'LLM' })
    expect(compileTraceFilter(parseFilter('feedback.x'), db).having.sql).toBe('1')
    expect(compileTraceFilter(parseFilter("feedback.x OR span.kind = 'LLM'"), db).where).toBeUndefined()
    expect(compileTraceFilter(parseFilter("span.kind = 'LLM'"), db).where).toBeUndefined()
  })
})
