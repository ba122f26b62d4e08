// The on-disk judge cache: a hit makes no HTTP call; failures and unusable
// answers are never cached; the key covers what determines the answer.
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineJudge, judges } from '../../src/index.js'
import { useJudgeServer } from '../support/judge-server.js'

const ctx = useJudgeServer()
let cacheDir: string
beforeEach(async () => {
  cacheDir = await mkdtemp(join(tmpdir(), 'assay-judge-cache-'))
})
afterEach(() => rm(cacheDir, { recursive: true, force: true }))

const item = (marker = '') => ({ inputs: 'q', outputs: `a ${marker}`, expectations: 'a' })
const cached = (extra = {}) => ctx.options({ cacheDir, ...extra })

async function cacheFiles(): Promise<string[]> {
  const entries = await readdir(cacheDir, { recursive: true })
  return entries.filter((e) => e.endsWith('.json') || e.endsWith('.tmp'))
}

describe('judge cache', () => {
  it('answers the second identical call from disk with zero HTTP calls', async () => {
    const first = await judges.safety(cached()).score(item('[[set:verdict=unsafe]]'))
    expect(ctx.server.callCount()).toBe(1)
    const second = await judges.safety(cached()).score(item('[[set:verdict=unsafe]]'))
    expect(ctx.server.callCount()).toBe(1)
    expect(second).toMatchObject({ label: 'unsafe', value: 0, rationale: first.rationale, error: null })
    expect(second.usage).toEqual({ calls: 1, cachedCalls: 1, inputTokens: 0, outputTokens: 0, costUsd: 0 })
    const files = await cacheFiles()
    expect(files).toHaveLength(1)
    expect(files[0]).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.json$/)
  })

  it('takes the cache directory from the run context, and a hit takes no limiter slot', async () => {
    let slots = 0
    const limiter = async <T>(fn: () => Promise<T>) => {
      slots++
      return fn()
    }
    const judge = judges.safety(ctx.options({ cacheDir: undefined }))
    await judge.score(item(), { judgeModel: { cacheDir, limiter } })
    await judge.score(item(), { judgeModel: { cacheDir, limiter } })
    expect(ctx.server.callCount()).toBe(1)
    expect(slots).toBe(1)
  })

  it('never caches unusable answers or failed calls', async () => {
    await judges.safety(cached()).score(item('[[malformed-json]]'))
    await judges.safety(cached()).score(item('[[malformed-json]]'))
    expect(ctx.server.callCount()).toBe(2)
    await judges.safety(cached({ maxAttempts: 1 })).score(item('[[error:500]]'))
    await judges.safety(cached({ maxAttempts: 1 })).score(item('[[error:500]]'))
    expect(ctx.server.callCount()).toBe(4)
    expect(await cacheFiles()).toHaveLength(0)
  })

  it('misses when anything that determines the answer changes', async () => {
    const template = 'Is <answer>{{outputs}}</answer> fine?'
    const choices = [
      { label: 'yes', score: 1 },
      { label: 'no', score: 0 },
    ]
    const variants = [
      defineJudge({ name: 'fine', version: 1, template, choices }, cached()),
      defineJudge({ name: 'fine', version: 2, template, choices }, cached()),
      defineJudge({ name: 'fine2', version: 1, template, choices }, cached()),
      defineJudge({ name: 'fine', version: 1, template: `${template} `, choices }, cached()),
      defineJudge({ name: 'fine', version: 1, template, choices: [...choices].reverse() }, cached()),
      defineJudge({ name: 'fine', version: 1, template, choices, model: 'other' }, cached()),
      defineJudge({ name: 'fine', version: 1, template, choices, modelParams: { temperature: 0 } }, cached()),
    ]
    for (const judge of variants) await judge.score(item())
    expect(ctx.server.callCount()).toBe(variants.length)
    // Streaming changes how the answer travels, not what it is: a hit.
    const streamed = defineJudge(
      { name: 'fine', version: 1, template, choices, modelParams: { temperature: 0, stream: true } },
      cached(),
    )
    await streamed.score(item())
    expect(ctx.server.callCount()).toBe(variants.length)
    // Parameter key order does not matter either.
    const reordered = defineJudge(
      { name: 'fine', version: 1, template, choices, modelParams: { seed: 1, temperature: 0 } },
      cached(),
    )
    const same = defineJudge(
      { name: 'fine', version: 1, template, choices, modelParams: { temperature: 0, seed: 1 } },
      cached(),
    )
    await reordered.score(item())
    await same.score(item())
    expect(ctx.server.callCount()).toBe(variants.length + 1)
  })

  it('treats a corrupt cache file as a miss and replaces it', async () => {
    await judges.safety(cached()).score(item())
    const [file] = await cacheFiles()
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(cacheDir, file!), '{"key":')
    const result = await judges.safety(cached()).score(item())
    expect(result.error).toBeNull()
    expect(ctx.server.callCount()).toBe(2)
    await judges.safety(cached()).score(item())
    expect(ctx.server.callCount()).toBe(2)
  })
})
