/**
 * The SDK's configuration, the one place that reads the environment.
 * Precedence: defaults < environment < options passed to `init()`.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

export interface AssayOptions {
  /** Assay's base URL (OTLP at `/v1/traces`, the API at `/api`). Env `ASSAY_URL`, default `http://localhost:4318`. */
  url?: string
  /** An API key with the `ingest` scope (and `write` for models, prompts, feedback). Env `ASSAY_API_KEY`. */
  apiKey?: string
  /** The project, when the server runs without auth. Env `ASSAY_PROJECT`. */
  project?: string
  /** Env `OTEL_SERVICE_NAME`, else the nearest package.json's name. */
  serviceName?: string
  /** Record prompts and completions of LLM calls. Env `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT`, default true. */
  captureContent?: boolean
  /** How long one export may take, retries included, before it is dropped. Default 5000 ms. */
  exportTimeoutMs?: number
  /** Flush on the process's normal exit (`beforeExit`). Default true. */
  exitHook?: boolean
}

export interface AssayConfig {
  url: string
  apiKey: string | undefined
  project: string | undefined
  serviceName: string
  captureContent: boolean
  exportTimeoutMs: number
  exitHook: boolean
}

const DEFAULT_URL = 'http://localhost:4318'

export function resolveConfig(options: AssayOptions = {}, env = process.env): AssayConfig {
  const url = (options.url ?? env.ASSAY_URL ?? DEFAULT_URL).replace(/\/+$/, '')
  return {
    url,
    apiKey: options.apiKey ?? (env.ASSAY_API_KEY || undefined),
    project: options.project ?? (env.ASSAY_PROJECT || undefined),
    serviceName: options.serviceName ?? (env.OTEL_SERVICE_NAME || packageName() || 'unknown_service'),
    captureContent:
      options.captureContent ?? flag(env.OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT, true),
    exportTimeoutMs: options.exportTimeoutMs ?? 5000,
    exitHook: options.exitHook ?? true,
  }
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback
  return !/^(false|0|no|off)$/i.test(value.trim())
}

/** The name in the nearest package.json above the working directory. */
function packageName(start = process.cwd()): string | undefined {
  for (let dir = start; ; dir = path.dirname(dir)) {
    try {
      const name = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name
      if (typeof name === 'string' && name) return name
    } catch {}
    if (path.dirname(dir) === dir) return undefined
  }
}

/** Headers for both OTLP exports and API calls. */
export function authHeaders(config: AssayConfig): Record<string, string> {
  const headers: Record<string, string> = {}
  if (config.apiKey) headers.Authorization = `Bearer ${config.apiKey}`
  if (config.project) headers['X-Assay-Project'] = config.project
  return headers
}
