/**
 * Calibration pairs: for each trace that carries a human assessment and a
 * judge's assessment of the same name, the human's label and the judge's
 * verdict, per judge source (`source_id`: a judge and its version, or a
 * code scorer). The latest of each side wins when a trace has several;
 * assessments with an error carry no verdict and are left out.
 */
import type { AssessmentSourceType, AssessmentValue } from '../assessment.js'

/** The fields of an assessment that calibration reads. */
export interface CalibrationInput {
  trace_id: string
  value: AssessmentValue
  source_type: AssessmentSourceType
  source_id: string
  error: string
  created_at: number
}

export interface CalibrationPair {
  traceId: string
  human: AssessmentValue
  judge: AssessmentValue
}

/** Pairs by judge source, in trace id order. */
export function pairsBySource(assessments: readonly CalibrationInput[]): Map<string, CalibrationPair[]> {
  const humans = new Map<string, CalibrationInput>()
  const judges = new Map<string, Map<string, CalibrationInput>>()
  for (const a of assessments) {
    if (a.error !== '') continue
    if (a.source_type === 'HUMAN') {
      keepLatest(humans, a.trace_id, a)
    } else {
      const bySource = judges.get(a.source_id) ?? new Map<string, CalibrationInput>()
      judges.set(a.source_id, bySource)
      keepLatest(bySource, a.trace_id, a)
    }
  }
  const out = new Map<string, CalibrationPair[]>()
  for (const [source, verdicts] of [...judges].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const pairs: CalibrationPair[] = []
    for (const traceId of [...verdicts.keys()].sort()) {
      const human = humans.get(traceId)
      if (human) pairs.push({ traceId, human: human.value, judge: verdicts.get(traceId)!.value })
    }
    out.set(source, pairs)
  }
  return out
}

function keepLatest(map: Map<string, CalibrationInput>, key: string, a: CalibrationInput): void {
  const seen = map.get(key)
  if (!seen || a.created_at >= seen.created_at) map.set(key, a)
}
