/** Request and response bodies of the evaluation-run routes, as zod schemas (they make the OpenAPI document). */
// Core schemas exist before @hono/zod-openapi adds `.openapi`; `.extend({})` makes a copy that has it.
import {
  CreateEvaluationRunInput,
  EvaluationRun,
  EvaluationRunStatus,
  UpdateEvaluationRunInput,
} from '@assay/core'
import { z } from '@hono/zod-openapi'
import { CursorParam, LimitParam } from '../search/schemas.js'

export const RunSchema = EvaluationRun.extend({}).openapi('EvaluationRun')
export const RunPage = z.object({ items: z.array(RunSchema), nextCursor: z.string().optional() })

export const NewRun = CreateEvaluationRunInput.extend({}).openapi('NewEvaluationRun', {
  example: {
    name: 'nightly',
    datasetId: '0b7d3c1e-2f4a-4c8e-9d6b-1a2e3f4c5d6e',
    datasetVersion: 4,
    loggedModelId: '3f1c2b9e-7d4a-4e55-9a0b-6c2d8e1f4a77',
    evaluators: [{ name: 'correctness' }, { name: 'exact', version: 2 }],
    status: 'running',
    config: { concurrency: 8 },
  },
})

export const RunPatch = UpdateEvaluationRunInput.extend({}).openapi('EvaluationRunPatch', {
  example: {
    status: 'completed',
    summary: {
      itemCount: 50,
      scorers: { correctness: { count: 50, errorCount: 1, mean: 0.84, passRate: 0.84 } },
      costUsd: 0.42,
      durationMs: 61_000,
    },
  },
})

export const RunIdParam = z
  .string()
  .min(1)
  .max(128)
  .openapi({ param: { name: 'id', in: 'path' }, example: '7c9e6679-7425-40de-944b-e07fc1f90ae7' })

/** Filters of a run list; `model_id` is left out where the path names the model. */
export const RunListQuery = z.object({
  model_id: z.string().max(128).optional().openapi({ description: 'Runs of this LoggedModel' }),
  dataset_id: z.string().max(128).optional().openapi({ description: 'Runs on this dataset' }),
  status: EvaluationRunStatus.optional(),
  limit: LimitParam.optional(),
  cursor: CursorParam.optional(),
})
