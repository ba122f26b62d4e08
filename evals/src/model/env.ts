/**
 * The one place `@assay/evals` reads the environment (judge model
 * defaults). Everything else receives resolved options.
 */
export interface JudgeEnv {
  model: string | undefined
  baseURL: string | undefined
  apiKey: string | undefined
  cacheDir: string | undefined
}

export function readJudgeEnv(env: NodeJS.ProcessEnv = process.env): JudgeEnv {
  return {
    model: nonEmpty(env.ASSAY_JUDGE_MODEL),
    baseURL: nonEmpty(env.OPENAI_BASE_URL),
    apiKey: nonEmpty(env.OPENAI_API_KEY),
    cacheDir: nonEmpty(env.ASSAY_JUDGE_CACHE_DIR),
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}
