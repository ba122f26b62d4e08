/**
 * Scores one item with every scorer at once. The bound on judge calls is
 * not here but in `context.judgeModel.limiter`, which the judges' model
 * client wraps around each model call: a cache hit or a retry's backoff
 * then holds no slot, and a slot freed by any item's call is taken by the
 * next waiting call of any other item.
 */
import type { EvalItem, ScoreContext, ScoreResult, Scorer } from '../types.js'
import { safeScore } from './safe-score.js'
import { untraced } from './tracing.js'

export function scoreItem(item: EvalItem, scorers: Scorer[], context: ScoreContext): Promise<ScoreResult[]> {
  // The judges' own model calls are not the application's: keep them out of its traces.
  return untraced(() => Promise.all(scorers.map((scorer) => safeScore(scorer, item, context))))
}
