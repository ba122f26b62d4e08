/**
 * Checks a loaded suite's exports before anything runs, so a typo is one
 * clear line (exit 2) rather than a crash halfway through a run.
 */
import { isRegisteredRef, registeredRefProblem } from './registered-evaluator.js'
import type { EvalSuite } from './suite-definition.js'
import { SuiteError } from './suite-error.js'

const THRESHOLD_KEYS = new Set(['minMean', 'minPassRate', 'maxErrorRate'])

export function validateSuite(value: Partial<EvalSuite>, file: string): EvalSuite {
  const fail = (message: string): never => {
    throw new SuiteError(`${file}: ${message}`)
  }
  if (!value || typeof value !== 'object') fail('the suite must export an object')
  const { dataset, task, scorers, thresholds, concurrency, name } = value
  if (dataset === undefined) fail("the suite exports no 'dataset' (a file path, rows, or { registry })")
  if (
    typeof dataset !== 'string' &&
    !Array.isArray(dataset) &&
    (typeof dataset !== 'object' || typeof (dataset as { registry?: unknown }).registry !== 'string')
  ) {
    fail("'dataset' must be a file path, an array of rows, or { registry: name, version? }")
  }
  if (typeof task !== 'function') fail("the suite exports no 'task' function")
  if (!Array.isArray(scorers) || scorers.length === 0) fail("'scorers' must be a non-empty array")
  const names = new Set<string>()
  for (const [i, scorer] of scorers!.entries()) {
    let name: string
    if (isRegisteredRef(scorer)) {
      const problem = registeredRefProblem(scorer)
      if (problem) fail(`scorers[${i}]: ${problem}`)
      name = scorer.registered
    } else {
      if (!scorer || typeof scorer.score !== 'function' || typeof scorer.name !== 'string') {
        fail(`scorers[${i}] is not a scorer (it needs a name and a score() function, or registered('name'))`)
      }
      name = scorer.name
    }
    if (name === 'overall') fail("no scorer may be named 'overall' (it names the whole-run threshold)")
    if (names.has(name)) fail(`two scorers are named '${name}'`)
    names.add(name)
  }
  if (name !== undefined && (typeof name !== 'string' || name.trim() === ''))
    fail("'name' must be a non-empty string")
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
    fail("'concurrency' must be a whole number >= 1")
  }
  for (const [scope, threshold] of Object.entries(thresholds ?? {})) {
    if (scope !== 'overall' && !names.has(scope)) fail(`thresholds name '${scope}', which is not a scorer`)
    if (!threshold || typeof threshold !== 'object') fail(`thresholds.${scope} must be an object`)
    for (const [key, bound] of Object.entries(threshold!)) {
      if (!THRESHOLD_KEYS.has(key) || (scope === 'overall' && key === 'minMean')) {
        fail(`thresholds.${scope}.${key} is not a threshold (use minMean, minPassRate, maxErrorRate)`)
      }
      if (typeof bound !== 'number' || !Number.isFinite(bound))
        fail(`thresholds.${scope}.${key} must be a number`)
    }
  }
  return value as EvalSuite
}
