/**
 * Evaluators registered through the API (`POST /api/evaluators`), used by
 * name in a suite beside scorers built in code:
 *
 *   scorers: [scorers.exactMatch(), registered('tone'), registered('policy', 3)]
 *
 * The definition is read when the run starts, pinned to a version (the
 * latest when none is given), so the run records exactly what scored it and
 * online rules and CI score with the same judge. A definition that cannot
 * be built fails the run before any item runs (exit 2), not item by item.
 */
import { type EvaluatorVersion, EvaluatorVersion as EvaluatorVersionSchema } from '@assay/core'
import { calling, expectOk } from '../runner/api/api-error.js'
import type { AssayApi } from '../runner/api/connection.js'
import { checkEvaluatorDefinition, scorerFromDefinition } from '../scorers/from-definition.js'
import type { Scorer } from '../types.js'
import { SuiteError } from './suite-error.js'

export interface RegisteredEvaluatorRef {
  /** The evaluator's name in the registry. */
  registered: string
  /** A version number; absent: the latest when the run starts. */
  version?: number
}

export function registered(name: string, version?: number): RegisteredEvaluatorRef {
  return version === undefined ? { registered: name } : { registered: name, version }
}

export function isRegisteredRef(value: unknown): value is RegisteredEvaluatorRef {
  return typeof value === 'object' && value !== null && 'registered' in value
}

/** Why a ref is malformed, or null. Checked with the rest of the suite, before anything starts. */
export function registeredRefProblem(ref: RegisteredEvaluatorRef): string | null {
  if (typeof ref.registered !== 'string' || ref.registered.trim() === '' || ref.registered.includes('/')) {
    return 'registered() needs an evaluator name (without /)'
  }
  if (ref.version !== undefined && (!Number.isInteger(ref.version) || ref.version < 1)) {
    return `registered('${ref.registered}', ${ref.version}): the version must be a whole number >= 1`
  }
  return null
}

/** The suite's scorers with every registered ref read from the API and built. */
export async function resolveSuiteScorers(
  scorers: readonly (Scorer | RegisteredEvaluatorRef)[],
  api: AssayApi,
): Promise<Scorer[]> {
  return Promise.all(
    scorers.map(async (scorer) => {
      if (!isRegisteredRef(scorer)) return scorer
      const version = await readVersion(api, scorer)
      const evaluator = { name: scorer.registered, version: version.version, definition: version.definition }
      const problem = checkEvaluatorDefinition(evaluator)
      if (problem) {
        throw new SuiteError(`evaluator '${scorer.registered}' v${version.version} cannot run: ${problem}`)
      }
      return scorerFromDefinition(evaluator)
    }),
  )
}

async function readVersion(api: AssayApi, ref: RegisteredEvaluatorRef): Promise<EvaluatorVersion> {
  const version = ref.version === undefined ? 'latest' : String(ref.version)
  const what = `GET /api/evaluators/${ref.registered}/versions/${version}`
  const res = await calling(what, () =>
    api.client.evaluators[':name'].versions[':version'].$get({ param: { name: ref.registered, version } }),
  )
  if ((res.status as number) === 404) {
    const which = ref.version === undefined ? '' : ` at version ${ref.version}`
    throw new SuiteError(`evaluator '${ref.registered}' is not registered${which} at this Assay`)
  }
  const body = await (await expectOk(res, what)).json()
  const parsed = EvaluatorVersionSchema.safeParse(body)
  if (!parsed.success) throw new SuiteError(`${what}: unexpected answer (${parsed.error.message})`)
  return parsed.data
}
