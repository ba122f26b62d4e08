/**
 * Each collector test file runs its own `assay serve` child process on
 * embedded storage in its own temporary data directory.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type AssayProcess, startAssay } from '../../server-process.js'

export interface TestServer {
  assay: AssayProcess
  url: string
  dataDir: string
  /** Stops the server (SIGTERM, or SIGKILL after 60 s) and removes the data directory. */
  dispose(): Promise<void>
}

/** Generous: chDB opening a data directory on a busy 2-core machine can take a while. */
export const START_TIMEOUT_MS = 180_000

/** Starts a server on a new temporary data directory, or on `dataDir` (a restart). */
export async function startTestServer(
  name: string,
  env: Record<string, string> = {},
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `assay-${name}-`)),
): Promise<TestServer> {
  const assay = await startAssay({ ASSAY_DATA_DIR: dataDir, ...env }, START_TIMEOUT_MS)
  return {
    assay,
    url: assay.url,
    dataDir,
    async dispose() {
      await stopProcess(assay)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** SIGTERM, then SIGKILL if it does not exit within 60 s. */
export async function stopProcess(assay: AssayProcess): Promise<void> {
  const timer = setTimeout(() => assay.child.kill('SIGKILL'), 60_000)
  await assay.stop('SIGTERM')
  clearTimeout(timer)
}

/** True while the server process runs and answers /healthz. */
export async function isUp(assay: AssayProcess): Promise<boolean> {
  if (assay.child.exitCode !== null || assay.child.signalCode !== null) return false
  const res = await fetch(`${assay.url}/healthz`).catch(() => null)
  return res?.status === 200
}
