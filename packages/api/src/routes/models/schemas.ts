/** Request and response bodies of the LoggedModel routes, as zod schemas (they make the OpenAPI document). */
// Core schemas exist before @hono/zod-openapi adds `.openapi`; `.extend({})` makes a copy that has it.
import {
  CreateLoggedModelInput,
  FinalLoggedModelStatus,
  LoggedModel,
  LoggedModelStatus,
  LoggedModelTagsPatch,
} from '@assay/core'
import { z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'
import { CursorParam, LimitParam } from '../search/schemas.js'

export const LoggedModelSchema = LoggedModel.extend({}).openapi('LoggedModel')

export const NewLoggedModel = CreateLoggedModelInput.extend({}).openapi('NewLoggedModel', {
  example: {
    name: 'support-bot',
    params: { model: 'gpt-4o', temperature: 0.2, rerank: true },
    tags: { team: 'support' },
    git: { commit: '9fceb02', branch: 'main', dirty: false },
    source: 'sdk',
    status: 'ready',
  },
})

export const ModelIdParam = z
  .string()
  .min(1)
  .max(128)
  .openapi({ param: { name: 'id', in: 'path' }, example: '3f1c2b9e-7d4a-4e55-9a0b-6c2d8e1f4a77' })

/** A query parameter that may be given several times (`?tag=a=1&tag=b=2`). */
const repeatable = (description: string, example: string) =>
  z
    .union([z.string().max(1024), z.array(z.string().max(1024)).max(64)])
    .optional()
    .openapi({ description, example })

export const SearchModelsQuery = z.object({
  name: z.string().max(256).optional().openapi({ description: 'Exact name' }),
  status: LoggedModelStatus.optional(),
  param: repeatable(
    '`key=value`, repeatable: the param equals the value (a number matches numerically, `true`/`false` a boolean)',
    'temperature=0.2',
  ),
  tag: repeatable('`key=value`, repeatable: the tag equals the value', 'team=search'),
  metric: repeatable(
    "`scorer<op>number` with op one of >=, <=, >, <, =, repeatable: the mean of that scorer in the model's latest completed evaluation run",
    'correctness>=0.8',
  ),
  limit: LimitParam.optional(),
  cursor: CursorParam.optional(),
})

export const ModelPage = z.object({ items: z.array(LoggedModelSchema), nextCursor: z.string().optional() })

export const TagsPatchBody = z
  .object({ tags: LoggedModelTagsPatch })
  .openapi('LoggedModelTagsPatch', { example: { tags: { team: 'search', experiment: null } } })

export const FinalizeBody = z.object({ status: FinalLoggedModelStatus }).openapi('LoggedModelFinalize')

export const errorResponse = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})
