/**
 * Export processing takes turns with I/O: each export's synchronous work
 * (decode, normalize, serialize: ~10-20 ms for 500 spans) runs in its own
 * event-loop turn, one export per turn, instead of in the callback that
 * completed its body.
 *
 * Why: when many exports arrive together (clients acknowledged by the same
 * flush send their next batch at once), their bodies complete in one burst
 * and, run where they complete, they queue up back to back ahead of every
 * other callback. An insert that finished meanwhile then waited behind all
 * of them before the writer could hand the engine its next group, and on
 * the ingest bench the engine sat idle for a quarter of the time. Taking
 * turns, a finished insert waits for at most one export's work: the
 * poll phase, where I/O completions land, runs between turns.
 */

type Task = () => void

const queue: Task[] = []
let scheduled = false

function runOne(): void {
  const task = queue.shift()
  if (queue.length > 0) setImmediate(runOne)
  else scheduled = false
  task?.()
}

/**
 * `work(input)` in a later turn of its own; resolves to what it returns.
 * `input` is held only until `work` runs, so a request body handed over
 * here is not kept alive while the export waits for its commit.
 */
export function inTurn<T, R>(input: T, work: (input: T) => R | Promise<R>): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    // The queue drops this task once it has run, and `input` with it.
    queue.push(() => {
      try {
        resolve(work(input))
      } catch (error) {
        reject(error)
      }
    })
    if (!scheduled) {
      scheduled = true
      setImmediate(runOne)
    }
  })
}
