/** Refuses run options that cannot make a meaningful run, before anything is started or recorded. */
import type { RunEvaluationOptions } from './run-types.js'

export function validateRunOptions(options: RunEvaluationOptions): void {
  if (!Array.isArray(options.scorers) || options.scorers.length === 0) {
    throw new TypeError('give at least one scorer')
  }
  const names = new Set<string>()
  for (const scorer of options.scorers) {
    if (!scorer || typeof scorer.score !== 'function' || typeof scorer.name !== 'string' || !scorer.name) {
      throw new TypeError('every scorer needs a name and a score() function')
    }
    // Results are keyed by name (assessments, summaries, thresholds): two scorers may not share one.
    if (names.has(scorer.name)) throw new TypeError(`two scorers are named '${scorer.name}'`)
    names.add(scorer.name)
  }
  if (options.dataset && options.traces) throw new TypeError('give a dataset or a trace filter, not both')
  if (options.dataset) {
    if (typeof options.task !== 'function') throw new TypeError('a dataset needs a task function')
    const rows = Array.isArray(options.dataset) ? options.dataset : options.dataset.rows
    if (rows.length === 0) throw new TypeError('the dataset is empty')
  } else if (options.traces) {
    if (!options.assay) throw new TypeError('scoring stored traces needs an Assay to read them from')
  } else {
    throw new TypeError('give a dataset and a task, or a trace filter')
  }
}
