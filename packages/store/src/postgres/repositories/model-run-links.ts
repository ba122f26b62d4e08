/**
 * What a new evaluation run points at, checked against its own project
 * before it is stored: the LoggedModel, the dataset and a version it has
 * reached (its current version when none is given), and each evaluator at
 * a version it has (its latest when none is given). Foreign keys alone
 * would accept another project's records; a failure names the input field.
 */
import type { CreateEvaluationRunInput, EvaluatorRef } from '@assay/core'
import { and, eq } from 'drizzle-orm'
import type { AssayDb } from '../db.js'
import { datasets, loggedModels } from '../schema/index.js'
import { getEvaluator, getEvaluatorVersion } from './evaluators.js'
import { RecordInputError } from './model-errors.js'

type RunInput = ReturnType<typeof CreateEvaluationRunInput.parse>

export interface RunLinks {
  datasetId: string | null
  datasetVersion: number | null
  loggedModelId: string | null
  evaluators: EvaluatorRef[]
}

export async function checkRunLinks(db: AssayDb, projectId: string, run: RunInput): Promise<RunLinks> {
  if (run.loggedModelId !== null) {
    const [model] = await db
      .select({ id: loggedModels.id })
      .from(loggedModels)
      .where(and(eq(loggedModels.projectId, projectId), eq(loggedModels.id, run.loggedModelId)))
    if (!model) {
      throw new RecordInputError('not_found', 'loggedModelId', `no LoggedModel ${run.loggedModelId}`)
    }
  }
  return {
    ...(await checkDataset(db, projectId, run)),
    loggedModelId: run.loggedModelId,
    evaluators: await resolveEvaluators(db, projectId, run.evaluators),
  }
}

async function checkDataset(db: AssayDb, projectId: string, run: RunInput) {
  if (run.datasetId === null) {
    if (run.datasetVersion !== null) {
      throw new RecordInputError('invalid', 'datasetVersion', 'a dataset version needs a datasetId')
    }
    return { datasetId: null, datasetVersion: null }
  }
  const [dataset] = await db
    .select({ version: datasets.version })
    .from(datasets)
    .where(and(eq(datasets.projectId, projectId), eq(datasets.id, run.datasetId)))
  if (!dataset) throw new RecordInputError('not_found', 'datasetId', `no dataset ${run.datasetId}`)
  if (run.datasetVersion !== null && run.datasetVersion > dataset.version) {
    throw new RecordInputError(
      'invalid',
      'datasetVersion',
      `dataset ${run.datasetId} is at version ${dataset.version}, not ${run.datasetVersion}`,
    )
  }
  return { datasetId: run.datasetId, datasetVersion: run.datasetVersion ?? dataset.version }
}

async function resolveEvaluators(
  db: AssayDb,
  projectId: string,
  refs: RunInput['evaluators'],
): Promise<EvaluatorRef[]> {
  const resolved: EvaluatorRef[] = []
  for (const [i, ref] of refs.entries()) {
    const found = await getEvaluatorVersion(db, projectId, ref.name, ref.version)
    if (!found) {
      const named = ref.version !== undefined && (await getEvaluator(db, projectId, ref.name))
      throw named
        ? new RecordInputError(
            'not_found',
            `evaluators.${i}.version`,
            `evaluator ${ref.name} has no version ${ref.version}`,
          )
        : new RecordInputError('not_found', `evaluators.${i}.name`, `no evaluator ${ref.name}`)
    }
    resolved.push({ name: ref.name, version: found.version })
  }
  return resolved
}
