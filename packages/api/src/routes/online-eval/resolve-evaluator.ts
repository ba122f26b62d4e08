/**
 * A rule names its evaluator (and maybe a version); the store keeps the
 * evaluator's id. Resolving here, at the edge, makes a missing evaluator
 * or version a 400 naming the body field rather than a foreign-key error.
 */

import type { AssayDb } from '@assay/store'
import { getEvaluator, getEvaluatorVersion } from '@assay/store'
import { ApiError } from '../../errors.js'

export async function resolveEvaluator(
  db: AssayDb,
  projectId: string,
  name: string,
  version: number | null,
): Promise<{ evaluatorId: string; evaluatorVersion: number | null }> {
  const evaluator = await getEvaluator(db, projectId, name)
  if (!evaluator || evaluator.latestVersion === 0)
    throw new ApiError(400, `body.evaluator: no evaluator named ${name}`, 'body.evaluator')
  if (version !== null && !(await getEvaluatorVersion(db, projectId, name, version)))
    throw new ApiError(
      400,
      `body.evaluatorVersion: evaluator ${name} has no version ${version} (latest is ${evaluator.latestVersion})`,
      'body.evaluatorVersion',
    )
  return { evaluatorId: evaluator.id, evaluatorVersion: version }
}
