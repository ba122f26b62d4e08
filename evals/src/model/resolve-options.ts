import type { JudgeModelOptions } from '../types.js'
import { type JudgeEnv, readJudgeEnv } from './env.js'

/**
 * Judge model options with every default filled in. Precedence, lowest
 * first: defaults, environment, then each layer given (the runner's
 * run-wide options, then the judge's own). A layer's `undefined` leaves the
 * lower value; `cacheDir: null` turns the cache off. Callers' objects are
 * never mutated.
 */
export interface ResolvedJudgeModelOptions {
  model: string
  baseURL: string
  apiKey: string | undefined
  timeoutMs: number
  maxAttempts: number
  retryBaseDelayMs: number
  cacheDir: string | null
  limiter: (<T>(fn: () => Promise<T>) => Promise<T>) | undefined
}

export const DEFAULT_JUDGE_MODEL = 'gpt-4o-mini'
export const OPENAI_BASE_URL = 'https://api.openai.com/v1'

export function resolveJudgeModelOptions(
  layers: readonly (JudgeModelOptions | undefined)[],
  env: JudgeEnv = readJudgeEnv(),
): ResolvedJudgeModelOptions {
  const merged: JudgeModelOptions = {}
  for (const layer of layers) {
    if (!layer) continue
    for (const [key, value] of Object.entries(layer)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value
    }
  }
  const resolved: ResolvedJudgeModelOptions = {
    model: merged.model ?? env.model ?? DEFAULT_JUDGE_MODEL,
    baseURL: (merged.baseURL ?? env.baseURL ?? OPENAI_BASE_URL).replace(/\/+$/, ''),
    apiKey: merged.apiKey ?? env.apiKey,
    timeoutMs: merged.timeoutMs ?? 60_000,
    maxAttempts: merged.maxAttempts ?? 4,
    retryBaseDelayMs: merged.retryBaseDelayMs ?? 500,
    cacheDir: merged.cacheDir === undefined ? (env.cacheDir ?? null) : merged.cacheDir,
    limiter: merged.limiter,
  }
  validate(resolved)
  return resolved
}

function validate(options: ResolvedJudgeModelOptions): void {
  if (options.model.trim() === '') throw new Error('judge model must not be empty')
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) throw new Error('timeoutMs must be > 0')
  if (!Number.isInteger(options.maxAttempts) || options.maxAttempts < 1) {
    throw new Error('maxAttempts must be an integer >= 1')
  }
  if (!Number.isFinite(options.retryBaseDelayMs) || options.retryBaseDelayMs < 0) {
    throw new Error('retryBaseDelayMs must be >= 0')
  }
}
