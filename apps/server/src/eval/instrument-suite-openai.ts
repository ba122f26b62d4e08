/**
 * The suite's own `openai` (resolved from the suite's folder, its ESM
 * build) handed to the SDK, so the task's model calls become LLM spans
 * under the item's root span, as `@assay/sdk/register` does for an app.
 * Best effort: a suite without `openai` simply has no LLM spans.
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { instrumentOpenAI } from '@assay/sdk'

export async function instrumentSuiteOpenAI(suiteFile: string): Promise<boolean> {
  try {
    const require = createRequire(suiteFile)
    // `openai/package.json` is not exported: find it above the CommonJS entry point.
    const manifestPath = manifestAbove(require.resolve('openai'))
    if (!manifestPath) return false
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, unknown> }
    const root = manifest.exports?.['.'] as { import?: unknown; default?: unknown } | undefined
    const entry = pickDefault(root?.import) ?? pickDefault(root?.default)
    if (!entry) return false
    const module = await import(pathToFileURL(path.join(path.dirname(manifestPath), entry)).href)
    return instrumentOpenAI(module)
  } catch {
    return false
  }
}

function manifestAbove(file: string): string | undefined {
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json')
    if (existsSync(candidate) && JSON.parse(readFileSync(candidate, 'utf8')).name === 'openai')
      return candidate
  }
  return undefined
}

function pickDefault(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') return pickDefault((value as { default?: unknown }).default)
  return undefined
}
