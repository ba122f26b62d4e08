/** Request and response bodies of the prompt registry routes, as zod schemas (they make the OpenAPI document). */
import {
  CreatePromptInput,
  JsonSchemaObject,
  Prompt,
  PromptAlias,
  PromptAliasChange,
  PromptAliasName,
  PromptModelConfig,
  PromptName,
  PromptTemplate,
  PromptVersion,
} from '@assay/core'
import { z } from '@hono/zod-openapi'
import { ErrorSchema } from '../../schemas/common.js'

export const error = (description: string) => ({
  content: { 'application/json': { schema: ErrorSchema } },
  description,
})

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

// Core's schemas were built before zod-openapi extended zod: a clone gets `.openapi`.
export const NameParam = PromptName.clone().openapi({
  param: { name: 'name', in: 'path' },
  example: 'support',
})
export const VersionParam = z.coerce
  .number()
  .int()
  .positive()
  .max(2_147_483_647)
  .openapi({ param: { name: 'version', in: 'path' }, example: 3 })
export const AliasParam = PromptAliasName.clone().openapi({
  param: { name: 'alias', in: 'path' },
  example: 'production',
})
export const RefParam = z
  .string()
  .max(400)
  .openapi({ description: '`name` (latest), `name/3` or `name@production`', example: 'support@production' })

export const PromptBody = Prompt.clone().openapi('Prompt')
export const PromptWithAliases = Prompt.extend({ aliases: z.array(PromptAlias) }).openapi('PromptWithAliases')
export const PromptAliasBody = PromptAlias.clone().openapi('PromptAlias')
export const PromptAliasChangeBody = PromptAliasChange.clone().openapi('PromptAliasChange')
export const PromptVersionBody = PromptVersion.extend({ name: z.string() }).openapi('PromptVersion')
export const ResolvedPromptBody = PromptVersion.extend({
  name: z.string(),
  alias: z.string().optional().openapi({ description: 'The alias the reference went through' }),
}).openapi('ResolvedPrompt')

export const CreatePromptBody = CreatePromptInput.clone().openapi('NewPrompt')

export const RegisterVersionBody = z
  .object({
    template: PromptTemplate,
    modelConfig: PromptModelConfig.nullable().optional(),
    responseFormat: JsonSchemaObject.nullable()
      .optional()
      .openapi({ description: 'A JSON Schema for structured output' }),
    commitMessage: z.string().max(4096).optional(),
    author: z.string().max(256).optional(),
    tags: z.record(z.string().max(256), z.string().max(4096)).optional(),
  })
  .openapi('NewPromptVersion')

export const SetAliasBody = z.object({ version: z.number().int().positive() }).openapi('PromptAliasTarget')

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() })
