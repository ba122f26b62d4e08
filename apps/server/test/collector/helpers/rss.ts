/** Memory of a process as the kernel reports it (Linux `/proc/<pid>/status`), sampled over time. */
import { readFileSync } from 'node:fs'

export interface Memory {
  /** Resident set size now, in bytes. */
  rss: number
  /** Peak resident set size since the process started (VmHWM), in bytes. */
  hwm: number
}

export function readMemory(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (field: string) =>
      Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') }
  } catch {
    return null
  }
}

/** Samples every `everyMs` until stopped; `stop()` returns the largest RSS seen and the last peak. */
export function sampleMemory(pid: number, everyMs = 100): { stop(): Memory & { samples: number } } {
  const peak = { rss: 0, hwm: 0, samples: 0 }
  const take = () => {
    const m = readMemory(pid)
    if (!m) return
    peak.samples++
    peak.rss = Math.max(peak.rss, m.rss)
    peak.hwm = Math.max(peak.hwm, m.hwm)
  }
  take()
  const timer = setInterval(take, everyMs)
  return {
    stop() {
      clearInterval(timer)
      take()
      return peak
    },
  }
}

export const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`
