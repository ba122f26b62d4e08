/**
 * The ESM build of `openai` is a separate module from the CommonJS one that
 * require hooks see, and `import '@assay/sdk/register'` runs after the app's
 * import graph is already linked, too late for a loader hook. So the SDK
 * patches the ESM module itself: the instrumentation wraps prototype
 * methods, which every importer of the same module shares.
 */
import type { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai'
import { errorMessage, warnOnce } from '../warn.js'

interface Wrapped {
  __wrapped?: boolean
}

/** Applies the instrumentation's patch to a loaded `openai` module (namespace or CJS exports), once. */
export function patchOpenAIModule(instrumentation: OpenAIInstrumentation, mod: unknown): boolean {
  const exports = (mod as { default?: unknown }).default ?? mod
  const client = (exports as { OpenAI?: { Chat?: { Completions?: { prototype: { create: Wrapped } } } } })
    .OpenAI
  const create = client?.Chat?.Completions?.prototype.create
  if (!create) return false
  if (create.__wrapped) return true
  for (const def of instrumentation.getModuleDefinitions()) {
    if (def.name === 'openai') def.patch?.(mod, (exports as { VERSION?: string }).VERSION)
  }
  return true
}

/** Loads the app's ESM `openai`, if installed, and instruments it. */
export async function instrumentEsmOpenAI(instrumentation: OpenAIInstrumentation): Promise<void> {
  let mod: unknown
  try {
    mod = await import('openai')
  } catch {
    return // not installed: nothing to instrument
  }
  try {
    patchOpenAIModule(instrumentation, mod)
  } catch (err) {
    warnOnce('openai-esm', `could not instrument openai: ${errorMessage(err)}`)
  }
}
