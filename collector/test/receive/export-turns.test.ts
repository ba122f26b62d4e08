import { describe, expect, it } from 'vitest'
import { inTurn } from '../../src/receive/export-turns.js'

const busy = (ms: number) => {
  const end = performance.now() + ms
  while (performance.now() < end) {}
}

describe('export turns', () => {
  it('runs one export per event-loop turn, so a callback that fell due during one runs before the next', async () => {
    const order: string[] = []
    let timer: Promise<void> | undefined
    const work = (name: string) => () => {
      order.push(name)
      // The first export's work schedules a timer that is due as soon as it ends.
      timer ??= new Promise<void>((resolve) =>
        setTimeout(() => {
          order.push('timer')
          resolve()
        }, 0),
      )
      busy(20)
      return name
    }
    const results = await Promise.all([inTurn(1, work('a')), inTurn(2, work('b')), inTurn(3, work('c'))])
    await timer
    expect(results).toEqual(['a', 'b', 'c'])
    // Run back to back, all three would come before the timer.
    expect(order).toEqual(['a', 'timer', 'b', 'c'])
  })

  it("never runs the work in the caller's turn", () => {
    let ran = false
    void inTurn(null, () => {
      ran = true
    })
    expect(ran).toBe(false)
  })

  it('resolves to what the work returns, awaited, and rejects with what it throws', async () => {
    await expect(inTurn(2, async (x) => x * 21)).resolves.toBe(42)
    const boom = new Error('undecodable')
    await expect(
      inTurn(0, () => {
        throw boom
      }),
    ).rejects.toBe(boom)
    // A failed export does not stop the queue.
    await expect(inTurn('next', (x) => x)).resolves.toBe('next')
  })
})
