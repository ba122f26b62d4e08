/** The prompt registry from an app: `prompts.get(ref)`, `prompts.register(name, ...)`. */
import { getPrompt } from './prompt-cache.js'
import { registerPrompt } from './register-prompt.js'

export const prompts = { get: getPrompt, register: registerPrompt }
export type { Prompt, PromptVersionData } from './prompt.js'
export { clearPromptCache, type GetPromptOptions } from './prompt-cache.js'
export type { RegisterPromptInput } from './register-prompt.js'
export { type ChatMessage, PromptFormatError, type PromptTemplate } from './render.js'
