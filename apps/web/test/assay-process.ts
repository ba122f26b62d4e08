/**
 * Runs `assay serve` as a child process, the way a user does (tests never
 * import from apps), on a fresh data directory and a free port, and reads
 * its structured log for the URL.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const bin = path.resolve(import.meta.dirname, '../../server/bin/assay.js')

export interface AssayProcess {
  child: ChildProcess
  url: string
  output: () => string
  stop(): Promise<void>
}

export function startAssay(env: Record<string, string> = {}, timeoutMs = 120_000): Promise<AssayProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'assay-web-'))
  const child = spawn(process.execPath, [bin, 'serve'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'test',
      PORT: '0',
      ASSAY_GRPC_PORT: 'off',
      ASSAY_LOG_LEVEL: 'info',
      ASSAY_DATA_DIR: dataDir,
      ...env,
    },
  })
  let out = ''
  const exited = new Promise<void>((r) => child.once('exit', () => r()))
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`assay serve was not ready in ${timeoutMs} ms\n${out}`))
    }, timeoutMs)
    child.stderr.on('data', (d) => (out += d))
    child.stdout.on('data', (d) => {
      out += d
      const match = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"assay is ready"/.exec(out)
      if (!match) return
      clearTimeout(timer)
      resolve({
        child,
        url: match[1]!,
        output: () => out,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM')
          await exited
          rmSync(dataDir, { recursive: true, force: true })
        },
      })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`assay serve exited with ${code} before it was ready\n${out}`))
    })
  })
}
