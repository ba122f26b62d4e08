/**
 * Deterministic sampling: a trace is in a rule's sample when a hash of the
 * rule id and trace id, read as a number in [0, 1), is below the rate. Every
 * process (and every pass over the same trace) makes the same decision, so
 * scaling out or re-matching never changes which traces are scored.
 */
import { createHash } from 'node:crypto'

const SCALE = 2 ** 48

export function inSample(ruleId: string, traceId: string, rate: number): boolean {
  if (rate >= 1) return true
  if (rate <= 0) return false
  const digest = createHash('sha256').update(`${ruleId}\u0000${traceId}`).digest()
  return digest.readUIntBE(0, 6) / SCALE < rate
}
