/**
 * Progress while a run goes: a bar redrawn in place on a terminal, plain
 * lines otherwise (CI logs keep every line, so a line per 10% is enough,
 * plus one per item error).
 */
import type { RunProgress } from '../runner/run-types.js'

export interface ProgressSink {
  isTTY?: boolean
  columns?: number
  write(text: string): unknown
}

export function progressReporter(out: ProgressSink): { update(p: RunProgress): void; end(): void } {
  let lastTenth = -1
  let drawn = false
  return {
    update(p) {
      if (out.isTTY) {
        const width = Math.max(10, Math.min(40, (out.columns ?? 80) - 40))
        const filled = Math.round((p.done / p.total) * width)
        const errors = p.itemErrors ? ` ${p.itemErrors} errors` : ''
        out.write(
          `\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${p.done}/${p.total}${errors}\x1b[K`,
        )
        drawn = true
        return
      }
      if (p.item.error) out.write(`item ${p.item.id}: ${p.item.error}\n`)
      const tenth = Math.floor((p.done / p.total) * 10)
      if (tenth !== lastTenth || p.done === p.total) {
        lastTenth = tenth
        out.write(`${p.done}/${p.total} items scored${p.itemErrors ? ` (${p.itemErrors} errors)` : ''}\n`)
      }
    },
    end() {
      if (drawn) out.write('\n')
    },
  }
}
