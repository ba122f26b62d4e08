/**
 * `prompts.register(name, { template })` for scripts that keep prompts in
 * code: creates the prompt name if new, saves the next version, and moves
 * the given aliases to it.
 */
import { callApi } from '../api-client.js'
import { type Prompt, type PromptVersionData, toPrompt } from './prompt.js'
import type { PromptTemplate } from './render.js'

export interface RegisterPromptInput {
  /** A string is a text template. */
  template: PromptTemplate | string
  modelConfig?: Record<string, unknown>
  responseFormat?: Record<string, unknown>
  commitMessage?: string
  tags?: Record<string, string>
  description?: string
  /** Aliases to point at the new version, e.g. `['production']`. */
  aliases?: string[]
}

export async function registerPrompt(name: string, input: RegisterPromptInput): Promise<Prompt> {
  const path = `/prompts/${encodeURIComponent(name)}`
  await callApi('POST', '/prompts', {
    body: { name, description: input.description ?? '' },
    okStatuses: [409],
  })
  const template =
    typeof input.template === 'string' ? { type: 'text', text: input.template } : input.template
  const { body } = await callApi<PromptVersionData>('POST', `${path}/versions`, {
    body: {
      template,
      modelConfig: input.modelConfig,
      responseFormat: input.responseFormat,
      commitMessage: input.commitMessage,
      tags: input.tags,
    },
  })
  const version = body!
  for (const alias of input.aliases ?? []) {
    await callApi('PUT', `${path}/aliases/${encodeURIComponent(alias)}`, {
      body: { version: version.version },
    })
  }
  return toPrompt({ ...version, name })
}
