/** How a model's evaluation metrics read: a run summary's scorers as pass rate (else mean). */
import type { Run } from '@/lib/api-types'

export type Summary = NonNullable<Run['summary']>
export type ScorerSummary = Summary['scorers'][string]

export const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '–' : `${(v * 100).toFixed(v >= 0.995 || v === 0 ? 0 : 1)}%`

/** A scorer's headline number: the pass rate when it has verdicts, else the mean. */
export function headline(s: ScorerSummary | undefined): string {
  if (!s) return '–'
  if (s.passRate !== null && s.passRate !== undefined) return pct(s.passRate)
  if (s.mean !== null && s.mean !== undefined) return s.mean.toFixed(3).replace(/0+$/, '').replace(/\.$/, '')
  return '–'
}

/** A short commit, with a mark when the tree was dirty. */
export function commitText(git: { commit: string | null; dirty: boolean | null }): string {
  if (!git.commit) return '–'
  return `${git.commit.slice(0, 7)}${git.dirty ? '*' : ''}`
}

export const tracesHref = (modelId: string) =>
  `/traces?${new URLSearchParams({ filter: `model.id = '${modelId}'`, range: '30d' })}`
