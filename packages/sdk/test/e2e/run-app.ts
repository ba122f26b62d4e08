/**
 * Runs the example app (`examples/rag-app`) as a child process with the
 * environment a user would set, and reads its `RESULT {...}` line.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'

export const appDir = path.resolve(import.meta.dirname, '../../../../examples/rag-app')

export interface AppStep {
  text: string
  traceId: string
}

export interface AppRun {
  code: number | null
  stdout: string
  stderr: string
  ms: number
  result: { answer: AppStep; agent: AppStep; failing: AppStep } | undefined
}

export function runApp(nodeArgs: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<AppRun> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: appDir,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`app did not exit in ${timeoutMs} ms\n${stdout}\n${stderr}`))
    }, timeoutMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      const line = /^RESULT (.*)$/m.exec(stdout)
      resolve({
        code,
        stdout,
        stderr,
        ms: Date.now() - started,
        result: line ? JSON.parse(line[1]!) : undefined,
      })
    })
  })
}
