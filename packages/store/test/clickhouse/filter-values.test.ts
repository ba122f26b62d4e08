// recentFieldValues: the dashboard's value and key completions, from real chDB.
import { FilterError } from '@assay/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recentFieldValues } from '../../src/clickhouse/filter/index.js'
import type { ClickHouse } from '../../src/clickhouse/index.js'
import { HOSTILE, PROJECT, seedWorld, WINDOW } from './filter-fixtures.js'
import { closeTestClickHouse, openTestClickHouse } from './helpers.js'

let ch: ClickHouse
beforeAll(async () => {
  ch = await openTestClickHouse()
  await seedWorld(ch)
})
afterAll(() => closeTestClickHouse(ch))

const values = (field: string, extra: { prefix?: string; limit?: number } = {}) =>
  recentFieldValues(ch, { projectId: PROJECT, field, ...WINDOW, ...extra })

describe('recentFieldValues', () => {
  it('lists distinct values of a text field, most frequent first', async () => {
    expect(await values('environment')).toEqual(['production', 'staging'])
    expect(await values('span.name', { prefix: 'A-R' })).toEqual(['a-retriever', 'a-root'])
    expect(await values('span.model')).toEqual(['claude-sonnet', 'gpt-4o', 'gpt-4o-2024-08-06'])
    expect(await values('trace.name')).toEqual(['a-root', 'b-root', 'd-root', HOSTILE.name])
    expect((await values('prompt')).sort()).toEqual(['support', 'support/3', 'support/4'])
  })

  it('lists values of a keyed field, and keys of a keyed field alone', async () => {
    expect(await values('span.attributes.db.system')).toEqual(['pgvector', 'qdrant'])
    expect(await values(`span.attributes.${HOSTILE.key}`)).toEqual([HOSTILE.value])
    expect(await values('span.attributes', { prefix: 'T' })).toEqual(['top_k'])
    expect(await values('metadata')).toEqual(['tenant', HOSTILE.unicodeKey])
    expect(await values('feedback')).toEqual(['correctness', 'helpful', 'tone'])
    expect(await values('feedback.tone')).toEqual(["it's 'rude'; --", 'polite'])
  })

  it('answers enums from the registry and has nothing for numbers and text', async () => {
    expect(await values('span.kind', { prefix: 're' })).toEqual(['RETRIEVER', 'RERANKER'])
    expect(await values('span.duration_ms')).toEqual([])
    expect(await values('text')).toEqual([])
  })

  it('bounds the answer, the window and the project', async () => {
    expect(await values('span.name', { limit: 2 })).toHaveLength(2)
    expect(await recentFieldValues(ch, { projectId: 'other', field: 'span.name', ...WINDOW })).toEqual([])
    expect(await recentFieldValues(ch, { projectId: PROJECT, field: 'span.name' })).toEqual([])
  })

  it('rejects an unknown field with a FilterError', async () => {
    await expect(values('span.nme')).rejects.toBeInstanceOf(FilterError)
  })
})
