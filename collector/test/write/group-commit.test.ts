import { describe, expect, it } from 'vitest'
import { RetryableError } from '../../src/receive/errors.js'
import { type Appended, GroupCommitter } from '../../src/write/group-commit.js'

/** A group is the list of batches appended to it; a batch is a list of rows. */
type Group = number[][]

/** Appends `batch` as `bytes` bytes; undo takes it back out. */
const add =
  (batch: number[], bytes: number) =>
  (group: Group): Appended => {
    group.push(batch)
    return { rows: batch.length, bytes, undo: () => void group.splice(group.indexOf(batch), 1) }
  }

function committer(
  flush: (group: Group) => Promise<void>,
  maxBufferedBytes = 1_000_000,
  released: Group[] = [],
) {
  return new GroupCommitter<Group>({
    createGroup: () => [],
    flush,
    releaseGroup: (g) => released.push(g),
    lingerMs: 5,
    maxBatchRows: 100,
    maxBufferedBytes,
    retryAfterSeconds: 2,
  })
}

/** `gc.submit(add(batch, bytes))`, the old shape, for brevity. */
const submit = (gc: GroupCommitter<Group>, batch: number[], bytes: number) => gc.submit(add(batch, bytes))

describe('GroupCommitter', () => {
  it('writes concurrent submissions in one flush and acknowledges each after it', async () => {
    const flushes: Group[] = []
    const gc = committer(async (group) => {
      flushes.push([...group])
    })
    await Promise.all([submit(gc, [1], 10), submit(gc, [2, 3], 10), submit(gc, [4], 10)])
    expect(flushes).toEqual([[[1], [2, 3], [4]]])
    expect(gc.pendingBytes).toBe(0)
  })

  it('does not acknowledge before the flush commits', async () => {
    let release!: () => void
    const gc = committer(() => new Promise<void>((r) => (release = r)))
    let acked = false
    const p = submit(gc, [1], 1).then(() => (acked = true))
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
    const results = await Promise.allSettled([submit(gc, [1], 1), submit(gc, [2], 1)])
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected'])
    fail = false
    await expect(submit(gc, [3], 1)).resolves.toBeUndefined()
  })

  it('splits groups at maxBatchRows', async () => {
    const sizes: number[] = []
    const gc = committer(async (group) => {
      sizes.push(group.flat().length)
    })
    const big = Array.from({ length: 60 }, (_, i) => i)
    await Promise.all([submit(gc, big, 1), submit(gc, big, 1), submit(gc, big, 1)])
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(180)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(120)
  })

  it('refuses with a retry delay once the byte budget is used, and accepts again after', async () => {
    let release!: () => void
    const gc = committer(() => new Promise<void>((r) => (release = r)), 100)
    const first = submit(gc, [1], 80)
    const refused = submit(gc, [2], 30)
    await expect(refused).rejects.toBeInstanceOf(RetryableError)
    await expect(refused).rejects.toMatchObject({ retryAfterSeconds: 2, status: 429 })
    expect(gc.refused).toBe(1)
    await new Promise((r) => setTimeout(r, 10))
    release()
    await first
    const again = submit(gc, [3], 30)
    await new Promise((r) => setTimeout(r, 10))
    release()
    await expect(again).resolves.toBeUndefined()
  })

  it('takes a batch larger than the whole budget when nothing else waits', async () => {
    const gc = committer(async () => {}, 10)
    await expect(submit(gc, [1], 50)).resolves.toBeUndefined()
  })

  it('flushes what is queued on close, then refuses new work', async () => {
    const written: number[] = []
    const gc = committer(async (group) => {
      written.push(...group.flat())
    })
    const p = submit(gc, [1, 2], 1)
    await gc.close()
    await p
    expect(written).toEqual([1, 2])
    await expect(submit(gc, [3], 1)).rejects.toMatchObject({ status: 503 })
  })
})

describe('GroupCommitter groups', () => {
  it('takes a refused export back out of the group it was appended to', async () => {
    let release!: () => void
    const flushed: Group[] = []
    const gc = committer((group) => {
      flushed.push([...group])
      return new Promise<void>((r) => (release = r))
    }, 100)
    const first = submit(gc, [1], 80)
    await expect(submit(gc, [2], 30)).rejects.toMatchObject({ status: 429 })
    await new Promise((r) => setTimeout(r, 20))
    release()
    await first
    expect(flushed).toEqual([[[1]]])
    expect(gc.pendingBytes).toBe(0)
  })

  it('rejects only the export whose append throws; its neighbours in the group are written', async () => {
    const flushed: Group[] = []
    const gc = committer(async (group) => {
      flushed.push([...group])
    })
    const boom = new Error('row cannot be serialized')
    const results = await Promise.allSettled([
      submit(gc, [1], 1),
      gc.submit(() => {
        throw boom
      }),
      submit(gc, [2], 1),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((results[1] as PromiseRejectedResult).reason).toBe(boom)
    expect(flushed).toEqual([[[1], [2]]])
  })

  it('hands each group back once its flush has settled, success or failure, and never while it is written', async () => {
    const released: Group[] = []
    let fail = false
    let writing: Group | undefined
    const gc = committer(
      async (group) => {
        writing = group
        await new Promise((r) => setTimeout(r, 5))
        expect(released).not.toContain(group)
        writing = undefined
        if (fail) throw new Error('store down')
      },
      1_000_000,
      released,
    )
    await submit(gc, [1], 1)
    fail = true
    await expect(submit(gc, [2], 1)).rejects.toThrow('store down')
    expect(writing).toBeUndefined()
    expect(released.map((g) => g.flat())).toEqual([[1], [2]])
  })

  it('answers an export with no rows at once, without a flush', async () => {
    let flushes = 0
    const gc = committer(async () => {
      flushes++
    })
    await expect(gc.submit(() => ({ rows: 0, bytes: 0, undo() {} }))).resolves.toBeUndefined()
    await new Promise((r) => setTimeout(r, 20))
    expect(flushes).toBe(0)
  })
})

describe('GroupCommitter with two flushes in flight', () => {
  it('starts a second flush while the first runs, and never a third', async () => {
    let running = 0
    let maxRunning = 0
    const releases: (() => void)[] = []
    const gc = new GroupCommitter<Group>({
      createGroup: () => [],
      flush: () =>
        new Promise<void>((resolve) => {
          running++
          maxRunning = Math.max(maxRunning, running)
          releases.push(() => {
            running--
            resolve()
          })
        }),
      lingerMs: 1,
      maxBatchRows: 100,
      maxBufferedBytes: 1_000_000,
      retryAfterSeconds: 1,
      maxConcurrentFlushes: 2,
    })
    const all = [submit(gc, [1], 1)]
    await new Promise((r) => setTimeout(r, 10))
    all.push(submit(gc, [2], 1))
    await new Promise((r) => setTimeout(r, 10))
    all.push(submit(gc, [3], 1), submit(gc, [4], 1))
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
