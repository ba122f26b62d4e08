import type { Assessment } from '@assay/core'
import type { CalibrationPair } from './calibrate.js'

/** The pairs of one judge (source id) on one assessment name. */
export interface CalibrationGroup {
  /** The judge, e.g. `judge:correctness@1`: each version is calibrated on its own. */
  sourceId: string
  name: string
  pairs: (CalibrationPair & { traceId: string; spanId: string })[]
}

/**
 * Pairs human and judge assessments of the same thing: per trace, span
 * and assessment name, the latest valid HUMAN assessment with the latest
 * valid LLM_JUDGE assessment of each judge (a judge re-run on the same
 * trace counts once). Overridden or deleted rows (`valid: false`) and
 * error rows are skipped. Groups are sorted by source id, then name.
 */
export function calibrationPairs(assessments: readonly Assessment[]): CalibrationGroup[] {
  const humans = new Map<string, Assessment>()
  const judges = new Map<string, Map<string, Assessment>>()
  for (const a of assessments) {
    if (!a.valid || a.error !== '' || a.type !== 'feedback') continue
    const target = JSON.stringify([a.trace_id, a.span_id, a.name])
    if (a.source_type === 'HUMAN') {
      if (isLater(a, humans.get(target))) humans.set(target, a)
    } else if (a.source_type === 'LLM_JUDGE') {
      const bySource = judges.get(target) ?? new Map<string, Assessment>()
      if (isLater(a, bySource.get(a.source_id))) bySource.set(a.source_id, a)
      judges.set(target, bySource)
    }
  }
  const groups = new Map<string, CalibrationGroup>()
  for (const [target, bySource] of judges) {
    const human = humans.get(target)
    if (!human) continue
    for (const judge of bySource.values()) {
      const key = JSON.stringify([judge.source_id, judge.name])
      const group = groups.get(key) ?? { sourceId: judge.source_id, name: judge.name, pairs: [] }
      group.pairs.push({
        traceId: judge.trace_id,
        spanId: judge.span_id,
        human: human.value,
        judge: judge.value,
      })
      groups.set(key, group)
    }
  }
  return [...groups.values()].sort((a, b) =>
    a.sourceId === b.sourceId ? compare(a.name, b.name) : compare(a.sourceId, b.sourceId),
  )
}

function isLater(candidate: Assessment, current: Assessment | undefined): boolean {
  if (!current) return true
  if (candidate.created_at !== current.created_at) return candidate.created_at > current.created_at
  return candidate.assessment_id > current.assessment_id
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
