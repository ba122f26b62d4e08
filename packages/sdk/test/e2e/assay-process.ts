/**
 * Runs `assay serve` as a child process, the way a user does, and reads its
 * structured log for the URL (the minimal part of the server's own test
 * helper; tests never import from apps). The same data directory can be
 * started again, so a test can stop Assay and bring it back.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'

const bin = path.resolve(import.meta.dirname, '../../../../apps/server/bin/assay.js')

export interface AssayProcess {
  child: ChildProcess
  url: string
  stop(): Promise<void>
}

export function startAssay(dataDir: string, port = 0, timeoutMs = 90_000): Promise<AssayProcess> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    ASSAY_GRPC_PORT: 'off',
    ASSAY_LOG_LEVEL: 'info',
    ASSAY_DATA_DIR: dataDir,
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'serve'], { env })
    let out = ''
    const exited = new Promise<void>((r) => child.once('exit', () => r()))
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
      child.stdout.removeAllListeners('data')
      child.stdout.resume()
      resolve({
        child,
        url: match[1]!,
        async stop() {
          if (child.exitCode === null) child.kill('SIGTERM')
          await exited
        },
      })
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`assay serve exited with ${code} before it was ready\n${out}`))
    })
  })
}
