/** Request and response bodies of the evaluator routes, as zod schemas (they make the OpenAPI document). */
// Core schemas exist before @hono/zod-openapi adds `.openapi`; `.extend({})` makes a copy that has it.
import { CreateEvaluatorInput, Evaluator, EvaluatorVersion } from '@assay/core'
import { z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'

export const EvaluatorSchema = Evaluator.extend({}).openapi('Evaluator')
export const EvaluatorVersionSchema = EvaluatorVersion.extend({}).openapi('EvaluatorVersion')

export const NewEvaluator = CreateEvaluatorInput.extend({}).openapi('NewEvaluator', {
  example: {
    name: 'exact',
    description: 'Answer equals the expected answer',
    definition: { type: 'code', scorer: 'exact_match', params: { ignoreCase: true } },
  },
})

export const SavedEvaluator = z
  .object({ evaluator: EvaluatorSchema, version: EvaluatorVersionSchema })
  .openapi('SavedEvaluator')

export const EvaluatorNameParam = z
  .string()
  .min(1)
  .max(256)
  .openapi({ param: { name: 'name', in: 'path' }, example: 'correctness' })

export const VersionParam = z
  .string()
  .regex(/^(latest|[1-9][0-9]{0,8})$/, 'must be a version number or latest')
  .openapi({ param: { name: 'version', in: 'path' }, example: '2' })

export const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

export const ok = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
