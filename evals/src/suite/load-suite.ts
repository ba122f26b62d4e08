/**
 * Loads a suite file. TypeScript needs no build step: when the process has
 * no loader for `.ts` yet (the `assay` binary registers tsx itself), tsx's
 * ESM loader is registered once and the import retried. A `.ts` file in a
 * package that is not `"type": "module"` is compiled to CommonJS by tsx,
 * which Node 20 cannot import this way (ERR_REQUIRE_CYCLE_MODULE): that one
 * goes through tsx's own `tsImport`. Any failure to load, or a suite of the
 * wrong shape, is a SuiteError naming the file.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { EvalSuite } from './suite-definition.js'
import { SuiteError } from './suite-error.js'
import { validateSuite } from './validate-suite.js'

export interface LoadedSuite {
  suite: EvalSuite & { name: string }
  /** Absolute path of the suite file: datasets are relative to its folder. */
  file: string
}

let tsxRegistered = false

export async function loadSuite(file: string): Promise<LoadedSuite> {
  const absolute = path.resolve(file)
  if (!existsSync(absolute)) throw new SuiteError(`${file}: no such suite file`)
  let module: Record<string, unknown>
  try {
    module = await importFile(absolute)
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new SuiteError(`${file}: the suite file could not be loaded: ${detail}`)
  }
  const exported = exportedSuite(module)
  const suite = validateSuite(exported, file)
  const name = suite.name ?? path.basename(absolute).replace(/(\.eval)?\.[cm]?[jt]s$/, '')
  return { suite: { ...suite, name }, file: absolute }
}

async function importFile(file: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(file).href
  try {
    return await import(url)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ERR_REQUIRE_CYCLE_MODULE') {
      const { tsImport } = await import('tsx/esm/api')
      return await tsImport(url, import.meta.url)
    }
    if (code !== 'ERR_UNKNOWN_FILE_EXTENSION' || tsxRegistered) throw error
  }
  const { register } = await import('tsx/esm/api')
  register()
  tsxRegistered = true
  return await import(url)
}

/** The suite object: the default export (unwrapping CommonJS interop), else the named exports. */
function exportedSuite(module: Record<string, unknown>): Partial<EvalSuite> {
  let value: unknown = module.default ?? module
  const inner = (value ?? {}) as { __esModule?: boolean; default?: unknown }
  if (inner.__esModule && inner.default !== undefined) value = inner.default
  return value as Partial<EvalSuite>
}
