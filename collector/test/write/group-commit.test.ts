import { describe, expect, it } from 'vitest'
import { RetryableError } from '../../src/receive/errors.js'
import { GroupCommitter } from '../../src/write/group-commit.js'

function committer(flush: (batches: number[][]) => Promise<void>, maxBufferedBytes = 1_000_000) {
  return new GroupCommitter<number[]>({
    flush,
    rowsOf: (b) => b.length,
    lingerMs: 5,
    maxBatchRows: 100,
    maxBufferedBytes,
    retryAfterSeconds: 2,
  })
}

describe('GroupCommitter', () => {
  it('writes concurrent submissions in one flush and acknowledges each after it', async () => {
    const flushes: number[][][] = []
    const gc = committer(async (batches) => {
      flushes.push(batches)
    })
    await Promise.all([gc.submit([1], 10), gc.submit([2, 3], 10), gc.submit([4], 10)])
    expect(flushes).toEqual([[[1], [2, 3], [4]]])
    expect(gc.pendingBytes).toBe(0)
  })

  it('does not acknowledge before the flush commits', async () => {
    let release!: () => void
    const gc = committer(() => new Promise<void>((r) => (release = r)))
    let acked = false
    const p = gc.submit([1], 1).then(() => (acked = true))
    await new Promise((r) => setTimeout(r, 30))
    expect(acked).toBe(false)
    release()
    await p
    expect(acked).toBe(true)
  })

  it('rejects every submitter of a failed flush, and keeps working after', async () => {
    let fail = true
    const gc = committer(async () => {
      if (fail) throw new Error('store down')
    })
    const results = await Promise.allSettled([gc.submit([1], 1), gc.submit([2], 1)])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    fail = false
    await expect(gc.submit([3], 1)).resolves.toBeUndefined()
  })

  it('splits groups at maxBatchRows', async () => {
    const sizes: number[] = []
    const gc = committer(async (batches) => {
      sizes.push(batches.flat().length)
    })
    const big = Array.from({ length: 60 }, (_, i) => i)
    await Promise.all([gc.submit(big, 1), gc.submit(big, 1), gc.submit(big, 1)])
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(180)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(120)
  })

  it('refuses with a retry delay once the byte budget is used, and accepts again after', async () => {
    let release!: () => void
    const gc = committer(() => new Promise<void>((r) => (release = r)), 100)
    const first = gc.submit([1], 80)
    const refused = gc.submit([2], 30)
    await expect(refused).rejects.toBeInstanceOf(RetryableError)
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 2, status: 429 })
    expect(gc.refused).toBe(1)
    await new Promise((r) => setTimeout(r, 10))
    release()
    await first
    const again = gc.submit([3], 30)
    await new Promise((r) => setTimeout(r, 10))
    release()
    await expect(again).resolves.toBeUndefined()
  })

  it('takes a batch larger than the whole budget when nothing else waits', async () => {
    const gc = committer(async () => {}, 10)
    await expect(gc.submit([1], 50)).resolves.toBeUndefined()
  })

  it('flushes what is queued on close, then refuses new work', async () => {
    const written: number[] = []
    const gc = committer(async (batches) => {
      written.push(...batches.flat())
    })
    const p = gc.submit([1, 2], 1)
    await gc.close()
    await p
    expect(written).toEqual([1, 2])
    await expect(gc.submit([3], 1)).rejects.toMatchObject({ status: 503 })
  })
})

describe('GroupCommitter with two flushes in flight', () => {
  it('starts a second flush while the first runs, and never a third', async () => {
    let running = 0
    let maxRunning = 0
    const releases: (() => void)[] = []
    const gc = new GroupCommitter<number[]>({
      flush: () =>
        new Promise<void>((resolve) => {
          running++
          maxRunning = Math.max(maxRunning, running)
          releases.push(() => {
            running--
            resolve()
          })
        }),
      rowsOf: (b) => b.length,
      lingerMs: 1,
      maxBatchRows: 100,
      maxBufferedBytes: 1_000_000,
      retryAfterSeconds: 1,
      maxConcurrentFlushes: 2,
    })
    const all = [gc.submit([1], 1)]
    await new Promise((r) => setTimeout(r, 10))
    all.push(gc.submit([2], 1))
    await new Promise((r) => setTimeout(r, 10))
    all.push(gc.submit([3], 1), gc.submit([4], 1))
    await new Promise((r) => setTimeout(r, 10))
    expect(running).toBe(2)
    while (releases.length > 0) {
      releases.shift()!()
      await new Promise((r) => setTimeout(r, 5))
    }
    await Promise.all(all)
    expect(maxRunning).toBe(2)
    expect(gc.pendingBytes).toBe(0)
  })
})
