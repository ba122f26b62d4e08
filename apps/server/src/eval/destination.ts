/**
 * Where a run is recorded. A server answering `/readyz` at ASSAY_URL is
 * used as is. With none, an Assay starts inside this process on the local
 * data directory (the server's own start-up code: lock, storage,
 * migrations) on an ephemeral loopback port, and stops when the run ends;
 * `assay serve --data-dir` shows the results later. A directory another
 * server holds is never opened: the lock refuses it, which is a
 * configuration error naming that server's pid.
 */
import { pino } from 'pino'
import { loadConfig } from '../config/config.js'
import { startServer } from '../serve.js'
import type { EvalOptions } from './eval-options.js'

export interface Destination {
  url: string
  apiKey?: string
  project?: string
  /** Set when an in-process server was started on this data directory. */
  localDataDir?: string
  close(): Promise<void>
}

export async function openDestination(
  options: EvalOptions,
  env: Record<string, string | undefined>,
  say: (line: string) => void,
): Promise<Destination> {
  if (await answers(options.url)) {
    return { url: options.url, apiKey: options.apiKey, project: options.project, close: async () => {} }
  }
  say(`no Assay answers at ${options.url}; recording to the local data directory ${options.dataDir}`)
  const config = loadConfig(
    { ...env, PORT: '0', HOST: '127.0.0.1', ASSAY_GRPC_PORT: 'off', ASSAY_AUTH: 'off' },
    { dataDir: options.dataDir },
  )
  // Warnings only, on stderr: stdout may be the --json summary.
  const logger = pino({ level: 'warn', base: { service: 'assay-eval' } }, pino.destination(2))
  const running = await startServer(config, logger)
  const address = running.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    localDataDir: options.dataDir,
    close: () => running.stop(),
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) })
    await res.body?.cancel()
    return res.ok
  } catch {
    return false
  }
}
