/**
 * Calls one scorer on one item and never throws: the contract says a scorer
 * returns its failures, but a user's custom scorer may still throw, and
 * one item's bad scorer must not end the run.
 */
import type { EvalItem, ScoreContext, ScoreResult, Scorer } from '../types.js'

export async function safeScore(scorer: Scorer, item: EvalItem, context: ScoreContext): Promise<ScoreResult> {
  try {
    const result = await scorer.score(item, context)
    return { ...result, name: result.name || scorer.name }
  } catch (error) {
    return failedScore(scorer, `scorer threw: ${messageOf(error)}`)
  }
}

/** The result recorded for a scorer that could not score (its own error, or the item's). */
export function failedScore(scorer: Scorer, error: string): ScoreResult {
  return {
    name: scorer.name,
    value: null,
    rationale: '',
    passed: null,
    error,
    sourceType: scorer.kind === 'judge' ? 'LLM_JUDGE' : 'CODE',
    sourceId: `${scorer.kind}:${scorer.name}`,
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
