import { z } from 'zod'
import { ProjectId } from './project.js'

/**
 * The prompt registry. A Prompt is a name; its PromptVersions are immutable
 * templates numbered 1, 2, 3...; aliases (`production`, `staging`, any
 * name) point at a version and move. `latest` always means the highest
 * version and is reserved, so it can never be set by hand.
 */

/** `{{name}}` or `{{ name }}`; names are identifiers, optionally dotted. */
export const PROMPT_VARIABLE_PATTERN = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g

export const PROMPT_MESSAGE_ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const

export const PromptMessage = z.object({
  role: z.enum(PROMPT_MESSAGE_ROLES),
  /** May contain `{{variable}}` placeholders. */
  content: z.string(),
})
export type PromptMessage = z.infer<typeof PromptMessage>

/** Stands for a whole list of messages (e.g. a conversation history) supplied at format time. */
export const MessagesPlaceholder = z.object({
  type: z.literal('placeholder'),
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/),
})
export type MessagesPlaceholder = z.infer<typeof MessagesPlaceholder>

export const PromptTemplate = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string() }),
  z.object({
    type: z.literal('chat'),
    messages: z.array(z.union([PromptMessage, MessagesPlaceholder])).min(1),
  }),
])
export type PromptTemplate = z.infer<typeof PromptTemplate>

/** Model settings saved with a version; unknown provider-specific keys are kept. */
export const PromptModelConfig = z.looseObject({
  provider: z.string().optional(),
  model: z.string().optional(),
  temperature: z.number().optional(),
  maxTokens: z.number().int().positive().optional(),
  topP: z.number().optional(),
  stop: z.array(z.string()).optional(),
})
export type PromptModelConfig = z.infer<typeof PromptModelConfig>

/** A JSON Schema for structured output. */
export const JsonSchemaObject = z.record(z.string(), z.unknown())

export const RESERVED_ALIAS = 'latest'
export const PromptAliasName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'alias must be letters, digits, _ and -')
  .refine((name) => name !== RESERVED_ALIAS, `'${RESERVED_ALIAS}' is reserved`)

const millis = z.number().int().nonnegative()

/**
 * Names the API's own paths use beside `/prompts/{name}` (`GET
 * /prompts/resolve`), so no prompt may take them. Names never contain `/`
 * or `@`, which keeps a reference (`name/3`, `name@production`) unambiguous.
 */
export const RESERVED_PROMPT_NAMES = ['resolve', 'render'] as const
export const PromptName = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,255}$/, 'prompt name must be letters, digits, _ . and -')
  .refine(
    (name) => !(RESERVED_PROMPT_NAMES as readonly string[]).includes(name),
    `prompt name must not be one of ${RESERVED_PROMPT_NAMES.join(', ')}`,
  )

export const Prompt = z.object({
  id: z.string().min(1),
  projectId: ProjectId,
  name: PromptName,
  description: z.string(),
  tags: z.record(z.string(), z.string()),
  /** 0 until the first version is saved. */
  latestVersion: z.number().int().nonnegative(),
  createdAt: millis,
})
export type Prompt = z.infer<typeof Prompt>

export const PromptVersion = z.object({
  promptId: z.string().min(1),
  projectId: ProjectId,
  version: z.number().int().positive(),
  template: PromptTemplate,
  modelConfig: PromptModelConfig.nullable(),
  responseFormat: JsonSchemaObject.nullable(),
  commitMessage: z.string(),
  author: z.string(),
  tags: z.record(z.string(), z.string()),
  createdAt: millis,
})
export type PromptVersion = z.infer<typeof PromptVersion>

export const PromptAlias = z.object({
  promptId: z.string().min(1),
  name: PromptAliasName,
  version: z.number().int().positive(),
  updatedAt: millis,
})
export type PromptAlias = z.infer<typeof PromptAlias>

/** One move of an alias; `version` is null when the alias was deleted, `previousVersion` when it was new. */
export const PromptAliasChange = z.object({
  id: z.string().min(1),
  alias: z.string(),
  version: z.number().int().positive().nullable(),
  previousVersion: z.number().int().positive().nullable(),
  changedBy: z.string(),
  changedAt: millis,
})
export type PromptAliasChange = z.infer<typeof PromptAliasChange>

export const CreatePromptVersionInput = z.object({
  template: PromptTemplate,
  modelConfig: PromptModelConfig.nullable().default(null),
  responseFormat: JsonSchemaObject.nullable().default(null),
  commitMessage: z.string().default(''),
  author: z.string().default(''),
  tags: z.record(z.string(), z.string()).default({}),
})
export type CreatePromptVersionInput = z.input<typeof CreatePromptVersionInput>

export const CreatePromptInput = z.object({
  name: PromptName,
  description: z.string().default(''),
  tags: z.record(z.string(), z.string()).default({}),
})
export type CreatePromptInput = z.input<typeof CreatePromptInput>

/** The variable names a template uses, in first-use order; placeholders are included. */
export function promptVariables(template: PromptTemplate): string[] {
  const names = new Set<string>()
  const scan = (text: string) => {
    for (const match of text.matchAll(PROMPT_VARIABLE_PATTERN)) names.add(match[1]!)
  }
  if (template.type === 'text') scan(template.text)
  else for (const m of template.messages) 'role' in m ? scan(m.content) : names.add(m.name)
  return [...names]
}

/** What a client asks for: `name` (the latest version), `name/3`, or `name@production`. */
export type PromptReference =
  | { name: string; version: number; alias?: undefined }
  | { name: string; alias: string; version?: undefined }
  | { name: string; version?: undefined; alias?: undefined }

/**
 * Reads a prompt reference; null when it is not one. `name@latest` is the
 * same as `name`.
 *
 * @example
 * parsePromptReference('support@production') // { name: 'support', alias: 'production' }
 * parsePromptReference('support/3')          // { name: 'support', version: 3 }
 */
export function parsePromptReference(ref: string): PromptReference | null {
  const match = /^([^/@]+)(?:\/([1-9][0-9]{0,8})|@([^/@]+))?$/.exec(ref)
  if (!match || !PromptName.safeParse(match[1]).success) return null
  const [, name, version, alias] = match as unknown as [string, string, string?, string?]
  if (version !== undefined) return { name, version: Number(version) }
  if (alias === undefined || alias === RESERVED_ALIAS) return { name }
  return PromptAliasName.safeParse(alias).success ? { name, alias } : null
}
