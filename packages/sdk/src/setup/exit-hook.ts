/**
 * Flushes on the process's normal exit. `beforeExit` fires when the event
 * loop empties; the flush schedules more work, after which it fires again,
 * so it flushes only when spans ended since the last flush would be lost.
 * (`process.exit()` skips `beforeExit`: call `await flush()` before it.)
 */
import { sdkState } from '../state.js'

let installed = false

export function installExitHook(): void {
  if (installed) return
  installed = true
  let flushedUpTo = 0
  process.on('beforeExit', () => {
    const state = sdkState()
    if (state.endedSpans === flushedUpTo) return
    flushedUpTo = state.endedSpans
    void state.flush()
  })
}
